// The customer-offers list as the API pages it (Laravel's simple paginator: no total, no order or
// filter documented): one page parsed, its order told from createdAt, timestamps made comparable.

import { asListedOffer, type CreatedOffer, parseJson } from "./responses";

export interface ListPage {
  readonly offers: CreatedOffer[];
  /** False on the last page. */
  readonly hasNext: boolean;
  /** Page size the server used, when it says. */
  readonly perPage: number | null;
}

/** A page of any list of the API: its items, whether another page follows, the page size used. */
export interface EnvelopePage<T> {
  readonly items: T[];
  readonly hasNext: boolean;
  readonly perPage: number | null;
}

const objectOr = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** A page of the simple-paginator envelope (`data`, `next_page_url`, `per_page`), or null. */
export function parseEnvelope<T>(body: string, asItem: (item: unknown) => T | null): EnvelopePage<T> | null {
  const json = parseJson(body);
  if (json === null || typeof json !== "object") return null;
  const o = json as Record<string, unknown>;
  const data = Array.isArray(json) ? json : o.data;
  if (!Array.isArray(data)) return null;
  const items = data.flatMap((item) => {
    const parsed = asItem(item);
    return parsed ? [parsed] : [];
  });
  // A Laravel API resource collection keeps these in `links` and `meta` instead (not documented).
  const links = objectOr(o.links);
  const meta = objectOr(o.meta);
  const hasNextField = "next_page_url" in o || "next" in links;
  const next = "next_page_url" in o ? o.next_page_url : links.next;
  const size = o.per_page ?? meta.per_page;
  const perPage = typeof size === "number" ? size : Number(size);
  // Without a next page field, an empty page is the only sure sign of the end.
  const hasNext = hasNextField ? typeof next === "string" && next !== "" : data.length > 0;
  return { items, hasNext, perPage: Number.isFinite(perPage) && perPage > 0 ? perPage : null };
}

/** A page of the customer-offers list, or null. */
export function parseListPage(body: string): ListPage | null {
  const page = parseEnvelope(body, asListedOffer);
  return page && { offers: page.items, hasNext: page.hasNext, perPage: page.perPage };
}

/** Up to 14 hours either way: a timestamp without an offset is read in no zone we can be sure of. */
export const UNZONED_MARGIN_MS = 14 * 3_600_000;

/**
 * Epoch ms of an API timestamp (ATOM: `2024-04-29T21:00:00+02:00`), and how sure that is: a
 * timestamp without an offset could be in any zone, so it is read as UTC with a margin.
 */
export function instantOf(text: string): { ms: number; marginMs: number } | null {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
    text.trim(),
  );
  if (!m) return null;
  const zone = m[4] ? m[4].replace(/^([+-]\d{2})(\d{2})$/, "$1:$2") : "Z";
  const ms = Date.parse(`${m[1]}T${m[2]}${m[3] ?? ""}${zone}`);
  if (Number.isNaN(ms)) return null;
  return { ms, marginMs: m[4] ? 0 : UNZONED_MARGIN_MS };
}

/** Created no earlier than `sinceMs`, as far as the timestamp can tell (unknown counts as possible). */
export function createdSince(offer: CreatedOffer, sinceMs: number): boolean {
  const at = instantOf(offer.createdAt);
  return at === null || at.ms + at.marginMs >= sinceMs;
}

/** Certainly created before `beforeMs`. */
export function createdBefore(offer: CreatedOffer, beforeMs: number): boolean {
  const at = instantOf(offer.createdAt);
  return at !== null && at.ms + at.marginMs < beforeMs;
}

export type ListOrder = "asc" | "desc" | "unknown";

/** Oldest first (asc) or newest first (desc), from one page's createdAt; unknown when it cannot tell. */
export function orderOf(offers: readonly CreatedOffer[]): ListOrder {
  let rising = 0;
  let falling = 0;
  let previous: number | null = null;
  for (const offer of offers) {
    const at = instantOf(offer.createdAt);
    if (at === null) continue;
    if (previous !== null && at.ms > previous) rising++;
    if (previous !== null && at.ms < previous) falling++;
    previous = at.ms;
  }
  if (rising > 0 && falling === 0) return "asc";
  if (falling > 0 && rising === 0) return "desc";
  return "unknown";
}
