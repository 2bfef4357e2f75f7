// Status refresh decisions: what an offer's current state in MijnKlantportaal means for its row.

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

/** Below this many rows, one GET per offer is never more than a walk through the list. */
export const SMALL_REFRESH = 15;
