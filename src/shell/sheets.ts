// Finding the product's sheets by name in either language (`Offers` or `Offertes`, compared as
// headers are), and the language a new sheet gets: the spreadsheet's locale's in a new spreadsheet,
// and the language of the product's sheets already there otherwise (no `Logboek` beside `Offers`).

import { isSheetNamed, normalizeHeader, SHEET_NAMES, type SheetId } from "../core/columns";
import { type Language, languageFor } from "../core/language";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The sheet, by its English or Dutch name (an exact name first: one call in the usual case). */
export function findSheet(ss: Spreadsheet, id: SheetId): Sheet | null {
  return findNamedSheet(ss, id)?.sheet ?? null;
}

/** Like findSheet, with the name it was found by (so that no further call asks for it). */
export function findNamedSheet(ss: Spreadsheet, id: SheetId): { sheet: Sheet; name: string } | null {
  const names = SHEET_NAMES[id];
  for (const name of [names.en, names.nl]) {
    const sheet = ss.getSheetByName(name);
    if (sheet) return { sheet, name };
  }
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    if (isSheetNamed(name, id)) return { sheet, name };
  }
  return null;
}

/** The language of the spreadsheet's locale (not the user's choice): what new sheets are named in. */
export function localeLanguage(ss: Spreadsheet): Language {
  return languageFor(ss.getSpreadsheetLocale(), null);
}

/** The language of a product sheet's name (`Klanten` → nl, `Customers` → en). */
export function nameLanguage(name: string, id: SheetId): Language {
  return normalizeHeader(name) === normalizeHeader(SHEET_NAMES[id].nl) ? "nl" : "en";
}

/** The language of the product's sheets already in the spreadsheet, else the locale's. */
export function newSheetLanguage(ss: Spreadsheet): Language {
  for (const id of ["offers", "lines", "runLog"] as const) {
    const found = findNamedSheet(ss, id);
    if (found) return nameLanguage(found.name, id);
  }
  return localeLanguage(ss);
}
