// The two settings a run needs before it may send anything: the user's API key and the API base.

import { capText, plainText } from "../core/api-answer";
import { DEFAULT_BASE_URL, parseBaseUrl } from "../core/base-url";
import { pick } from "../core/language";
import type { Stores } from "../core/ports";
import { API_KEY, BASE_URL, loadState } from "../core/state-keys";
import { texts } from "../core/texts";
import { ANSWER_TEXTS } from "../core/texts-answers";

export { DEFAULT_BASE_URL };

export function apiKeyOf(stores: Stores): string | null {
  const key = loadState(stores, API_KEY);
  return key && key.trim() !== "" ? key : null;
}

/**
 * The API base, checked strictly (CONTRACT §7): any editor may set MKP_BASE_URL while the key is each
 * user's own, so anything but MijnKlantportaal's hosts (or loopback) is refused before any request.
 */
export function baseUrlOf(stores: Stores): { ok: true; url: string } | { ok: false; problem: string } {
  const raw = loadState(stores, BASE_URL);
  const base = parseBaseUrl(raw);
  if (base.ok) return base;
  const t = pick(ANSWER_TEXTS);
  const shown = JSON.stringify(capText(plainText(raw ?? ""), 120));
  return { ok: false, problem: t.baseUrlRefused(shown, t.baseUrlWhy[base.reason]) };
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
