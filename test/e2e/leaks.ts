// Where the API key could leave the product, for the e2e tests of key secrecy: every cell, note and
// display value, toast, alert, dialog, log line (Logger and console), mail, and every execution's
// error and returned value (the dialog's and the sidebar's replies).

import type { World } from "./world";
import { allCellTexts } from "./world";

/** Every place a secret (or one of several) appears in (empty when none), named for the failure message. */
export function leaksOf(w: World, secret: string | readonly string[]): string[] {
  const out: string[] = [];
  const secrets = typeof secret === "string" ? [secret] : secret;
  const has = (value: unknown): boolean => {
    const text = String(value ?? "");
    return secrets.some((s) => text.includes(s));
  };
  for (const { where, text } of allCellTexts(w.ss)) if (has(text)) out.push(where);
  for (const t of w.ss.toasts) if (has(t.message) || has(t.title)) out.push(`toast: ${t.message}`);
  for (const a of w.ss.alerts) if (has(a.message) || has(a.title)) out.push(`alert: ${a.message}`);
  for (const d of w.ss.dialogs) if (has(d.html)) out.push("dialog");
  for (const l of w.rt.logs) if (has(l.text)) out.push(`log: ${l.text.slice(0, 200)}`);
  for (const m of w.rt.mail) if (has(JSON.stringify(m))) out.push("mail");
  for (const e of w.rt.executions) {
    if (has(e.error?.message) || has(e.error?.stack)) out.push(`error of ${e.fn}`);
    if (has(JSON.stringify(e.returned ?? null))) out.push(`reply of ${e.fn}`);
  }
  return out;
}
