// Refreshes created offers from MijnKlantportaal: one walk from the newest end of the list until
// every row is seen (a sheet of this year's offers sits at that end), then a GET by ID for rows the
// walk did not show (a 404 means deleted there). A pass that does not fit in one execution leaves a
// cursor: where the walk goes on and which rows are left; a finished pass leaves none.

import { shownText } from "../core/cells";
import { pick } from "../core/language";
import { instantOf, UNZONED_MARGIN_MS } from "../core/offer-list";
import type { OfferRow } from "../core/offer-types";
import type { RunContext } from "../core/ports";
import { createdStamp, newestFirst, rowsToDo, SMALL_REFRESH, stoppedAt } from "../core/refresh";
import { isOfferId } from "../core/responses";
import {
  clearState,
  LIST_CURSOR,
  LIST_SHAPE,
  type ListCursor,
  loadState,
  SCHEDULE_OWNER,
  saveState,
} from "../core/state-keys";
import { cellAt } from "../core/table";
import { sentences, texts } from "../core/texts";
import { REFRESH_TEXTS } from "../core/texts-refresh";
import { SCHEDULE_TEXTS } from "../core/texts-schedule";
import { ApiSession, keyRefusedText } from "./api-session";
import { newOfferList } from "./lookups";
import type { OfferList } from "./offer-list";
import { type OffersBook, openOffersBook } from "./offers-book";
import { emptyResult, Refresher, type RefreshResult } from "./refresher";
import { refusedNote } from "./refused-note";
import { type RunOutcome, stopped } from "./run-outcome";
import { apiAccess } from "./settings";

export type { RefreshResult } from "./refresher";

/** A pass resumed later than this starts over: rows it did may have changed since. */
const CURSOR_MAX_AGE_MS = 20 * 60_000;
/** The walk goes this far past the oldest row's Created at (read as UTC: ± a margin for the zone). */
const SINCE_MARGIN_MS = UNZONED_MARGIN_MS + 3_600_000;

type StampOf = (row: OfferRow) => string | null;

/** The rows' Created at stamps; rows without one count as the oldest when too many to look up. */
function stamper(book: OffersBook, rows: readonly OfferRow[]): StampOf {
  const stamps = new Map<string, string | null>();
  for (const r of rows) {
    const cells = book.offersSheet.table.rows[r.sheetRow - 2] ?? [];
    stamps.set(r.offerId, createdStamp(shownText(cellAt(cells, book.offersSheet.columns, "createdAt"))));
  }
  const unstamped = [...stamps.values()].filter((s) => s === null).length;
  const placeUnstamped = unstamped >= SMALL_REFRESH;
  return (row) => stamps.get(row.offerId) ?? (placeUnstamped ? "" : null);
}

/** The earliest a row's offer can have been created (epoch ms), from its stamp ("" = any time). */
function earliest(stamp: string): number {
  const at = stamp === "" ? null : instantOf(stamp);
  return at === null ? 0 : at.ms - SINCE_MARGIN_MS;
}

interface PassStep {
  left: OfferRow[];
  /** Where the pass goes on; null when it ends here (done, or starts over next time). */
  cursor: ListCursor | null;
}

export interface RefreshOptions {
  /**
   * Rows this product created (they carry a ledger ref) less than this long ago, by their Created
   * at, are left for a later run: an offer that new has not been answered yet, so a request for it is
   * worth nothing. Scheduled runs only; a refresh the user asks for checks every row.
   */
  readonly skipCreatedWithinMs?: number;
}

/** Offers created in the last hour wait for the next hourly run (scheduledBatch). */
export const SCHEDULED_REFRESH_OPTIONS: RefreshOptions = { skipCreatedWithinMs: 3_600_000 };

/** Rows created by this product after `sinceMs` (by their Created at, in the sheet's zone). */
function createdSince(book: OffersBook, rows: readonly OfferRow[], sinceMs: number): Set<OfferRow> {
  const since = createdStamp(book.time.timestamp(new Date(sinceMs).toISOString()));
  const recent = new Set<OfferRow>();
  if (since === null) return recent;
  for (const r of rows) {
    if (r.ref === "") continue;
    const cells = book.offersSheet.table.rows[r.sheetRow - 2] ?? [];
    const stamp = createdStamp(shownText(cellAt(cells, book.offersSheet.columns, "createdAt")));
    if (stamp !== null && stamp > since) recent.add(r);
  }
  return recent;
}

export function refreshStatuses(
  ctx: RunContext,
  options: RefreshOptions = {},
): RefreshResult | { stopped: string } {
  const access = apiAccess(ctx.stores);
  if (!access.ok) return { stopped: access.problem };
  const opened = openOffersBook(ctx.workbook);
  if (!opened.ok) return { stopped: opened.problem };
  const book = opened.book;
  // A row the user marked skip (or with a status we do not know) is left alone.
  const open = book.offers.filter(
    (r) => isOfferId(r.offerId) && !["sending", "skip", "unknown", "failed", "warning"].includes(r.status),
  );
  const within = options.skipCreatedWithinMs;
  const recent =
    within === undefined ? new Set<OfferRow>() : createdSince(book, open, ctx.clock.now() - within);
  const rows = open.filter((r) => !recent.has(r));
  // "A later hourly run" checks them only if hourly runs are on (this user's, or another's here).
  const hourly = ctx.triggers.hourlyOn() || loadState(ctx.stores, SCHEDULE_OWNER) !== null;
  const leftRecent =
    recent.size === 0
      ? ""
      : hourly
        ? pick(REFRESH_TEXTS).leftRecent(recent.size)
        : pick(SCHEDULE_TEXTS).leftRecentNoHourly(recent.size);
  if (rows.length === 0) {
    clearState(ctx.stores, LIST_CURSOR);
    return { ...emptyResult(), message: leftRecent || texts().nothingToRefresh() };
  }
  if (ctx.startedBy === "menu") ctx.notifier.progress(pick(REFRESH_TEXTS).checking(rows.length));
  const session = new ApiSession(ctx, access.url, access.key);
  const refresher = new Refresher(book, session, book.time.today(ctx.clock.now()));
  const list = newOfferList(session);
  const stampOf = stamper(book, rows);
  const saved = loadState(ctx.stores, LIST_CURSOR);
  const resume =
    saved !== null &&
    ctx.clock.now() - saved.at <= CURSOR_MAX_AGE_MS &&
    (saved.nextPage === null || list.pagesMean(saved.order, saved.perPage))
      ? saved
      : null;
  const step = passStep(refresher, list, rows, stampOf, resume, loadState(ctx.stores, LIST_SHAPE) === null);
  if (step.cursor !== null && step.left.length > 0 && !session.unauthorized)
    saveState(ctx.stores, LIST_CURSOR, step.cursor);
  else clearState(ctx.stores, LIST_CURSOR);
  session.save();

  const r = refresher.result;
  r.left = step.left.length;
  r.unauthorized = session.unauthorized;
  if (session.unauthorized) r.keyRefused = keyRefusedText(session.keyRefusal);
  r.progress = session.requests === 0 || session.answered > 0;
  r.moreWork = step.left.length > 0 && !session.unauthorized && !session.quotaExhausted;
  if (session.quotaExhausted) r.quotaUsed = true;
  const numberOf = new Map(book.offers.map((o) => [o.key, o.offerNumber]));
  r.message = sentences(
    texts().refreshSummary({ ...r, more: r.moreWork, requests: session.requests }),
    session.quotaExhausted ? pick(REFRESH_TEXTS).quotaUsed() : "",
    leftRecent,
    refusedNote(ctx.workbook.refusedWrites(), (u) => numberOf.get(u.key) ?? u.key),
  );
  return r;
}

/** What this execution does of the pass: lookups by ID, a walk through the list, or both. */
function passStep(
  refresher: Refresher,
  list: OfferList,
  rows: readonly OfferRow[],
  stampOf: StampOf,
  resume: ListCursor | null,
  listUnknown: boolean,
): PassStep {
  const todo = rowsToDo(rows, stampOf, resume);
  // A small sheet and a list never measured: a GET each costs no more than the list would.
  if (!resume && todo.length < SMALL_REFRESH && listUnknown)
    return { left: refresher.byId(todo), cursor: null };
  // First the few rows looked up by ID: those the walk went past unseen, or without a Created at.
  const recheck = new Set(resume?.recheck ?? []);
  const first = newestFirst(
    todo.filter((r) => (resume ? recheck.has(r.offerId) : stampOf(r) === null)),
    stampOf,
  );
  const rest = todo.filter((r) => !first.includes(r) && stampOf(r) !== null);
  const leftFirst = refresher.byId(first);
  if (leftFirst.length > 0) {
    const cursor = resume ? { ...resume, recheck: leftFirst.map((r) => r.offerId), at: list.now() } : null;
    return { left: [...leftFirst, ...rest], cursor };
  }
  if (rest.length === 0) return { left: [], cursor: null };
  if (resume?.nextPage === null) {
    // The walk is over: the rows it did not show, newest first, so that what is left is older.
    const left = refresher.byId(newestFirst(rest, stampOf));
    return { left, cursor: { ...resume, ...stoppedAt(left, [], stampOf), at: list.now() } };
  }
  return walkForRows(refresher, list, rest, stampOf, resume);
}

/**
 * One walk from the newest end of the list until every row is seen (or the list is older than the
 * oldest row). Rows it went past without seeing them (deleted there, or moved past by a deletion)
 * are looked up by ID; when the execution ends first, the cursor says where the walk goes on.
 */
function walkForRows(
  refresher: Refresher,
  list: OfferList,
  rows: readonly OfferRow[],
  stampOf: StampOf,
  resume: ListCursor | null,
): PassStep {
  const byId = new Map(rows.map((r) => [r.offerId, r]));
  let seen = 0;
  const oldest = { ms: Number.POSITIVE_INFINITY, iso: "" };
  const pagesBefore = list.pagesRead;
  const pageBudget = resume ? resume.pagesLeft : rows.length;
  const walk = list.walkNewest({
    sinceMs: Math.min(...rows.map((r) => earliest(stampOf(r) ?? ""))),
    expected: rows.length,
    left: () => rows.length - seen,
    certain: false,
    maxPages: pageBudget,
    ...(resume?.nextPage ? { from: resume.nextPage } : {}),
    onOffer: (offer) => {
      const row = byId.get(offer.id);
      if (row && !refresher.seen.has(row.offerId)) {
        refresher.apply(row, offer);
        seen++;
      }
      const at = instantOf(offer.createdAt);
      if (at && at.ms < oldest.ms) {
        oldest.ms = at.ms;
        oldest.iso = offer.createdAt;
      }
    },
    done: () => seen === rows.length,
  });
  refresher.flush();
  const unseen = newestFirst(
    rows.filter((r) => !refresher.seen.has(r.offerId)),
    stampOf,
  );
  const shape = list.shapeNow();
  const order = shape?.order ?? "unknown";
  const perPage = shape?.perPage ?? 0;
  const pagesLeft = Math.max(0, pageBudget - (list.pagesRead - pagesBefore));
  const goesOn = !walk.complete && walk.nextPage !== undefined && shape !== null && pagesLeft > 0;
  if (!goesOn) {
    // The walk is over (or cannot go on): what it did not show is looked up by ID.
    const left = refresher.byId(unseen);
    const end = { purpose: "refresh", order, perPage, nextPage: null, pagesLeft: 0 } as const;
    return { left, cursor: { ...end, ...stoppedAt(left, [], stampOf), at: list.now() } };
  }
  // Rows newer than the oldest offer seen should have been seen (in a list of known order).
  const passedAt =
    oldest.iso === "" || order === "unknown" ? null : createdStamp(refresher.stamp(oldest.iso));
  const passed = passedAt === null ? [] : unseen.filter((r) => (stampOf(r) ?? "") > passedAt);
  const notReached = unseen.filter((r) => !passed.includes(r));
  const passedLeft = refresher.byId(passed);
  return {
    left: [...passedLeft, ...notReached],
    cursor: {
      purpose: "refresh",
      order,
      perPage,
      nextPage: walk.nextPage ?? null,
      pagesLeft,
      ...stoppedAt(notReached, passedLeft, stampOf),
      at: list.now(),
    },
  };
}

export function refreshOutcome(ctx: RunContext, result: RefreshResult | { stopped: string }): RunOutcome {
  if ("stopped" in result) return stopped(result.stopped);
  if (result.unauthorized)
    return {
      ...stopped(sentences(result.keyRefused ?? texts().keyRefused(), result.message)),
      keyRefused: true,
    };
  return {
    counts: { created: 0, failed: 0, invalid: 0, skipped: 0, pending: result.left },
    message: result.message,
    progress: result.progress,
    ...(result.quotaUsed ? { quotaUsed: true } : {}),
    ...(result.moreWork ? { continueAt: ctx.clock.now() } : {}),
  };
}
