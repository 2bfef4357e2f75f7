// The one pager of the API's lists (customer offers, customers): pages in parallel round trips on the
// run's rate budget, retried by the retry policy, bigger pages asked for until the API refuses them
// (remembered for the key, per list).

import { DEFAULT_RETRY_POLICY, decideRetry } from "../core/retry";
import { loadState, type StateKey, saveState } from "../core/state-keys";
import type { ApiSession } from "./api-session";

/** Asked for on every list request until the API refuses it; the API documents 15 a page. */
export const LIST_PER_PAGE = 100;
/** At most this many pages in one round trip. */
export const MAX_PAGES_PER_TRIP = 20;

export interface PagerOptions<P> {
  /** The list's path, e.g. `/customers`. */
  readonly path: string;
  /** Where a refusal of per_page is remembered (with the key's last characters). */
  readonly refusedKey: StateKey<{ keyTail: string } | null>;
  /** A 200's body as a page, or null when it is not one (then retried as a failure). */
  parse(body: string): P | null;
  /**
   * The empty last page that a 404 for a page after the first stands for: some servers answer a page
   * past the end with 404 instead of an empty page (not documented either way). Asked once more first.
   */
  readonly pastEnd?: P;
}

export class ListPager<P> {
  perPageRefused: boolean;
  /** Pages read so far by this pager. */
  pagesRead = 0;
  /** The last 401/403 a page request got (null while none): the caller tells a missing permission. */
  authStatus: number | null = null;

  constructor(
    readonly session: ApiSession,
    private readonly options: PagerOptions<P>,
  ) {
    const refused = loadState(session.ctx.stores, options.refusedKey);
    this.perPageRefused = refused !== null && refused.keyTail === session.apiKey.slice(-4);
  }

  path(page: number): string {
    const base = `${this.options.path}?page=${page}`;
    return this.perPageRefused ? base : `${base}&per_page=${LIST_PER_PAGE}`;
  }

  /**
   * Fetches pages in as few round trips as the budget allows, retrying failures by the retry
   * policy. A page missing from the map could not be read. `refused` is set when the API refused
   * per_page just now: pages are asked for without it from now on, and none of this call's are kept.
   */
  fetch(pages: readonly number[]): { pages: Map<number, P>; refused: boolean } {
    const got = new Map<number, P>();
    const notFound = new Set<number>();
    let todo = [...new Set(pages)].filter((p) => p >= 1);
    let attempt = 0;
    const s = this.session;
    while (todo.length > 0 && s.canContinue()) {
      if (s.room() === 0 && !s.waitForRoom()) break;
      const batch = todo.slice(0, Math.min(s.room(), MAX_PAGES_PER_TRIP));
      const exchanges = s.send(batch.map((p) => ({ method: "get" as const, path: this.path(p) })));
      const failed: number[] = [];
      let refusedNow = false;
      batch.forEach((page, i) => {
        const e = exchanges[i];
        if (e?.kind === "response" && (e.status === 400 || e.status === 422) && !this.perPageRefused) {
          refusedNow = true;
          return;
        }
        if (e?.kind === "response" && (e.status === 401 || e.status === 403)) this.authStatus = e.status;
        if (e?.kind === "response" && e.status === 404 && page > 1 && this.options.pastEnd !== undefined) {
          // Only a 404 given twice for the page: one odd 404 taken for the end would hide the pages
          // after it, and a lookup would then prove absent what is there.
          if (notFound.has(page)) {
            got.set(page, this.options.pastEnd);
            return;
          }
          notFound.add(page);
        }
        const list = e?.kind === "response" && e.status === 200 ? this.options.parse(e.body) : null;
        if (list) {
          got.set(page, list);
          this.pagesRead++;
        } else failed.push(page);
      });
      if (refusedNow) {
        this.perPageRefused = true;
        saveState(s.ctx.stores, this.options.refusedKey, { keyTail: s.apiKey.slice(-4) });
        return { pages: new Map(), refused: true };
      }
      todo = [...failed, ...todo.slice(batch.length)];
      if (failed.length > 0) {
        if (s.unauthorized || s.quotaExhausted) break;
        // A 429 leaves no room (waitForRoom waits for it); other failures back off by the policy.
        attempt++;
        if (s.room() === 0) continue;
        const d = decideRetry(
          { kind: "transient" },
          attempt,
          DEFAULT_RETRY_POLICY,
          s.now(),
          s.deadline,
          s.ctx.clock.random(),
        );
        if (!d.retry || !s.waitUntil(s.now() + d.afterMs)) break;
      }
    }
    return { pages: got, refused: false };
  }
}
