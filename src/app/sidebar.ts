// The sidebar (CONTRACT §9): served with the language its texts are to be in (the page holds them in
// both), and the language choice it offers (state key LANGUAGE: "nl", "en", or none for the
// spreadsheet's locale).

import { language, pick } from "../core/language";
import type { LanguageChoice } from "../core/panel";
import type { RunContext, Stores } from "../core/ports";
import { clearState, LANGUAGE, saveState } from "../core/state-keys";
import { PANEL_TEXTS } from "../core/texts-panel";

const SIDEBAR_FILE = "Sidebar";
const TITLE = "MijnKlantportaal";
/** Where the HTML files take the language to show (a string literal inside a <script> element). */
export const LANG_PLACEHOLDER = '/*LANG*/"en"';

/** The fill that tells a page this execution's language ("en" or "nl", nothing else). */
export const langFill = (): Record<string, string> => ({ [LANG_PLACEHOLDER]: JSON.stringify(language()) });

export function showSidebar(ctx: RunContext): void {
  ctx.dialogs.showSidebar(SIDEBAR_FILE, langFill(), TITLE);
}

export type LanguageReply =
  | {
      readonly ok: true;
      readonly choice: LanguageChoice;
      /** The language now in use: the page shows its texts in it, and says it was saved. */
      readonly lang: "en" | "nl";
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
  return { ok: true, choice: saved, lang: language() };
}
