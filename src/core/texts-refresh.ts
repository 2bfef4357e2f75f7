// Texts of the status refresh: its progress toast, the scheduled refresh leaving offers created
// in the last hour for a later run, and the daily quota ending it, in English and Dutch. Read with `pick(REFRESH_TEXTS).x(…)`; both halves have the same keys.

import { catalogue } from "./language";

export const REFRESH_EN = {
  // The toast a menu refresh shows while it reads MijnKlantportaal (CONTRACT §3: progress).
  checking: (n: number) =>
    n === 1
      ? "Checking the status of 1 offer in MijnKlantportaal…"
      : `Checking the statuses of ${n} offers in MijnKlantportaal…`,
  leftRecent: (n: number) =>
    n === 1
      ? "1 offer created in the last hour is checked in a later hourly run."
      : `${n} offers created in the last hour are checked in a later hourly run.`,
  quotaUsed: () => "Google's daily UrlFetch quota is used up: no more statuses can be checked today.",
};

export type RefreshTexts = typeof REFRESH_EN;

export const REFRESH_NL: RefreshTexts = {
  checking: (n: number) =>
    n === 1
      ? "Status van 1 offerte controleren in MijnKlantportaal…"
      : `Status van ${n} offertes controleren in MijnKlantportaal…`,
  leftRecent: (n: number) =>
    n === 1
      ? "1 offerte die het afgelopen uur is aangemaakt, wordt bij een volgende automatische run gecontroleerd."
      : `${n} offertes die het afgelopen uur zijn aangemaakt, worden bij een volgende automatische run gecontroleerd.`,
  quotaUsed: () =>
    "Het dagelijkse UrlFetch-quotum van Google is op: vandaag kunnen er geen statussen meer worden gecontroleerd.",
};

export const REFRESH_TEXTS = catalogue<RefreshTexts>("refresh");
