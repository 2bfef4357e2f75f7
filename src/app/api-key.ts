// The API key: checked with one authenticated GET of the offer list (needs only offers.read) before
// it is stored in the user's own properties. The key never appears in a message, a log or the dialog.

import type { RunContext } from "../core/ports";
import { classify } from "../core/responses";
import { API_KEY, clearState, saveState } from "../core/state-keys";
import { TEXTS } from "../core/texts";
import { apiKeyOf, baseUrlOf } from "./settings";
import { keyDialogFill } from "./sidebar";

const DIALOG_FILE = "ApiKeyDialog";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The dialog's hint about the stored key, as plain text (at most its last 4 characters). */
function plainHint(ctx: RunContext): string {
  const stored = apiKeyOf(ctx.stores);
  return stored ? TEXTS.keySavedHint(stored.slice(-4)) : TEXTS.noKeyHint();
}

export function showApiKeyDialog(ctx: RunContext): void {
  ctx.dialogs.showHtmlDialog(
    DIALOG_FILE,
    { "<!--HINT-->": escapeHtml(plainHint(ctx)), ...keyDialogFill() },
    TEXTS.keyDialogTitle(),
  );
}

/** The dialog's answer to Save / Remove: how it went (to style it) and the hint as it now is. */
export interface KeyDialogReply {
  readonly outcome: "saved" | "unverified" | "refused" | "removed";
  readonly message: string;
  readonly hint: string;
}

function checkAndSave(
  ctx: RunContext,
  input: unknown,
): { outcome: KeyDialogReply["outcome"]; message: string } {
  const refused = (message: string) => ({ outcome: "refused" as const, message });
  const key = typeof input === "string" ? input.trim() : "";
  if (key === "") return refused(TEXTS.keyEmpty());
  if (/\s/.test(key)) return refused(TEXTS.keyHasSpaces());
  const base = baseUrlOf(ctx.stores);
  if (!base.ok) return refused(TEXTS.keyNotSavedBecause(base.problem));
  // One GET of the offer list: it needs only offers.read (CONTRACT §3).
  const [exchange] = ctx.http(base.url, key).send([{ method: "get", path: "/customer-offers?page=1" }]);
  const outcome = exchange ? classify(exchange, ctx.clock.now(), false) : null;
  if (outcome?.kind === "unauthorized") {
    return refused(TEXTS.keyRejected(exchange?.kind === "response" ? exchange.status : 401));
  }
  saveState(ctx.stores, API_KEY, key);
  if (exchange?.kind === "response" && exchange.status >= 200 && exchange.status < 300)
    return { outcome: "saved", message: TEXTS.keySaved() };
  return { outcome: "unverified", message: TEXTS.keySavedUnchecked() };
}

export function saveApiKey(ctx: RunContext, input: unknown): string {
  return checkAndSave(ctx, input).message;
}

export function saveApiKeyFromDialog(ctx: RunContext, input: unknown): KeyDialogReply {
  const { outcome, message } = checkAndSave(ctx, input);
  return { outcome, message, hint: plainHint(ctx) };
}

export function clearApiKey(ctx: RunContext): string {
  clearState(ctx.stores, API_KEY);
  return TEXTS.keyRemoved();
}

export function clearApiKeyFromDialog(ctx: RunContext): KeyDialogReply {
  return { outcome: "removed", message: clearApiKey(ctx), hint: plainHint(ctx) };
}
