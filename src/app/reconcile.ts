// Looks up offers whose request may have arrived (rows left `sending`, answers that were 5xx or
// never came) by what was sent: offer number and customer as sent, created no earlier than shortly
// before the row was marked — found with one walk from the newest end of the list.

import { createdSince, instantOf } from "../core/offer-list";
import type { CreatedOffer } from "../core/responses";
import type { OfferList } from "./offer-list";

/** Clocks of Apps Script and MijnKlantportaal may differ a little: offers this much older still count. */
export const CLOCK_SKEW_MS = 10 * 60_000;

export interface LookupTarget {
  readonly ref: string;
  readonly offerNumber: string;
  readonly customerId: string;
  /** When the row was marked `sending` (epoch ms); 0 when nobody knows (then any age matches). */
  readonly markedAt: number;
}

export interface LookupResult {
  /** Targets found, by ref. */
  readonly found: Map<string, CreatedOffer>;
  /** True when every offer that could be a target's was seen: targets not found do not exist. */
  readonly complete: boolean;
}

const sinceOf = (t: LookupTarget): number => (t.markedAt > 0 ? t.markedAt - CLOCK_SKEW_MS : 0);

/** The offer that can be the one sent for `t`: same number and customer, not older than its marking. */
export function isSentFor(t: LookupTarget, offer: CreatedOffer): boolean {
  return (
    offer.offerNumber === t.offerNumber &&
    (offer.customerId === t.customerId || (offer.id === "" && offer.customerId === "")) &&
    createdSince(offer, sinceOf(t))
  );
}

/** `list` is made only when there is something to look up (the lookups feature: core/features.ts). */
export function lookUp(list: () => OfferList, targets: readonly LookupTarget[]): LookupResult {
  const found = new Map<string, CreatedOffer>();
  if (targets.length === 0) return { found, complete: true };
  // Targets an unreadable item of the list (no ID) may be: never proven absent.
  const doubtful = new Set<string>();
  const byNumber = new Map<string, LookupTarget[]>();
  for (const t of targets) byNumber.set(t.offerNumber, [...(byNumber.get(t.offerNumber) ?? []), t]);
  const earliest = (a: CreatedOffer, b: CreatedOffer): CreatedOffer =>
    (instantOf(a.createdAt)?.ms ?? 0) <= (instantOf(b.createdAt)?.ms ?? 0) ? a : b;
  const result = list().walkNewest({
    sinceMs: Math.min(...targets.map(sinceOf)),
    expected: targets.length,
    left: () => targets.length - found.size,
    certain: true,
    onOffer: (offer) => {
      for (const t of byNumber.get(offer.offerNumber) ?? []) {
        if (!isSentFor(t, offer)) continue;
        if (offer.id === "") {
          doubtful.add(t.ref);
          continue;
        }
        const before = found.get(t.ref);
        found.set(t.ref, before ? earliest(before, offer) : offer);
      }
    },
    done: () => found.size === targets.length,
  });
  const proven = [...doubtful].every((ref) => found.has(ref));
  return { found, complete: (result.complete && proven) || found.size === targets.length };
}
