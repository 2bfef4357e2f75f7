// The sidebar (CONTRACT §9): served with its labels in the user's language, and the language
// choice it offers (state key LANGUAGE: "nl", "en", or none for the spreadsheet's locale).

import { pick } from "../core/language";
import type { LanguageChoice } from "../core/panel";
import { keyDialogTexts, sidebarTexts, textsForScript } from "../core/panel-view";
import type { RunContext, Stores } from "../core/ports";
import { clearState, LANGUAGE, saveState } from "../core/state-keys";
import { PANEL_TEXTS } from "../core/texts-panel";

const SIDEBAR_FILE = "Sidebar";
const TITLE = "MijnKlantportaal";
/** Where the HTML files take their labels (a JSON object inside a <script> element). */
export const TEXTS_PLACEHOLDER = "/*TEXTS*/{}";

export function showSidebar(ctx: RunContext): void {
  ctx.dialogs.showSidebar(SIDEBAR_FILE, { [TEXTS_PLACEHOLDER]: textsForScript(sidebarTexts()) }, TITLE);
}

/** The key dialog's own labels, for api-key.ts to fill in. */
export const keyDialogFill = (): Record<string, string> => ({
  [TEXTS_PLACEHOLDER]: textsForScript(keyDialogTexts()),
});

export type LanguageReply =
  | {
      readonly ok: true;
      readonly choice: LanguageChoice;
      /** The sidebar's labels in the language now in use, and a word that it was saved. */
      readonly texts: Record<string, string>;
      readonly message: string;
    }
  | { readonly ok: false; readonly message: string };

/** Saves the choice; `apply` then sets this execution's language again (locale and choice). */
export function setLanguage(stores: Stores, choice: unknown, apply: () => void): LanguageReply {
  if (choice !== "nl" && choice !== "en" && choice !== "" && choice !== null && choice !== undefined) {
    return { ok: false, message: pick(PANEL_TEXTS).badLanguage() };
  }
  if (choice === "nl" || choice === "en") saveState(stores, LANGUAGE, choice);
  else clearState(stores, LANGUAGE);
  apply();
  const saved: LanguageChoice = choice === "nl" || choice === "en" ? choice : "";
  return { ok: true, choice: saved, texts: sidebarTexts(), message: pick(PANEL_TEXTS).languageSaved() };
}
