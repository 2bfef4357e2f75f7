// Texts of the server's replies to the sidebar and of the retry of failed offers, in English and
// Dutch. Read with `pick(PANEL_TEXTS)`. The sidebar's and the key dialog's own texts live in their
// HTML files (src/ui), in both languages: they load only when a page is served.

import { catalogue } from "./language";

export const PANEL_EN = {
  badLanguage: () => 'Choose "Nederlands", "English" or "Follow the spreadsheet".',
  retryNone: () => "No row in Offers is marked failed: there is nothing to retry.",
  retryTitle: () => "Retry failed offers?",
  retryQuestion: (n: number) =>
    `${n} ${n === 1 ? "row is" : "rows are"} marked failed. Clear ${n === 1 ? "its" : "their"} Status and create ${n === 1 ? "it" : "them"} again in MijnKlantportaal?`,
  retryCancelled: () => "Nothing was changed: the failed rows stay as they are.",
};

export type PanelTexts = typeof PANEL_EN;

export const PANEL_NL: PanelTexts = {
  badLanguage: () => 'Kies "Nederlands", "English" of "Zoals de spreadsheet".',
  retryNone: () => "Geen enkele rij in Offertes staat op mislukt: er is niets opnieuw te proberen.",
  retryTitle: () => "Mislukte offertes opnieuw proberen?",
  retryQuestion: (n) =>
    n === 1
      ? "1 rij staat op mislukt. De status leegmaken en de offerte opnieuw aanmaken in MijnKlantportaal?"
      : `${n} rijen staan op mislukt. De status leegmaken en de offertes opnieuw aanmaken in MijnKlantportaal?`,
  retryCancelled: () => "Er is niets veranderd: de mislukte rijen blijven zoals ze zijn.",
};

export const PANEL_TEXTS = catalogue<PanelTexts>("panel");
