// Texts about customers named in Offers that the product will not guess at (a New customers row
// changed after its customer was created), in English and Dutch. Read with `pick(NAME_TEXTS).x(…)`.

import { catalogue } from "./language";

export const NAMES_EN = {
  /** `name` is the row's company name now; `sentName` what the customer `id` was created as. */
  newRowChanged: (field: string, name: string, id: string, sentName: string) =>
    `${field}: the row of "${name}" in New customers already holds the customer ${id}, created as "${sentName}" before the row was changed. For another company, add a new row to New customers (or type its customer ID, cst_…).`,
};

export type NameTexts = typeof NAMES_EN;

export const NAMES_NL: NameTexts = {
  newRowChanged: (field, name, id, sentName) =>
    `${field}: de rij van "${name}" in Nieuwe klanten hoort al bij klant ${id}, aangemaakt als "${sentName}" voordat de rij werd gewijzigd. Is het een ander bedrijf, zet het dan op een nieuwe rij in Nieuwe klanten (of vul het klant-ID in, cst_…).`,
};

export const NAME_TEXTS = catalogue<NameTexts>("names");
