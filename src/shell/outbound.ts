// Every text that leaves the product (cells, notes, Run log, toasts, alerts, dialogs, mail, console,
// replies to the dialog and the sidebar) passes here: the API keys this execution used are removed in
// any form they came back in, and the text is capped so that no cell write can throw.

import { capText, SHEETS_CELL_MAX } from "../core/api-answer";
import { keySeeds, redactSecret, surelyClean } from "../core/redact";

/** Room below Sheets' 50,000-character limit for a cell. */
export const CELL_TEXT_MAX = SHEETS_CELL_MAX - 1000;
/** Toasts, alerts and mail: longer texts help no one (and a toast shows far less). */
export const NOTICE_MAX = 5000;

// The keys seen in this execution. Each Apps Script execution loads the script afresh, so this never
// holds another user's key.
const secrets: { key: string; seeds: string[] }[] = [];

/** Remembers a key this execution uses, so that nothing shown later can contain it. */
export function addSecret(secret: string): void {
  const key = secret.trim();
  if (key !== "" && !secrets.some((s) => s.key === key)) secrets.push({ key, seeds: keySeeds(key) });
}

/** `text` without any trace of a key this execution used. */
export function scrub(text: string): string {
  let out = text;
  // Most texts (IDs, dates, the product's own words) hold nothing to decode and no piece of a key.
  for (const { key, seeds } of secrets) if (!surelyClean(out, seeds)) out = redactSecret(out, key);
  return out;
}

/** A text safe to write: no key, at most `max` characters. */
export function outText(text: string, max: number = CELL_TEXT_MAX): string {
  return capText(scrub(text), max);
}

/** Like outText for a value bound for a cell: strings only, numbers and dates as they are. */
export function outCell<T>(value: T): T | string {
  return typeof value === "string" ? outText(value) : value;
}

/** A reply to the dialog or the sidebar, every string in it scrubbed. */
export function outReply<T>(value: T): T {
  if (typeof value === "string") return scrub(value) as T;
  if (Array.isArray(value)) return value.map((v) => outReply(v)) as T;
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = outReply(v);
    return out as T;
  }
  return value;
}
