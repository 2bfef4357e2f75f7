// Texts about how a team shaped its sheet: selected rows hidden by a filter or by hand, cells
// merged over several rows, and offers with more bad lines than a Message lists, in English and
// Dutch. Read with `pick(SHAPES_TEXTS).x(…)`.

import { catalogue } from "./language";

const UNMERGE_EN = "Format › Merge cells › Unmerge";
const UNMERGE_NL = "Opmaak › Cellen samenvoegen › Samenvoeging ongedaan maken";

/** "rows 3–4" or "row 3". */
const span = (first: number, last: number, words: [string, string]) =>
  first === last ? `${words[0]} ${first}` : `${words[1]} ${first}–${last}`;

export const SHAPES_EN = {
  hiddenLeftAlone: (count: number) =>
    count === 1
      ? "1 selected row was hidden (by a filter or by hand) and was left alone: show it and select it again to create its offer."
      : `${count} selected rows were hidden (by a filter or by hand) and were left alone: show them and select them again to create their offers.`,
  /** An Offers cell under a merge: blank to the script, though the sheet shows the value above. */
  mergedField: (field: string, first: number, last: number) =>
    `${field} missing: this cell is part of merged cells (${span(first, last, ["row", "rows"])}), which keep their value in row ${first} only. Unmerge them (${UNMERGE_EN}) and fill in ${field} in each row.`,
  /** Lines whose offer-number cell is merged with the line above: they would be left out. */
  mergedLines: (field: string, rows: readonly number[], sheet: string) =>
    `${rows.length === 1 ? "The line in row" : "The lines in rows"} ${rows.join(", ")} of ${sheet} ${rows.length === 1 ? "has" : "have"} no ${field} because the cell is merged with the one above, so ${rows.length === 1 ? "it" : "they"} would be left out of this offer. Unmerge the cells (${UNMERGE_EN}) and fill in ${field} in each row.`,
  /** After the first lines' problems: how many more lines have problems, and where to read them. */
  moreLines: (count: number, sheet: string, messageHeader: string | undefined) =>
    `and ${count} more ${count === 1 ? "line" : "lines"} with problems${messageHeader ? `: see the ${messageHeader} column of ${sheet}` : ` in ${sheet}`}`,
};

export type ShapesTexts = typeof SHAPES_EN;

export const SHAPES_NL: ShapesTexts = {
  hiddenLeftAlone: (count) =>
    count === 1
      ? "1 geselecteerde rij was verborgen (door een filter of handmatig) en is niet verwerkt: maak de rij weer zichtbaar en selecteer die opnieuw om de offerte aan te maken."
      : `${count} geselecteerde rijen waren verborgen (door een filter of handmatig) en zijn niet verwerkt: maak ze weer zichtbaar en selecteer ze opnieuw om de offertes aan te maken.`,
  mergedField: (field, first, last) =>
    `${field} ontbreekt: deze cel is samengevoegd met andere cellen (${span(first, last, ["rij", "rijen"])}), en dan staat de waarde alleen in rij ${first}. Maak de samenvoeging ongedaan (${UNMERGE_NL}) en vul ${field} in elke rij in.`,
  mergedLines: (field, rows, sheet) =>
    `${rows.length === 1 ? "De regel in rij" : "De regels in rijen"} ${rows.join(", ")} van ${sheet} ${rows.length === 1 ? "heeft" : "hebben"} geen ${field}, omdat de cel is samengevoegd met de cel erboven: ${rows.length === 1 ? "die regel zou" : "die regels zouden"} in deze offerte ontbreken. Maak de samenvoeging ongedaan (${UNMERGE_NL}) en vul ${field} in elke rij in.`,
  moreLines: (count, sheet, messageHeader) =>
    `en nog ${count} ${count === 1 ? "regel" : "regels"} met problemen${messageHeader ? `: zie de kolom ${messageHeader} in ${sheet}` : ` in ${sheet}`}`,
};

export const SHAPES_TEXTS = catalogue<ShapesTexts>("shapes");
