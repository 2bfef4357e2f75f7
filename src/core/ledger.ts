// The ledger: what this product sent for each row and what came of it, kept in a hidden sheet that
// users do not edit, keyed by a ref the row carries in a hidden column. Reconciliation reads what
// was sent (not the row's current text), and an offer number this product already created is known.

import type { CreateOfferBody } from "./offer-types";
import { offerKey } from "./table";

export const LEDGER_SHEET = "MKP ledger";
export const LEDGER_HEADERS = [
  "Ref",
  "Event",
  "Offer number",
  "Customer ID",
  "Issued at",
  "Expires at",
  "Body hash",
  "At",
  "Offer ID",
  "Created at",
] as const;

/**
 * `sent`: marked `sending` and about to go out (written before the request leaves). `created`: the
 * API created it. `refused`: a definite no. `ambiguous`: a 5xx or no answer. `absent`: a lookup
 * proved that an ambiguous request did not create it.
 */
export type LedgerEvent = "sent" | "created" | "refused" | "ambiguous" | "absent";

export interface LedgerEntry {
  readonly ref: string;
  readonly event: LedgerEvent;
  readonly offerNumber: string;
  readonly customerId: string;
  readonly issuedAt: string;
  readonly expiresAt: string;
  readonly bodyHash: string;
  /** Epoch ms of the event (for `sent`: when the row was marked). */
  readonly at: number;
  readonly offerId: string;
  readonly createdAt: string;
}

const EVENTS: readonly LedgerEvent[] = ["sent", "created", "refused", "ambiguous", "absent"];

/**
 * Each ledger cell is written as this mark and the text. Sheets reads a plain string like
 * "2025-04-14", "0012" or "1e5" as a date or a number unless its cell is formatted as text; with the
 * mark in front no cell can be taken for anything but text, whatever its format, so appending needs
 * no format call. Rows written before the mark (plain-text cells) read as they are.
 */
export const LEDGER_TEXT_MARK = "~";

/** The cells of one entry as written: every one marked text. */
export function ledgerRow(e: LedgerEntry): string[] {
  return ledgerFields(e).map((v) => LEDGER_TEXT_MARK + String(v));
}

function ledgerFields(e: LedgerEntry): (string | number)[] {
  return [
    e.ref,
    e.event,
    e.offerNumber,
    e.customerId,
    e.issuedAt,
    e.expiresAt,
    e.bodyHash,
    e.at,
    e.offerId,
    e.createdAt,
  ];
}

/** Rows of the ledger sheet (header excluded); rows that are not ledger entries are ignored. */
export function parseLedgerRows(rows: readonly (readonly unknown[])[]): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  for (const r of rows) {
    const s = (i: number): string => {
      const text = r[i] === null || r[i] === undefined ? "" : String(r[i]);
      return text.startsWith(LEDGER_TEXT_MARK) ? text.slice(LEDGER_TEXT_MARK.length) : text;
    };
    const event = s(1) as LedgerEvent;
    const at = s(7) === "" ? Number.NaN : Number(s(7));
    if (s(0) === "" || !EVENTS.includes(event) || !Number.isFinite(at)) continue;
    out.push({
      ref: s(0),
      event,
      offerNumber: s(2),
      customerId: s(3),
      issuedAt: s(4),
      expiresAt: s(5),
      bodyHash: s(6),
      at,
      offerId: s(8),
      createdAt: s(9),
    });
  }
  return out;
}

/** What the ledger knows about one row ref. */
export interface RefHistory {
  /** The last request marked for it. */
  readonly lastSent: LedgerEntry | null;
  /** The offer it created, if any (the last one). */
  readonly created: LedgerEntry | null;
  /** Ambiguous answers since the last definite one: the backoff across runs counts these. */
  readonly ambiguousInARow: number;
  /** When the last attempt was answered (or marked). */
  readonly lastAttemptAt: number;
  /** True when the last sent request is still open (no definite outcome, no proof of absence). */
  readonly open: boolean;
}

export interface Ledger {
  readonly byRef: ReadonlyMap<string, RefHistory>;
  /** Offers this product created, by offer key (see offerKey), oldest first. */
  readonly createdByKey: ReadonlyMap<string, readonly LedgerEntry[]>;
  /** Entries in the sheet (to append after them). */
  readonly size: number;
}

export function foldLedger(entries: readonly LedgerEntry[]): Ledger {
  const byRef = new Map<string, RefHistory>();
  const createdByKey = new Map<string, LedgerEntry[]>();
  for (const e of entries) {
    const h = byRef.get(e.ref) ?? {
      lastSent: null,
      created: null,
      ambiguousInARow: 0,
      lastAttemptAt: 0,
      open: false,
    };
    switch (e.event) {
      case "sent":
        byRef.set(e.ref, { ...h, lastSent: e, lastAttemptAt: e.at, open: true });
        break;
      case "created": {
        byRef.set(e.ref, { ...h, created: e, ambiguousInARow: 0, lastAttemptAt: e.at, open: false });
        const key = offerKey(e.offerNumber);
        const list = createdByKey.get(key);
        if (list) list.push(e);
        else createdByKey.set(key, [e]);
        break;
      }
      case "refused":
        byRef.set(e.ref, { ...h, ambiguousInARow: 0, lastAttemptAt: e.at, open: false });
        break;
      case "ambiguous":
        byRef.set(e.ref, { ...h, ambiguousInARow: h.ambiguousInARow + 1, lastAttemptAt: e.at, open: true });
        break;
      case "absent":
        byRef.set(e.ref, { ...h, open: false });
        break;
    }
  }
  return { byRef, createdByKey, size: entries.length };
}

/** A short, stable fingerprint of a request body (FNV-1a over its JSON). */
export function bodyHash(body: CreateOfferBody): string {
  const text = JSON.stringify(body);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** A new row ref: `r` and 11 base-36 characters (time and randomness come in as arguments). */
export function newRef(nowMs: number, random: number): string {
  const t = Math.floor(nowMs / 1000)
    .toString(36)
    .slice(-6);
  const r = Math.floor(random * 36 ** 5)
    .toString(36)
    .padStart(5, "0");
  return `r${t}${r}`;
}

export function sentEntry(ref: string, body: CreateOfferBody, at: number): LedgerEntry {
  return {
    ref,
    event: "sent",
    offerNumber: body.offerNumber,
    customerId: body.customerId,
    issuedAt: body.issuedAt,
    expiresAt: body.expiresAt,
    bodyHash: bodyHash(body),
    at,
    offerId: "",
    createdAt: "",
  };
}

export function outcomeEntry(
  sent: LedgerEntry,
  event: Exclude<LedgerEvent, "sent">,
  at: number,
  offer?: { id: string; createdAt: string },
): LedgerEntry {
  return { ...sent, event, at, offerId: offer?.id ?? "", createdAt: offer?.createdAt ?? "" };
}

/**
 * How long after `ambiguous` answers in a row a request may go out again: 2, 4, 8 … minutes, at most
 * an hour. A run that is down for hours then costs a handful of requests an hour, not thousands.
 */
export function backoffAfter(ambiguousInARow: number): number {
  if (ambiguousInARow <= 0) return 0;
  return Math.min(60, 2 ** ambiguousInARow) * 60_000;
}

/** After this many ambiguous answers in a row the row is `failed`, so that no run loops on it. */
export const MAX_AMBIGUOUS_IN_A_ROW = 10;
