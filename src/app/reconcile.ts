// Looks up offers whose request may have arrived (rows `sending`) by paging through the
// customer-offers list, several pages per round trip, within the run's time and rate budget;
// an unfinished pass resumes where it stopped on the next run.

import { matchTargets, parseCursor, parseListPage, type ReconcileTarget, startPage } from "../core/reconcile";
import type { CreatedOffer } from "../core/responses";
import { documentStore } from "../shell/store";
import { type ApiSession, LIST_PER_PAGE } from "./api-session";

const CURSOR_KEY = "MKP_RECONCILE_CURSOR";
const PAGES_PER_ROUND_TRIP = 10;
const MAX_FAILED_ROUNDS = 3;
const MAX_CURSOR_LENGTH = 8000;

export interface ReconcileResult {
  /** Targets found in MijnKlantportaal. */
  readonly found: Map<string, CreatedOffer>;
  /** True when the whole list was searched: targets not found do not exist. */
  readonly complete: boolean;
}

export function reconcile(session: ApiSession, targets: readonly ReconcileTarget[]): ReconcileResult {
  const found = new Map<string, CreatedOffer>();
  if (targets.length === 0) return { found, complete: true };
  const props = documentStore();
  const cursor = parseCursor(props.get(CURSOR_KEY));
  let page = startPage(cursor, targets);
  // When resuming, the page before the cursor is read again first: if its last offer is not the
  // one seen there before, offers were deleted meanwhile and later ones moved back a page, so the
  // pass starts over (finding an offer is always safe; only a whole pass can prove one absent).
  let check: string | null = page > 1 ? (cursor?.lastId ?? null) : null;
  if (page > 1 && check === null) page = 1;
  let lastId = "";
  let complete = false;
  let failedRounds = 0;
  const missing = () => targets.filter((t) => !found.has(t.key));

  while (!complete && missing().length > 0 && failedRounds < MAX_FAILED_ROUNDS && session.canContinue()) {
    if (session.room() === 0 && !session.waitForRoom()) break;
    const checking = check !== null;
    const first = checking ? page - 1 : page;
    const count = Math.min(session.room(), PAGES_PER_ROUND_TRIP);
    const pages = Array.from({ length: count }, (_, i) => first + i);
    const exchanges = session.send(pages.map((p) => ({ method: "get" as const, path: session.listPath(p) })));
    let advanced = 0;
    let restart = false;
    for (const [i, exchange] of exchanges.entries()) {
      if (session.refusesPerPage(exchange)) {
        // Other page sizes from now on: the pass starts over.
        restart = true;
        break;
      }
      const list =
        exchange.kind === "response" && exchange.status === 200 ? parseListPage(exchange.body) : null;
      // Pages must be searched in order: stop at the first one that did not come back.
      if (list === null) break;
      for (const [key, offer] of matchTargets(missing(), list.offers)) found.set(key, offer);
      const pageLastId = list.offers[list.offers.length - 1]?.id ?? "";
      if (i === 0 && check !== null) {
        restart = pageLastId !== check;
        check = null;
        if (restart) break;
        continue;
      }
      lastId = pageLastId;
      advanced++;
      if (!list.hasNext) {
        complete = true;
        break;
      }
    }
    if (restart) {
      page = 1;
      continue;
    }
    page += advanced;
    if (advanced < pages.length - (checking ? 1 : 0) && !complete) {
      failedRounds++;
      // A 429 has set the window to 0 (waitForRoom handles it); other failures back off a little.
      if (!session.waitUntil(session.ctx.now() + 2000 * failedRounds)) break;
    }
  }
  const done = complete || missing().length === 0;
  const next = JSON.stringify({
    nextPage: page,
    perPage: LIST_PER_PAGE,
    targets: targets.map((t) => t.key),
    lastId,
  });
  // A property holds 9 KB: a cursor too large to keep means starting from page 1 next time.
  if (done || page === 1 || next.length > MAX_CURSOR_LENGTH) props.remove(CURSOR_KEY);
  else props.set(CURSOR_KEY, next);
  return { found, complete: done };
}

/** Rows about to be sent again make a pass that searched for them meaningless: forget it. */
export function forgetPassesFor(keys: readonly string[]): void {
  if (keys.length === 0) return;
  const props = documentStore();
  const cursor = parseCursor(props.get(CURSOR_KEY));
  if (cursor && keys.some((k) => cursor.targets.includes(k))) props.remove(CURSOR_KEY);
}
