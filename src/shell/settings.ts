// Settings kept by Apps Script: the API key (user properties, private to each user) and the
// optional API base URL (script property MKP_BASE_URL).

const API_KEY = "MKP_API_KEY";
const BASE_URL = "MKP_BASE_URL";
export const DEFAULT_BASE_URL = "https://api.mijnklantportaal.nl/v1";

export function getApiKey(): string | null {
  const key = PropertiesService.getUserProperties().getProperty(API_KEY);
  return key && key.trim() !== "" ? key : null;
}

export function storeApiKey(key: string): void {
  PropertiesService.getUserProperties().setProperty(API_KEY, key);
}

export function deleteApiKey(): void {
  PropertiesService.getUserProperties().deleteProperty(API_KEY);
}

/** The API base without a trailing slash; https only, except a local address for testing. */
export function getBaseUrl(): { ok: true; url: string } | { ok: false; problem: string } {
  const raw = (PropertiesService.getScriptProperties().getProperty(BASE_URL) ?? "").trim();
  if (raw === "") return { ok: true, url: DEFAULT_BASE_URL };
  const url = raw.replace(/\/+$/, "");
  if (/^https:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i.test(url)) return { ok: true, url };
  if (/^http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?(\/[^\s?#]*)?$/i.test(url)) return { ok: true, url };
  return {
    ok: false,
    problem: `The script property MKP_BASE_URL (${JSON.stringify(raw)}) is not an https:// address. Remove it to use ${DEFAULT_BASE_URL}.`,
  };
}
