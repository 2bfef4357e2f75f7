// Finding the product's sheets by name in either language (`Offers` or `Offertes`, compared as
// headers are), and the language new sheets and columns get: the spreadsheet's locale's.

import { isSheetNamed, SHEET_NAMES, type SheetId } from "../core/columns";
import { type Language, languageFor } from "../core/language";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The sheet, by its English or Dutch name (an exact name first: one call in the usual case). */
export function findSheet(ss: Spreadsheet, id: SheetId): Sheet | null {
  const names = SHEET_NAMES[id];
  const exact = ss.getSheetByName(names.en) ?? ss.getSheetByName(names.nl);
  if (exact) return exact;
  return ss.getSheets().find((s) => isSheetNamed(s.getName(), id)) ?? null;
}

/** The language of the spreadsheet's locale (not the user's choice): what new sheets are named in. */
export function localeLanguage(ss: Spreadsheet): Language {
  return languageFor(ss.getSpreadsheetLocale(), null);
}

/** The sheet, created with the locale's name when it is missing. */
export function findOrInsertSheet(ss: Spreadsheet, id: SheetId): Sheet {
  return findSheet(ss, id) ?? ss.insertSheet(SHEET_NAMES[id][localeLanguage(ss)]);
}
