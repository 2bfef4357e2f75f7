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

/**
 * A Created at text as the product writes it (`YYYY-MM-DD HH:mm:ss`, in the sheet's zone), or null.
 * Such texts sort as the times they show, so rows can be compared with offers seen in the list.
 */
export function createdStamp(text: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?$/.exec(text.trim());
  return m ? `${m[1]} ${m[2]}${m[3] ?? ":00"}` : null;
}

/** Where an unfinished pass stands: rows stamped after `doneAfter` are done. */
export interface PassPoint {
  readonly doneAfter: string;
}

/**
 * The rows a pass still has to do: all of them when it starts; when it resumes, those stamped no
 * later than where it stopped (rows without a stamp were looked up when it started).
 */
export function rowsToDo<T>(
  rows: readonly T[],
  stampOf: (row: T) => string | null,
  at: PassPoint | null,
): T[] {
  if (at === null) return [...rows];
  return rows.filter((r) => {
    const stamp = stampOf(r);
    return stamp !== null && stamp <= at.doneAfter;
  });
}

/**
 * Where to say a pass stopped, given the rows it did not do: after the latest of them, so that
 * every row stamped later is done (a row done twice costs a request; a row skipped, a change lost).
 */
export function stoppedAt<T>(left: readonly T[], stampOf: (row: T) => string | null): PassPoint {
  let doneAfter = "";
  for (const r of left) {
    const stamp = stampOf(r) ?? "";
    if (stamp > doneAfter) doneAfter = stamp;
  }
  return { doneAfter };
}
