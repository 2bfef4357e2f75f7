// The customer-offers list, used by reconciliation and by status refresh: pages fetched by the list
// pager (list-pager.ts: rate budget, retries, per_page asked for until refused), and a walk from the
// newest end of the list that stops at a given creation time — so that work is bounded by what is
// needed, not by the account's size.

import { createdBefore, type ListOrder, type ListPage, orderOf, parseListPage } from "../core/offer-list";
import type { CreatedOffer } from "../core/responses";
import { LIST_SHAPE, type ListShape, loadState, PER_PAGE_REFUSED, saveState } from "../core/state-keys";
import type { ApiSession } from "./api-session";
import { LIST_PER_PAGE, ListPager, MAX_PAGES_PER_TRIP } from "./list-pager";

export { LIST_PER_PAGE };

/** Walks that do not settle (the list keeps shifting) give up after this many passes. */
const MAX_PASSES = 3;

export interface WalkOptions {
  /** Offers created before this (epoch ms) are of no interest: the walk stops where they begin. */
  readonly sinceMs: number;
  /** How many offers the caller expects to find at the newest end (sizes the first round trip). */
  readonly expected: number;
  /** How many of them it has not found yet (sizes later round trips: no long overshoot). */
  left?(): number;
  /** Called with every offer seen (an offer may be seen more than once). */
  onOffer(offer: CreatedOffer): void;
  /** True when the caller has what it needs: the walk stops early. */
  done(): boolean;
  /** Prove a "not found": on a newest-first list, read the pages again and compare. */
  readonly certain: boolean;
  /** Read at most this many pages (then stop, incomplete). */
  readonly maxPages?: number;
  /** Resume a walk of the same order at this page (as returned in nextPage). */
  readonly from?: number;
}

export interface WalkResult {
  /** Every offer created since sinceMs was seen (or the walk was stopped by done()). */
  readonly complete: boolean;
  /** Where an unfinished walk would go on (its order is remembered with the list's shape). */
  readonly nextPage?: number;
}

export class OfferList {
  private perPageRefused: boolean;
  private shape: ListShape | null;
  /** Set when per_page was refused in the middle of a walk: page numbers changed meaning. */
  private resized = false;
  /** Pages read so far by this pager. */
  pagesRead = 0;

  private readonly pager: ListPager<ListPage>;

  constructor(private readonly session: ApiSession) {
    this.pager = new ListPager(session, {
      path: "/customer-offers",
      refusedKey: PER_PAGE_REFUSED,
      parse: parseListPage,
      pastEnd: { offers: [], hasNext: false, perPage: null },
    });
    this.perPageRefused = this.pager.perPageRefused;
    this.shape = loadState(session.ctx.stores, LIST_SHAPE);
    if (this.shape && this.shape.perPage !== this.expectedPerPage(this.shape)) this.shape = null;
  }

  /** The list's shape as far as this pager knows it (page numbers of a walk refer to it). */
  shapeNow(): ListShape | null {
    return this.shape;
  }

  /** True when page numbers saved with this order and page size still mean the same pages. */
  pagesMean(order: ListShape["order"], perPage: number): boolean {
    return this.shape !== null && this.shape.order === order && this.shape.perPage === perPage;
  }

  now(): number {
    return this.session.now();
  }

  /**
   * Pages for the next round trip: as many as the offers still looked for fill; when the last
   * trip found none of them, twice as many as last time (they may be further on), at most a trip.
   */
  private nextWant(o: WalkOptions, perPage: number, last: number, leftBefore: number): number {
    const left = o.left ? o.left() : o.expected;
    const need = Math.ceil(left / perPage) + 1;
    const want = o.left && left < leftBefore ? need : Math.max(need, last * 2);
    return Math.max(1, Math.min(want, MAX_PAGES_PER_TRIP));
  }

  private expectedPerPage(shape: ListShape): number {
    // A shape measured with the other page size does not tell page numbers now.
    return this.perPageRefused && shape.perPage === LIST_PER_PAGE ? -1 : shape.perPage;
  }

  /** Pages fetched by the list pager; a page missing from the map could not be read. */
  fetch(pages: readonly number[]): Map<number, ListPage> {
    const { pages: got, refused } = this.pager.fetch(pages);
    this.pagesRead = this.pager.pagesRead;
    if (refused) {
      // Pages already read used the other size: the caller starts over.
      this.perPageRefused = true;
      this.resized = true;
      this.shape = null;
    }
    return got;
  }

  private remember(order: ListOrder, perPage: number | null, pages: number | null): void {
    const size = perPage ?? this.shape?.perPage ?? null;
    if (size === null) return;
    this.shape = { order, perPage: size, pages: pages ?? this.shape?.pages ?? null, at: this.session.now() };
    saveState(this.session.ctx.stores, LIST_SHAPE, this.shape);
  }

  /** The newest end of the list, read until `sinceMs` (or until `done`), whatever the list's order. */
  walkNewest(options: WalkOptions): WalkResult {
    for (let pass = 0; pass < MAX_PASSES + 1; pass++) {
      this.resized = false;
      const result = this.walkOnce(options);
      if (!this.resized) return result;
    }
    return { complete: false };
  }

  private walkOnce(o: WalkOptions): WalkResult {
    let order = this.shape?.order ?? "unknown";
    if (o.from !== undefined && o.from > 1 && this.shape !== null) {
      if (order === "unknown") return this.forwardFromFirst(o, undefined, false, o.from);
      return order === "desc"
        ? this.forwardFromFirst(o, undefined, true, o.from)
        : this.backwardFromLast(o, o.from);
    }
    let first: ListPage | undefined;
    if (order === "unknown" || this.shape?.pages == null) {
      first = this.fetch([1]).get(1);
      if (!first) return { complete: false };
      for (const offer of first.offers) o.onOffer(offer);
      if (!first.hasNext) {
        this.remember(order === "unknown" ? orderOf(first.offers) : order, first.perPage, 1);
        return { complete: true };
      }
      if (order === "unknown") order = orderOf(first.offers);
      this.remember(order, first.perPage ?? first.offers.length, null);
    }
    if (o.done()) return { complete: true };
    if (order === "desc") return this.forwardFromFirst(o, first, true);
    // Page 1, read first, was read before the others: a "not found" reads it again at the end.
    if (order === "asc") return this.backwardFromLast(o, undefined, o.certain ? undefined : first);
    return this.forwardFromFirst(o, first, false);
  }

  /**
   * Newest first: read forward from page 1 until offers are older than sinceMs. New offers push
   * items forward (seen twice at most); a deletion of a newer offer between two reads could move an
   * item back past us, so a "not found" is proven by reading the same pages again and finding every
   * offer seen the first time (no deletion in between). Without a known order, the same walk runs to
   * the list's end.
   */
  private forwardFromFirst(
    o: WalkOptions,
    first: ListPage | undefined,
    bounded: boolean,
    from = 1,
  ): WalkResult {
    const budgetEnd = this.pagesRead + (o.maxPages ?? Number.POSITIVE_INFINITY);
    const perPage = this.shape?.perPage ?? LIST_PER_PAGE;
    let previous: Set<string> | null = null;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const seen = new Set<string>();
      let page = from;
      let want = Math.max(1, Math.ceil(o.expected / perPage) + 1);
      let reachedEnd = false;
      const take = (list: ListPage): boolean => {
        for (const offer of list.offers) {
          o.onOffer(offer);
          seen.add(offer.id);
        }
        const last = list.offers[list.offers.length - 1];
        return !list.hasNext || (bounded && last !== undefined && createdBefore(last, o.sinceMs));
      };
      if (pass === 0 && first && from === 1) {
        reachedEnd = take(first);
        page = 2;
      }
      while (!reachedEnd && !(pass === 0 && o.done())) {
        if (this.pagesRead >= budgetEnd) return { complete: false, nextPage: page };
        const pages = Array.from({ length: Math.min(want, MAX_PAGES_PER_TRIP) }, (_, i) => page + i);
        const leftBefore = o.left ? o.left() : 0;
        const got = this.fetch(pages);
        if (this.resized) return { complete: false };
        let advanced = 0;
        for (const p of pages) {
          const list = got.get(p);
          if (!list) break;
          advanced++;
          if (take(list)) {
            reachedEnd = true;
            break;
          }
        }
        if (advanced === 0) return { complete: false, nextPage: page };
        page += advanced;
        want = this.nextWant(o, perPage, pages.length, leftBefore);
      }
      if (reachedEnd && !bounded) this.remember("unknown", null, page - 1);
      if (pass === 0 && o.done()) return { complete: true };
      if (!reachedEnd) return { complete: false };
      if (!o.certain) return { complete: true };
      // Proven when every offer of the previous pass is still there: nothing was deleted meanwhile.
      if (previous !== null && [...previous].every((id) => seen.has(id))) return { complete: true };
      if (o.done()) return { complete: true };
      previous = seen;
    }
    return { complete: false };
  }

  /**
   * Oldest first: new offers sit on the last page. Find it (from the remembered page count, or by
   * probing page numbers in parallel), then read backwards until offers are older than sinceMs.
   * Reading against the direction items move when offers are deleted makes deletions harmless (an
   * item may be seen twice, never skipped), and offers added meanwhile only append.
   */
  private backwardFromLast(o: WalkOptions, from?: number, firstPage?: ListPage): WalkResult {
    let first = firstPage;
    const budgetEnd = this.pagesRead + (o.maxPages ?? Number.POSITIVE_INFINITY);
    let page: number;
    let pending: ListPage | undefined;
    if (from === undefined) {
      const last = this.findLastPage(Math.ceil(o.expected / (this.shape?.perPage ?? LIST_PER_PAGE)));
      if (last === null) return { complete: false };
      this.remember("asc", last.list.perPage, last.page);
      page = last.page;
      pending = last.list;
    } else {
      page = from;
    }
    const perPage = this.shape?.perPage ?? LIST_PER_PAGE;
    let want = Math.max(1, Math.ceil(o.expected / perPage) + 1);
    for (;;) {
      if (pending) {
        for (const offer of [...pending.offers].reverse()) o.onOffer(offer);
        const oldest = pending.offers[0];
        if (page <= 1 || (oldest !== undefined && createdBefore(oldest, o.sinceMs)) || o.done())
          return { complete: true };
        page--;
        pending = undefined;
        continue;
      }
      if (page === 1 && first) {
        // Page 1 was read to learn the order: it is not asked for again.
        pending = first;
        first = undefined;
        continue;
      }
      if (this.pagesRead >= budgetEnd) return { complete: false, nextPage: page };
      const reach = first ? page - 1 : page;
      const pages = Array.from({ length: Math.min(want, MAX_PAGES_PER_TRIP, reach) }, (_, i) => page - i);
      const leftBefore = o.left ? o.left() : 0;
      const got = this.fetch(pages);
      if (this.resized) return { complete: false };
      const list = got.get(page);
      if (!list) return { complete: false, nextPage: page };
      // Pages of this round trip, newest first; stop at the first missing one.
      for (const p of pages) {
        const l = got.get(p);
        if (!l) break;
        for (const offer of [...l.offers].reverse()) o.onOffer(offer);
        const oldest = l.offers[0];
        if (p <= 1 || (oldest !== undefined && createdBefore(oldest, o.sinceMs)) || o.done())
          return { complete: true };
        page = p - 1;
      }
      want = this.nextWant(o, perPage, pages.length, leftBefore);
    }
  }

  /**
   * The last page of the list and its content. Probes start where the list must reach at least (the
   * remembered page count, or the pages the expected offers fill), go up by doubling, then halve the
   * gap: a few requests per round trip, about two per doubling of the list's length.
   */
  private findLastPage(hint: number): { page: number; list: ListPage } | null {
    // Pages below `low` have a next page; from `high` on the list is empty.
    let low = 1;
    let high: number | null = null;
    const known = this.shape?.pages ?? null;
    const start = Math.max(1, known ?? hint);
    let probes = known ? [start - 1, start, start + 1].filter((p) => p >= 1) : [start, start + 1];
    for (let round = 0; round < 40 && probes.length > 0; round++) {
      const got = this.fetch(probes);
      if (this.resized || got.size === 0) return null;
      for (const p of [...probes].sort((a, b) => a - b)) {
        const list = got.get(p);
        if (!list) continue;
        if (list.offers.length === 0) high = high === null ? p : Math.min(high, p);
        else if (!list.hasNext) return { page: p, list };
        else low = Math.max(low, p + 1);
      }
      if (high !== null && high <= low) return this.findLastPageFrom(Math.max(1, high - 1));
      if (high === null) {
        probes = [low * 2, low * 4].map((p) => p - 1);
        continue;
      }
      // Three probes split the gap into quarters.
      const span = high - low;
      probes = [...new Set([1, 2, 3].map((i) => low + Math.floor((i * span) / 4)))].filter(
        (p) => p >= low && p < (high as number),
      );
      if (probes.length === 0) probes = [low];
    }
    return null;
  }

  private findLastPageFrom(page: number): { page: number; list: ListPage } | null {
    let p = page;
    for (let i = 0; i < 50; i++) {
      const list = this.fetch([p]).get(p);
      if (!list) return null;
      if (!list.hasNext) return { page: p, list };
      p++;
    }
    return null;
  }
}
