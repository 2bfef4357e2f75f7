// Texts of the scheduled status refresh that leaves offers created in the last hour for a later run,
// in English and Dutch. Read with `pick(REFRESH_TEXTS).x(…)`; both halves have the same keys.

const en = {
  leftRecent: (n: number) =>
    n === 1
      ? "1 offer created in the last hour is checked in a later hourly run."
      : `${n} offers created in the last hour are checked in a later hourly run.`,
};

const nl: typeof en = {
  leftRecent: (n: number) =>
    n === 1
      ? "1 offerte die het afgelopen uur is aangemaakt, wordt bij een volgende uurlijkse run gecontroleerd."
      : `${n} offertes die het afgelopen uur zijn aangemaakt, worden bij een volgende uurlijkse run gecontroleerd.`,
};

export const REFRESH_TEXTS = { en, nl } as const;
