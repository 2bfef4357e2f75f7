// Offer objects of the MKP double: new ids, a fresh stored offer, and the API view of a stored offer.

import { randomBytes } from "node:crypto";
import { toAtom } from "./time";
import type { CustomerOffer, OfferLine, StoredOffer } from "./types";

const ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

export interface NewOffer {
  customerId: string;
  offerNumber: string;
  issuedAt: string;
  expiresAt: string;
  lines: OfferLine[];
  sendNotification: boolean | null;
  /** Epoch ms. */
  createdAt: number;
  source: "api" | "seed";
}

/** Random bytes drawn in blocks: one randomBytes call per id would make seeding 10,000 offers slow. */
let pool = Buffer.alloc(0);
let poolAt = 0;

function randomByte(): number {
  if (poolAt >= pool.length) {
    pool = randomBytes(8192);
    poolAt = 0;
  }
  return pool[poolAt++] as number;
}

/** `prefix` + 14 random [a-z0-9], not `taken`. */
export function newId(prefix: string, taken: (id: string) => boolean): string {
  for (;;) {
    let id = prefix;
    while (id.length < prefix.length + 14) {
      const byte = randomByte();
      // 252 = 7 × 36: bytes below it map evenly onto the 36 characters.
      if (byte < 252) id += ID_CHARS[byte % 36];
    }
    if (!taken(id)) return id;
  }
}

/** "off_" + 14 random [a-z0-9], not `taken`. */
export function newOfferId(taken: (id: string) => boolean): string {
  return newId("off_", taken);
}

function customerLink(baseUrl: string, customerId: string): CustomerOffer["links"] {
  return { customer: { href: `${baseUrl}/customers/${customerId}`, type: "application/json" } };
}

/** A stored offer, not accepted nor rejected, amount "0.00" (the caller sets it). */
export function blankOffer(input: NewOffer, id: string, baseUrl: string): StoredOffer {
  return {
    id,
    customerId: input.customerId,
    offerNumber: input.offerNumber,
    issuedAt: input.issuedAt,
    expiresAt: input.expiresAt,
    currency: "EUR",
    amount: "0.00",
    acceptedAt: null,
    acceptedViaIp: null,
    acceptedViaUserAgent: null,
    acceptanceSignature: null,
    rejectedAt: null,
    createdAt: toAtom(input.createdAt),
    links: customerLink(baseUrl, input.customerId),
    lines: structuredClone(input.lines),
    sendNotification: input.sendNotification,
    source: input.source,
  };
}

/** The API view: the documented fields in the documented order, links from the current base URL. */
export function toApiOffer(offer: StoredOffer, baseUrl: string): CustomerOffer {
  return {
    id: offer.id,
    customerId: offer.customerId,
    offerNumber: offer.offerNumber,
    issuedAt: offer.issuedAt,
    expiresAt: offer.expiresAt,
    currency: offer.currency,
    amount: offer.amount,
    acceptedAt: offer.acceptedAt,
    acceptedViaIp: offer.acceptedViaIp,
    acceptedViaUserAgent: offer.acceptedViaUserAgent,
    acceptanceSignature: offer.acceptanceSignature,
    rejectedAt: offer.rejectedAt,
    createdAt: offer.createdAt,
    links: customerLink(baseUrl, offer.customerId),
  };
}
