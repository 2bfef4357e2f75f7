// How the spreadsheet's locale reads what people type as text: Dutch locales (nl_NL, nl_BE) put the
// day first and use a decimal comma; any other locale is read the English way (CONTRACT §7a).

/** The spreadsheet's locale as `Spreadsheet.getSpreadsheetLocale()` gives it, e.g. "nl_NL", "en_US". */
export type SheetLocale = string;

export function isDutchLocale(locale: SheetLocale): boolean {
  return /^nl([_-]|$)/i.test(locale.trim());
}
