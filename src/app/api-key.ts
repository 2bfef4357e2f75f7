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

export function showApiKeyDialog(): void {
  const stored = getApiKey();
  const hint = stored
    ? `A key ending in …${escapeHtml(stored.slice(-4))} is saved for you. Enter a new one to replace it.`
    : "No key is saved for you yet.";
  showHtmlDialog(DIALOG_FILE, { "<!--HINT-->": hint }, "MijnKlantportaal API key");
}

export function saveApiKey(input: unknown): string {
  const key = typeof input === "string" ? input.trim() : "";
  if (key === "") return "Please paste your API key: the field is empty. Nothing was saved.";
  if (/\s/.test(key)) {
    return "That key contains spaces or line breaks inside it, so it cannot be right. Copy it again from MijnKlantportaal (Settings › API keys). Nothing was saved.";
  }
  const base = getBaseUrl();
  if (!base.ok) return `${base.problem} Nothing was saved.`;
  const [exchange] = new ApiClient(base.url, key).send([{ method: "get", path: "/customers?page=1" }]);
  const outcome = exchange ? classify(exchange, Date.now(), false) : null;
  if (outcome?.kind === "unauthorized") {
    const status = exchange?.kind === "response" ? exchange.status : 401;
    return `MijnKlantportaal refused this key (HTTP ${status}): it may be mistyped, revoked, or lack permissions. Nothing was saved.`;
  }
  storeApiKey(key);
  if (exchange?.kind === "response" && exchange.status >= 200 && exchange.status < 300) {
    return "Saved. MijnKlantportaal accepted the key.";
  }
  return "Saved, but the key could not be checked right now (MijnKlantportaal could not be reached). It will be used on the next run.";
}

export function clearApiKey(): string {
  deleteApiKey();
  return "Your API key was removed.";
}
