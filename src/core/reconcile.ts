// Reconciliation: finding offers whose request may or may not have arrived (rows left `sending`)
// in the paginated customer-offers list, which has no filter, by offer number and customer.

import { asCustomerOffer, type CreatedOffer, parseJson } from "./responses";

export interface ReconcileTarget {
  readonly key: string;
  /** As sent: the offer number and customer of the request that may have created it. */
  readonly offerNumber: string;
  readonly customerId: string;
}

export interface ListPage {
  readonly offers: CreatedOffer[];
  /** False on the last page. */
  readonly hasNext: boolean;
  /** Page size the server used, when it says. */
  readonly perPage: number | null;
}

/** A page of the Laravel simple-paginator envelope (`data`, `next_page_url`, `per_page`). */
export function parseListPage(body: string): ListPage | null {
  const json = parseJson(body);
  if (json === null || typeof json !== "object") return null;
  const o = json as Record<string, unknown>;
  const data = Array.isArray(json) ? json : o.data;
  if (!Array.isArray(data)) return null;
  const offers = data.flatMap((item) => {
    const offer = asCustomerOffer(item);
    return offer ? [offer] : [];
  });
  const next = o.next_page_url;
  const perPage = typeof o.per_page === "number" ? o.per_page : Number(o.per_page);
  // Without a next_page_url field, an empty page is the only sure sign of the end.
  const hasNext = "next_page_url" in o ? typeof next === "string" && next !== "" : data.length > 0;
  return { offers, hasNext, perPage: Number.isFinite(perPage) && perPage > 0 ? perPage : null };
}

/**
 * Offers of a page that answer targets, by offer number: an offer number is created at most once,
 * so an offer with that number for another customer (the Customer ID may have been edited since
 * the request went out) still counts. An exact match (same customer too) is preferred.
 */
export function matchTargets(
  targets: readonly ReconcileTarget[],
  offers: readonly CreatedOffer[],
): Map<string, CreatedOffer> {
  const found = new Map<string, CreatedOffer>();
  for (const exact of [true, false]) {
    for (const offer of offers) {
      for (const t of targets) {
        if (found.has(t.key) || offer.offerNumber !== t.offerNumber) continue;
        if (!exact || offer.customerId === t.customerId) found.set(t.key, offer);
      }
    }
  }
  return found;
}

/** What to tell the user when the offer found is for another customer than the row says now. */
export function customerNote(target: ReconcileTarget, offer: CreatedOffer): string {
  if (offer.customerId === "" || offer.customerId === target.customerId) return "";
  return `MijnKlantportaal already has offer ${target.offerNumber}, for customer ${offer.customerId} (the row says ${target.customerId}), so it was not created again. Check the offer in MijnKlantportaal.`;
}

/** Where an unfinished pass through the list stopped, kept between executions. */
export interface ReconcileCursor {
  readonly nextPage: number;
  readonly perPage: number;
  /** Keys of the targets the pages before nextPage were searched for. */
  readonly targets: readonly string[];
  /** ID of the last offer on the page before nextPage, to notice that the list shifted. */
  readonly lastId?: string;
}

export function parseCursor(text: string | null): ReconcileCursor | null {
  const json = text ? parseJson(text) : null;
  if (json === null || typeof json !== "object") return null;
  const c = json as Record<string, unknown>;
  if (typeof c.nextPage !== "number" || typeof c.perPage !== "number" || !Array.isArray(c.targets))
    return null;
  return {
    nextPage: c.nextPage,
    perPage: c.perPage,
    targets: c.targets.filter((t): t is string => typeof t === "string"),
    ...(typeof c.lastId === "string" ? { lastId: c.lastId } : {}),
  };
}

/**
 * The page to start from: where the last pass stopped, when it was searching for (at least) every
 * target we search for now; otherwise from the first page.
 */
export function startPage(cursor: ReconcileCursor | null, targets: readonly ReconcileTarget[]): number {
  if (!cursor) return 1;
  const searched = new Set(cursor.targets);
  return targets.every((t) => searched.has(t.key)) ? cursor.nextPage : 1;
}
