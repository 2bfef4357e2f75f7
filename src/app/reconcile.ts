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
  /**
   * Targets not found although the walk was complete, because an item the product cannot read (no
   * ID, number or customer it can match) may be theirs: reading the list again will not tell.
   */
  readonly doubtful: ReadonlySet<string>;
}

const sinceOf = (t: LookupTarget): number => (t.markedAt > 0 ? t.markedAt - CLOCK_SKEW_MS : 0);

/**
 * The number a numeric offer number becomes as a JSON number (PHP's JSON_NUMERIC_CHECK: `0042` → 42,
 * `1e3` → 1000), as text; null when it is not numeric.
 */
const numericKey = (n: string): string | null =>
  /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(n) ? String(Number(n)) : null;

/**
 * Whether `offer` is the one sent for `t`: "yes"; "no" (another number or customer, or older than the
 * marking); "maybe" when what would tell cannot be read (its ID, number or customer), or when its
 * number, served as a JSON number, fits more than one target (`twins`).
 */
export function sentFor(t: LookupTarget, offer: CreatedOffer, twins = 1): "yes" | "no" | "maybe" {
  const number = offer.numericNumber
    ? numericKey(t.offerNumber) === offer.offerNumber
    : offer.offerNumber === t.offerNumber;
  if (offer.offerNumber !== "" && !number) return "no";
  if (offer.customerId !== "" && offer.customerId !== t.customerId) return "no";
  if (!createdSince(offer, sinceOf(t))) return "no";
  const unsure = offer.id === "" || offer.offerNumber === "" || offer.customerId === "";
  return unsure || (offer.numericNumber && twins > 1) ? "maybe" : "yes";
}

/** `list` is made only when there is something to look up (the lookups feature: core/features.ts). */
export function lookUp(list: () => OfferList, targets: readonly LookupTarget[]): LookupResult {
  const found = new Map<string, CreatedOffer>();
  if (targets.length === 0) return { found, complete: true, doubtful: new Set() };
  // Targets an item of the list that cannot be read may be: never proven absent.
  const doubtful = new Set<string>();
  const byNumber = new Map<string, LookupTarget[]>();
  const byNumeric = new Map<string, LookupTarget[]>();
  const add = (map: Map<string, LookupTarget[]>, key: string | null, t: LookupTarget): void => {
    if (key !== null) map.set(key, [...(map.get(key) ?? []), t]);
  };
  for (const t of targets) {
    add(byNumber, t.offerNumber, t);
    add(byNumeric, numericKey(t.offerNumber), t);
  }
  const candidates = (offer: CreatedOffer): readonly LookupTarget[] =>
    offer.offerNumber === ""
      ? targets
      : ((offer.numericNumber ? byNumeric : byNumber).get(offer.offerNumber) ?? []);
  const earliest = (a: CreatedOffer, b: CreatedOffer): CreatedOffer =>
    (instantOf(a.createdAt)?.ms ?? 0) <= (instantOf(b.createdAt)?.ms ?? 0) ? a : b;
  const result = list().walkNewest({
    sinceMs: Math.min(...targets.map(sinceOf)),
    expected: targets.length,
    left: () => targets.length - found.size,
    certain: true,
    onOffer: (offer) => {
      const fits = candidates(offer);
      for (const t of fits) {
        const verdict = sentFor(t, offer, fits.length);
        if (verdict === "no") continue;
        if (verdict === "maybe") {
          doubtful.add(t.ref);
          continue;
        }
        const before = found.get(t.ref);
        found.set(t.ref, before ? earliest(before, offer) : offer);
      }
    },
    done: () => found.size === targets.length,
  });
  const unproven = [...doubtful].filter((ref) => !found.has(ref));
  return {
    found,
    complete: (result.complete && unproven.length === 0) || found.size === targets.length,
    doubtful: new Set(result.complete ? unproven : []),
  };
}
