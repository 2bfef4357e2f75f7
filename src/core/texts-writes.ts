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
    `This tool could not fill in ${cells.join("; ")}: those cells have a data validation rule that rejects other values, or are in a protected range. Let those columns take any value (Data › Data validation, click the rule, Advanced options › If the data is invalid: Show a warning), or remove the protection, then try again.`,
  notSent: (offers: readonly string[]) =>
    `Not sent, because the Status could not be filled in: ${offers.join(", ")}.`,
  createdNotShown: (offers: readonly string[]) =>
    `Created in MijnKlantportaal, but not everything could be filled in on their rows: ${offers.join(", ")}. Do not create these offers again by hand.`,
};

export type WritesTexts = typeof WRITES_EN;

export const WRITES_NL: WritesTexts = {
  cellsIn: (header, rows, more, sheet) =>
    `${header} in ${rowsText(rows, more, ["rij", "rijen"], ` en nog ${more}`)} van ${sheet}`,
  refused: (cells) =>
    `Deze tool kon ${cells.join("; ")} niet invullen: op die cellen staat een gegevensvalidatie die andere waarden afwijst, of ze vallen in een beveiligd bereik. Sta in die kolommen elke waarde toe (Gegevens › Gegevensvalidatie, klik op de regel, Geavanceerde opties › Als de gegevens ongeldig zijn: Waarschuwing weergeven), of hef de beveiliging op, en probeer het daarna opnieuw.`,
  notSent: (offers) => `Niet verstuurd, omdat de Status niet kon worden ingevuld: ${offers.join(", ")}.`,
  createdNotShown: (offers) =>
    `Aangemaakt in MijnKlantportaal, maar niet alles kon in hun rij worden ingevuld: ${offers.join(", ")}. Maak deze offertes niet nog een keer met de hand aan.`,
};

export const WRITES_TEXTS = catalogue<WritesTexts>("writes");
