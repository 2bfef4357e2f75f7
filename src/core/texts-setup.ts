// Texts of setupSheets about a sheet it leaves alone because its headers are not in row 1 (a title or
// a blank row above them), in English and Dutch. Read with `pick(SETUP_TEXTS).x(…)`.

import { catalogue } from "./language";
import { MENU_LABELS } from "./texts-bundled";

const MKP = "MijnKlantportaal";

export const SETUP_EN = {
  headersNotInRow1: (sheet: string, row: number) =>
    `The sheet ${sheet} has its headers in row ${row}, not in row 1, so it was left as it is. Delete the rows above the headers (a title can go in a note), then use ${MKP} › ${MENU_LABELS.en.setupSheets} again.`,
};

export type SetupTexts = typeof SETUP_EN;

export const SETUP_NL: SetupTexts = {
  headersNotInRow1: (sheet, row) =>
    `Op het tabblad ${sheet} staan de kolomkoppen in rij ${row}, niet in rij 1; daarom is het niet gewijzigd. Verwijder de rijen boven de kolomkoppen (een titel kan in een notitie) en kies daarna opnieuw ${MKP} › ${MENU_LABELS.nl.setupSheets}.`,
};

export const SETUP_TEXTS = catalogue<SetupTexts>("setup");
