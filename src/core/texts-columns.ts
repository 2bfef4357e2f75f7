// Texts about the header row of Offers and Offer lines that the product cannot read unambiguously, in
// English and Dutch. Read with `pick(COLUMN_TEXTS).x(…)`; both halves have the same keys.

/** `"Customer ID" (column B)` for each header as the sheet shows it. */
const listed = (columns: readonly { header: string; letter: string }[], word: string): string =>
  columns.map((c) => `"${c.header}" (${word} ${c.letter})`).join(", ");

import { catalogue } from "./language";

export const COLUMNS_EN = {
  duplicateColumns: (sheet: string, columns: readonly { header: string; letter: string }[]) =>
    `The sheet ${sheet} has more than one column for the same field: ${listed(columns, "column")}. Rename or remove one of them, so that it is clear which one to use. Nothing was sent.`,
};

export type ColumnTexts = typeof COLUMNS_EN;

export const COLUMNS_NL: ColumnTexts = {
  duplicateColumns: (sheet, columns) =>
    `Het tabblad ${sheet} heeft meer dan één kolom voor hetzelfde veld: ${listed(columns, "kolom")}. Geef één ervan een andere naam of verwijder hem, zodat duidelijk is welke kolom wordt gebruikt. Er is niets verstuurd.`,
};

export const COLUMN_TEXTS = catalogue<ColumnTexts>("columns");
