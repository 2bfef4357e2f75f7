// The API key: checked with one authenticated GET of the offer list (needs only offers.read) before
// it is stored in the user's own properties. The key never appears in a message, a log or the dialog.

import { pick } from "../core/language";
import type { RunContext } from "../core/ports";
import { classify } from "../core/responses";
import { API_KEY, clearState, loadState, SCHEDULE_OWNER, saveState } from "../core/state-keys";
import { sentences, texts } from "../core/texts";
import { ANSWER_TEXTS } from "../core/texts-answers";
import { CUSTOMER_TEXTS } from "../core/texts-customers";
import { SCHEDULE_TEXTS } from "../core/texts-schedule";
import { ApiSession } from "./api-session";
import { apiKeyOf, baseUrlOf } from "./settings";
import { langFill } from "./sidebar";

const DIALOG_FILE = "ApiKeyDialog";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The dialog's hint about the stored key, as plain text (at most its last 4 characters). */
function plainHint(ctx: RunContext): string {
  const stored = apiKeyOf(ctx.stores);
  return stored ? texts().keySavedHint(stored.slice(-4)) : texts().noKeyHint();
}

export function showApiKeyDialog(ctx: RunContext): void {
  ctx.dialogs.showHtmlDialog(
    DIALOG_FILE,
    { "<!--HINT-->": escapeHtml(plainHint(ctx)), ...langFill() },
    texts().keyDialogTitle(),
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
  if (key === "") return refused(texts().keyEmpty());
  if (/\s/.test(key)) return refused(texts().keyHasSpaces());
  const base = baseUrlOf(ctx.stores);
  if (!base.ok) return refused(texts().keyNotSavedBecause(base.problem));
  // One GET of the offer list: it needs only offers.read (CONTRACT §3). Through an ApiSession, so
  // that its rate-limit headers start the pacing state of this key warm (the first run after it
  // need not probe with one request).
  const session = new ApiSession(ctx, base.url, key);
  const [exchange] = session.send([{ method: "get", path: "/customer-offers?page=1" }]);
  const outcome = exchange ? classify(exchange, ctx.clock.now(), false) : null;
  if (outcome?.kind === "unauthorized") {
    // A 403 to this GET means the key lacks offers.read; customers.read only matters for customer
    // names and offers.write shows on the first create, so neither is asked of the key here.
    const t = pick(ANSWER_TEXTS);
    return refused(outcome.status === 403 ? t.keyLacks("offers.read") : t.keyWrong(outcome.status));
  }
  saveState(ctx.stores, API_KEY, key);
  if (exchange?.kind === "response" && exchange.status >= 200 && exchange.status < 300)
    return { outcome: "saved", message: texts().keySaved() + customersReadWarning(session) };
  return { outcome: "unverified", message: texts().keySavedUnchecked() };
}

/**
 * A key that may not read customers is fine for offers by ID; the user is told names will not work.
 * The same session as the check: its send counts for the key's pacing too.
 */
function customersReadWarning(session: ApiSession): string {
  const [answer] = session.send([{ method: "get", path: "/customers?page=1" }]);
  return answer?.kind === "response" && answer.status === 403 ? pick(CUSTOMER_TEXTS).keyNoCustomers() : "";
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
  // This user's hourly runs use the key: said, so that they are not left on doing nothing unseen.
  const me = ctx.userEmail();
  const hourlyMine = me !== "" && loadState(ctx.stores, SCHEDULE_OWNER) === me;
  return sentences(texts().keyRemoved(), hourlyMine ? pick(SCHEDULE_TEXTS).keyRemovedHourlyOn() : "");
}

export function clearApiKeyFromDialog(ctx: RunContext): KeyDialogReply {
  return { outcome: "removed", message: clearApiKey(ctx), hint: plainHint(ctx) };
}
