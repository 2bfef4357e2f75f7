// The API key: checked with one authenticated GET before it is stored in the user's own properties.
// The key itself never appears in a message, a log line or the dialog.

import { classify } from "../core/responses";
import { ApiClient } from "../shell/http";
import { deleteApiKey, getApiKey, getBaseUrl, storeApiKey } from "../shell/settings";
import { showHtmlDialog } from "../shell/ui";

const DIALOG_FILE = "ApiKeyDialog";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** What the dialog says about the stored key: plain text, never more than its last 4 characters. */
export function apiKeyHint(): string {
  const stored = getApiKey();
  return stored
    ? `A key ending in …${stored.slice(-4)} is saved for you. Enter a new one to replace it.`
    : "No key is saved for you yet.";
}

export function showApiKeyDialog(): void {
  showHtmlDialog(DIALOG_FILE, { "<!--HINT-->": escapeHtml(apiKeyHint()) }, "MijnKlantportaal API key");
}

/** The dialog's answer to Save / Remove: how it went (to style it) and the hint as it now is. */
export interface KeyDialogReply {
  readonly outcome: "saved" | "unverified" | "refused" | "removed";
  readonly message: string;
  readonly hint: string;
}

export function saveApiKey(input: unknown): string {
  return checkAndSave(input).message;
}

export function saveApiKeyFromDialog(input: unknown): KeyDialogReply {
  const { outcome, message } = checkAndSave(input);
  return { outcome, message, hint: apiKeyHint() };
}

export function clearApiKeyFromDialog(): KeyDialogReply {
  return { outcome: "removed", message: clearApiKey(), hint: apiKeyHint() };
}

function checkAndSave(input: unknown): { outcome: KeyDialogReply["outcome"]; message: string } {
  const refused = (message: string) => ({ outcome: "refused" as const, message });
  const key = typeof input === "string" ? input.trim() : "";
  if (key === "") return refused("Please paste your API key: the field is empty. Nothing was saved.");
  if (/\s/.test(key)) {
    return refused(
      "That key contains spaces or line breaks inside it, so it cannot be right. Copy it again from MijnKlantportaal (Settings › API keys). Nothing was saved.",
    );
  }
  const base = getBaseUrl();
  if (!base.ok) return refused(`${base.problem} Nothing was saved.`);
  const [exchange] = new ApiClient(base.url, key).send([{ method: "get", path: "/customers?page=1" }]);
  const outcome = exchange ? classify(exchange, Date.now(), false) : null;
  if (outcome?.kind === "unauthorized") {
    const status = exchange?.kind === "response" ? exchange.status : 401;
    return refused(
      `MijnKlantportaal refused this key (HTTP ${status}): it may be mistyped, revoked, or lack permissions. Nothing was saved.`,
    );
  }
  storeApiKey(key);
  if (exchange?.kind === "response" && exchange.status >= 200 && exchange.status < 300) {
    return { outcome: "saved", message: "Saved. MijnKlantportaal accepted the key." };
  }
  return {
    outcome: "unverified",
    message:
      "Saved, but the key could not be checked right now (MijnKlantportaal could not be reached). It will be used on the next run.",
  };
}

export function clearApiKey(): string {
  deleteApiKey();
  return "Your API key was removed.";
}
