// The two settings a run needs before it may send anything: the user's API key and the API base.

import type { Stores } from "../core/ports";
import { API_KEY, BASE_URL, loadState } from "../core/state-keys";
import { texts } from "../core/texts";

export const DEFAULT_BASE_URL = "https://api.mijnklantportaal.nl/v1";

export function apiKeyOf(stores: Stores): string | null {
  const key = loadState(stores, API_KEY);
  return key && key.trim() !== "" ? key : null;
}

/** The API base without a trailing slash; https only, except a local address for testing. */
export function baseUrlOf(stores: Stores): { ok: true; url: string } | { ok: false; problem: string } {
  const raw = (loadState(stores, BASE_URL) ?? "").trim();
  if (raw === "") return { ok: true, url: DEFAULT_BASE_URL };
  const url = raw.replace(/\/+$/, "");
  if (/^https:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i.test(url)) return { ok: true, url };
  if (/^http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?(\/[^\s?#]*)?$/i.test(url)) return { ok: true, url };
  return { ok: false, problem: texts().badBaseUrl(raw, DEFAULT_BASE_URL) };
}

/** Key and base together, or the reason a run cannot start. */
export function apiAccess(
  stores: Stores,
): { ok: true; key: string; url: string } | { ok: false; problem: string } {
  const key = apiKeyOf(stores);
  if (key === null) return { ok: false, problem: texts().noKey() };
  const base = baseUrlOf(stores);
  if (!base.ok) return base;
  return { ok: true, key, url: base.url };
}
