// Texts about cells whose writes Sheets refused (a data validation rule that rejects other values,
// or a protected range), in English and Dutch. Read with `pick(WRITES_TEXTS).x(…)`.

import { catalogue } from "./language";

/** "rows 2, 3 and 4 more": `more` rows past those listed. */
const rowsText = (rows: readonly number[], more: number, word: [string, string], andMore: string) =>
  `${rows.length + more === 1 ? word[0] : word[1]} ${rows.join(", ")}${more > 0 ? andMore : ""}`;

export const WRITES_EN = {
  /** "Status in rows 2, 3 of Offers" */
  cellsIn: (header: string, rows: readonly number[], more: number, sheet: string) =>
    `${header} in ${rowsText(rows, more, ["row", "rows"], ` and ${more} more`)} of ${sheet}`,
  refused: (cells: readonly string[]) =>
    `Sheets refused to write ${cells.join("; ")}: a data validation rule that rejects other values, or a protected range, is on those cells. Let those columns take any value (Data › Data validation › If the data is invalid: Show a warning), or remove the protection, then run again.`,
  notSent: (offers: readonly string[]) =>
    `Not sent, because their Status could not be marked: ${offers.join(", ")}.`,
  createdNotShown: (offers: readonly string[]) =>
    `Created in MijnKlantportaal, but not all of it could be written into the sheet: ${offers.join(", ")}.`,
};

export type WritesTexts = typeof WRITES_EN;

export const WRITES_NL: WritesTexts = {
  cellsIn: (header, rows, more, sheet) =>
    `${header} in ${rowsText(rows, more, ["rij", "rijen"], ` en nog ${more}`)} van ${sheet}`,
  refused: (cells) =>
    `Sheets weigerde ${cells.join("; ")} te schrijven: op die cellen staat een gegevensvalidatie die andere waarden weigert, of een beveiligd bereik. Laat in die kolommen elke waarde toe (Gegevens › Gegevensvalidatie › Als de gegevens ongeldig zijn: Waarschuwing weergeven), of hef de beveiliging op, en start daarna opnieuw.`,
  notSent: (offers) => `Niet verstuurd, omdat hun Status niet kon worden gemarkeerd: ${offers.join(", ")}.`,
  createdNotShown: (offers) =>
    `Aangemaakt in MijnKlantportaal, maar niet alles kon in het blad worden gezet: ${offers.join(", ")}.`,
};

export const WRITES_TEXTS = catalogue<WritesTexts>("writes");
