// Status refresh decisions: what an offer's current state in MijnKlantportaal means for its row,
// and whether to look offers up one by one or page through the whole list.

import type { OfferRow } from "./offer-types";
import type { CreatedOffer } from "./responses";
import type { OutValues } from "./write-back";

/** accepted / rejected from the API's timestamps; expired when neither and the offer has expired. */
export function derivedStatus(offer: CreatedOffer, expiresAt: string | null, todayYmd: string): string {
  if (offer.acceptedAt) return "accepted";
  if (offer.rejectedAt) return "rejected";
  const expiry = offer.expiresAt || expiresAt;
  return expiry && expiry < todayYmd ? "expired" : "created";
}

/** The row's new out values, or null when it already shows them. */
export function refreshValues(
  row: OfferRow,
  current: { amount: string; acceptedAt: string; rejectedAt: string },
  offer: CreatedOffer,
  formatTimestamp: (iso: string) => string,
  todayYmd: string,
): OutValues | null {
  const next = {
    status: derivedStatus(offer, row.expiresAt, todayYmd),
    amount: offer.amount,
    acceptedAt: offer.acceptedAt ? formatTimestamp(offer.acceptedAt) : "",
    rejectedAt: offer.rejectedAt ? formatTimestamp(offer.rejectedAt) : "",
  };
  const same =
    next.status === row.status &&
    next.amount === current.amount &&
    next.acceptedAt === current.acceptedAt &&
    next.rejectedAt === current.rejectedAt &&
    row.message === "";
  return same ? null : { ...next, message: "" };
}

export type Strategy = "by-id" | "list";

/** Below this many rows we never page through a list of unknown length. */
export const SMALL_REFRESH = 15;

/**
 * One request per offer, or one per page of the list: whichever is fewer. The list's length is
 * known from the last complete pass; before that, only a large number of rows makes it worth it.
 */
export function chooseStrategy(rows: number, knownPages: number | null): Strategy {
  if (knownPages !== null) return knownPages < rows ? "list" : "by-id";
  return rows >= SMALL_REFRESH ? "list" : "by-id";
}
