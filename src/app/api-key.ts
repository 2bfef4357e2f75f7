// The API key: checked with one authenticated GET of the offer list (needs only offers.read) before
// it is stored in the user's own properties. The key never appears in a message, a log or the dialog.

import type { RunContext } from "../core/ports";
import { classify } from "../core/responses";
import { API_KEY, clearState, saveState } from "../core/state-keys";
import { TEXTS } from "../core/texts";
import { apiKeyOf, baseUrlOf } from "./settings";

const DIALOG_FILE = "ApiKeyDialog";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The dialog's hint about the stored key (at most its last 4 characters). */
export function keyHint(ctx: RunContext): string {
  const stored = apiKeyOf(ctx.stores);
  return stored ? TEXTS.keySavedHint(escapeHtml(stored.slice(-4))) : TEXTS.noKeyHint();
}

export function showApiKeyDialog(ctx: RunContext): void {
  ctx.dialogs.showHtmlDialog(DIALOG_FILE, { "<!--HINT-->": keyHint(ctx) }, TEXTS.keyDialogTitle());
}

export function saveApiKey(ctx: RunContext, input: unknown): string {
  const key = typeof input === "string" ? input.trim() : "";
  if (key === "") return TEXTS.keyEmpty();
  if (/\s/.test(key)) return TEXTS.keyHasSpaces();
  const base = baseUrlOf(ctx.stores);
  if (!base.ok) return TEXTS.keyNotSavedBecause(base.problem);
  const [exchange] = ctx.http(base.url, key).send([{ method: "get", path: "/customer-offers?page=1" }]);
  const outcome = exchange ? classify(exchange, ctx.clock.now(), false) : null;
  if (outcome?.kind === "unauthorized") {
    return TEXTS.keyRejected(exchange?.kind === "response" ? exchange.status : 401);
  }
  saveState(ctx.stores, API_KEY, key);
  if (exchange?.kind === "response" && exchange.status >= 200 && exchange.status < 300)
    return TEXTS.keySaved();
  return TEXTS.keySavedUnchecked();
}

export function clearApiKey(ctx: RunContext): string {
  clearState(ctx.stores, API_KEY);
  return TEXTS.keyRemoved();
}
