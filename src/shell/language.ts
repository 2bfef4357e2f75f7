// Sets this execution's language (core/language.ts) from the spreadsheet's locale and the user's
// choice (state key LANGUAGE), for the entry points that show the sidebar or the key dialog.

import { type Language, languageFor, useLanguage } from "../core/language";
import type { Stores } from "../core/ports";
import { LANGUAGE, loadState } from "../core/state-keys";
import { useProjectTexts } from "./texts-file";

export function applyLanguage(stores: Stores): Language {
  let locale = "";
  try {
    locale = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale();
  } catch {
    // Without a locale, the user's choice or English.
  }
  const language = languageFor(locale, loadState(stores, LANGUAGE));
  useLanguage(language);
  useProjectTexts();
  return language;
}
