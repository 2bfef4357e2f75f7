// Status values in both languages (CONTRACT §7a): read in either, written in the language of the
// sheet's headers, so that an English-headed sheet keeps English statuses for a Dutch user too.

import type { Language } from "./language";
import type { OfferStatus } from "./offer-types";

type Written = Exclude<OfferStatus, "pending" | "unknown">;

/** What each status is called in each language. */
export const STATUS_WORDS: Readonly<Record<Written, { readonly en: string; readonly nl: string }>> = {
  invalid: { en: "invalid", nl: "ongeldig" },
  sending: { en: "sending", nl: "wordt verzonden" },
  created: { en: "created", nl: "aangemaakt" },
  failed: { en: "failed", nl: "mislukt" },
  accepted: { en: "accepted", nl: "geaccepteerd" },
  rejected: { en: "rejected", nl: "afgewezen" },
  expired: { en: "expired", nl: "verlopen" },
  skip: { en: "skip", nl: "overslaan" },
  warning: { en: "warning", nl: "waarschuwing" },
  sendAnyway: { en: "send anyway", nl: "toch versturen" },
};

const norm = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, " ");

const BY_WORD: ReadonlyMap<string, OfferStatus> = new Map<string, OfferStatus>([
  ["", "pending"],
  ["pending", "pending"],
  ...Object.entries(STATUS_WORDS).flatMap(([status, w]) => [
    [w.en, status as OfferStatus] as const,
    [w.nl, status as OfferStatus] as const,
  ]),
]);

const OPEN: ReadonlySet<OfferStatus> = new Set(["pending", "invalid", "warning", "sendAnyway"]);

/** A row still to be sent (or checked again): pending, invalid, warning or send anyway. */
export const isOpen = (status: OfferStatus): boolean => OPEN.has(status);

/** The status a Status cell holds, in either language; `unknown` for anything else. */
export function statusOf(text: string): OfferStatus {
  return BY_WORD.get(norm(text)) ?? "unknown";
}

/**
 * A Status the product writes (the core speaks English: `created`, `invalid` …), in the language of
 * the sheet; anything else (blank, what the user typed) stays as it is.
 */
export function statusIn(text: string, lang: Language): string {
  if (lang === "en") return text;
  const status = BY_WORD.get(norm(text));
  if (status === undefined || status === "pending" || status === "unknown") return text;
  const words = STATUS_WORDS[status];
  return norm(text) === words.en ? words.nl : text;
}
