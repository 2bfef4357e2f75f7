// Status refresh decisions: what an offer's current state in MijnKlantportaal means for its row.

import { amountMismatch } from "./amount-check";
import type { OfferRow } from "./offer-types";
import type { CreatedOffer } from "./responses";
import type { OutValues } from "./write-back";

/**
 * The API's expiresAt as a calendar day, or null when it is none: a date as it is; a date-time (not
 * the documented form) as its day in the sheet's zone, so that one instant in two notations is one
 * day; any other text is never compared as if it were a date (CONTRACT §4, `expired`).
 */
export function expiryDay(apiExpiry: string, formatTimestamp: (iso: string) => string): string | null {
  const text = apiExpiry.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const shown = /^\d{4}-\d{2}-\d{2}[T ]\d/.test(text) ? formatTimestamp(text) : "";
  return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(shown) ? shown.slice(0, 10) : null;
}

/** accepted / rejected from the API's timestamps; expired when neither and the offer has expired. */
export function derivedStatus(
  offer: CreatedOffer,
  expiresAt: string | null,
  todayYmd: string,
  formatTimestamp: (iso: string) => string = (iso) => iso,
): string {
  if (offer.acceptedAt) return "accepted";
  if (offer.rejectedAt) return "rejected";
  // The offer's own expiry decides (the cell may have been edited since it was sent); the row's
  // date only when MijnKlantportaal gave none that reads as a day.
  const expiry = expiryDay(offer.expiresAt, formatTimestamp) ?? expiresAt;
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
    status: derivedStatus(offer, row.expiresAt, todayYmd, formatTimestamp),
    amount: offer.amount,
    acceptedAt: offer.acceptedAt ? formatTimestamp(offer.acceptedAt) : "",
    rejectedAt: offer.rejectedAt ? formatTimestamp(offer.rejectedAt) : "",
  };
  // An old message is cleared, but not the warning that the offer's amount is not its lines' total
  // while it still is not (send-offers.ts wrote it when the offer was created).
  const message = (row.body && amountMismatch(offer.amount, row.body.lines)) ?? "";
  const same =
    next.status === row.status &&
    next.amount === current.amount &&
    next.acceptedAt === current.acceptedAt &&
    next.rejectedAt === current.rejectedAt &&
    row.message === message;
  return same ? null : { ...next, message };
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

/** Where an unfinished pass stands (see ListCursor in state-keys.ts). */
export interface PassPoint {
  /** Rows placed no later than this are left (null: none by their place). */
  readonly doneAfter: string | null;
  /** Offer IDs of rows left whatever their place. */
  readonly recheck: readonly string[];
}

/** At most this many offer IDs are kept in a cursor (a document property holds 9 KB). */
export const MAX_RECHECK = 50;

interface Stamped {
  readonly offerId: string;
}

type StampOf<T> = (row: T) => string | null;

/**
 * A row's place in a pass: its stamp, then its offer ID — so that rows created in the same second
 * (a batch) still differ, and every execution of a pass moves its cursor. null: not placed.
 */
export function placeOf<T extends Stamped>(row: T, stampOf: StampOf<T>): string | null {
  const stamp = stampOf(row);
  return stamp === null ? null : `${stamp} ${row.offerId}`;
}

/**
 * The rows a pass still has to do: all of them when it starts; when it resumes, those it left
 * (rows without a stamp, unless placed as the oldest, were looked up when it started).
 */
export function rowsToDo<T extends Stamped>(
  rows: readonly T[],
  stampOf: StampOf<T>,
  at: PassPoint | null,
): T[] {
  if (at === null) return [...rows];
  const recheck = new Set(at.recheck);
  return rows.filter((r) => {
    const place = placeOf(r, stampOf);
    return recheck.has(r.offerId) || (place !== null && at.doneAfter !== null && place <= at.doneAfter);
  });
}

/** Newest place first (rows not placed last): lookups by ID in this order leave a cursor that moves. */
export function newestFirst<T extends Stamped>(rows: readonly T[], stampOf: StampOf<T>): T[] {
  return [...rows].sort((a, b) => {
    const x = placeOf(a, stampOf) ?? "";
    const y = placeOf(b, stampOf) ?? "";
    return x === y ? 0 : x > y ? -1 : 1;
  });
}

/**
 * Where to say a pass stopped: after the latest row not reached yet, so that every row placed
 * later is done (a row done twice costs a request; a row skipped, a change lost), and the rows the
 * walk went past without seeing, by ID (or by place, when there are too many to keep).
 */
export function stoppedAt<T extends Stamped>(
  notReached: readonly T[],
  passed: readonly T[],
  stampOf: StampOf<T>,
): PassPoint {
  const byPlace = passed.length > MAX_RECHECK ? [...notReached, ...passed] : notReached;
  let doneAfter: string | null = null;
  for (const r of byPlace) {
    const place = placeOf(r, stampOf) ?? "";
    if (doneAfter === null || place > doneAfter) doneAfter = place;
  }
  return { doneAfter, recheck: passed.length > MAX_RECHECK ? [] : passed.map((r) => r.offerId) };
}
