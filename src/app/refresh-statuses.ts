// Refreshes created offers from MijnKlantportaal (amount, accepted/rejected, status): one walk from
// the newest end of the list until every row is seen (a sheet of this year's offers sits at that
// end), then a GET by ID for rows the walk did not show (a 404 means deleted there). A walk that
// does not fit in one execution resumes where it stopped; a finished pass leaves no cursor.

import { shownText } from "../core/cells";
import { instantOf, UNZONED_MARGIN_MS } from "../core/offer-list";
import type { OfferRow } from "../core/offer-types";
import type { RunContext } from "../core/ports";
import { createdStamp, refreshValues, rowsToDo, SMALL_REFRESH, stoppedAt } from "../core/refresh";
import { asCustomerOffer, type CreatedOffer, parseJson } from "../core/responses";
import {
  clearState,
  LIST_CURSOR,
  LIST_SHAPE,
  type ListCursor,
  loadState,
  saveState,
} from "../core/state-keys";
import { cellAt } from "../core/table";
import { TEXTS } from "../core/texts";
import type { RowUpdate } from "../core/write-back";
import { ApiSession } from "./api-session";
import { OfferList } from "./offer-list";
import { type OffersBook, openOffersBook, writeOfferUpdates } from "./offers-book";
import { type RunOutcome, stopped } from "./run-outcome";
import { apiAccess } from "./settings";

export interface RefreshResult {
  refreshed: number;
  unchanged: number;
  deleted: number;
  left: number;
  message: string;
  moreWork: boolean;
  unauthorized: boolean;
  progress: boolean;
}

const emptyResult = (): RefreshResult => ({
  refreshed: 0,
  unchanged: 0,
  deleted: 0,
  left: 0,
  message: "",
  moreWork: false,
  unauthorized: false,
  progress: true,
});

class Refresher {
  private readonly updates: RowUpdate[] = [];
  readonly seen = new Set<string>();
  readonly result = emptyResult();

  constructor(
    private readonly book: OffersBook,
    private readonly session: ApiSession,
    private readonly todayYmd: string,
  ) {}

  apply(row: OfferRow, offer: CreatedOffer): void {
    if (this.seen.has(row.offerId)) return;
    this.seen.add(row.offerId);
    const cells = this.book.offersSheet.table.rows[row.sheetRow - 2] ?? [];
    const columns = this.book.offersSheet.columns;
    const current = {
      amount: shownText(cellAt(cells, columns, "amount")),
      acceptedAt: shownText(cellAt(cells, columns, "acceptedAt")),
      rejectedAt: shownText(cellAt(cells, columns, "rejectedAt")),
    };
    const values = refreshValues(row, current, offer, this.book.time.timestamp, this.todayYmd);
    if (values === null) {
      this.result.unchanged++;
      return;
    }
    this.result.refreshed++;
    this.updates.push({ key: row.key, sheetRow: row.sheetRow, values, ...(row.ref ? { ref: row.ref } : {}) });
  }

  deleted(row: OfferRow): void {
    this.seen.add(row.offerId);
    this.result.deleted++;
    const message = TEXTS.deletedThere();
    if (row.message !== message)
      this.updates.push({
        key: row.key,
        sheetRow: row.sheetRow,
        values: { message },
        ...(row.ref ? { ref: row.ref } : {}),
      });
  }

  /** An API timestamp as the sheet shows it (comparable with the rows' Created at stamps). */
  stamp(iso: string): string {
    return this.book.time.timestamp(iso);
  }

  flush(): void {
    writeOfferUpdates(this.book, this.updates.splice(0));
  }

  /** GET each offer by ID; returns the rows not done (out of time or budget). */
  byId(rows: readonly OfferRow[]): OfferRow[] {
    let queue = [...rows];
    let failures = 0;
    const s = this.session;
    while (queue.length > 0 && s.canContinue() && failures < 3) {
      if (s.room() === 0 && !s.waitForRoom()) break;
      const batch = queue.slice(0, s.room());
      const exchanges = s.send(
        batch.map((r) => ({
          method: "get" as const,
          path: `/customer-offers/${encodeURIComponent(r.offerId)}`,
        })),
      );
      const retry: OfferRow[] = [];
      batch.forEach((row, i) => {
        const e = exchanges[i];
        const offer = e?.kind === "response" && e.status === 200 ? asCustomerOffer(parseJson(e.body)) : null;
        if (offer) this.apply(row, offer);
        else if (e?.kind === "response" && (e.status === 404 || e.status === 410)) this.deleted(row);
        else retry.push(row);
      });
      if (retry.length > 0) failures++;
      queue = [...retry, ...queue.slice(batch.length)];
      this.flush();
      if (retry.length > 0 && !s.waitUntil(s.now() + 2000 * failures)) break;
    }
    return queue;
  }
}

/** A pass resumed later than this starts over: rows it did might have changed since. */
const CURSOR_MAX_AGE_MS = 20 * 60_000;
/** The walk stops this long before the oldest row's creation (its Created at is read as UTC ± a margin). */
const SINCE_MARGIN_MS = UNZONED_MARGIN_MS + 3_600_000;

/** The rows' Created at stamps; rows without one count as the oldest when there are too many to look up. */
function stamper(book: OffersBook, rows: readonly OfferRow[]): (row: OfferRow) => string | null {
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

export function refreshStatuses(ctx: RunContext): RefreshResult | { stopped: string } {
  const access = apiAccess(ctx.stores);
  if (!access.ok) return { stopped: access.problem };
  const opened = openOffersBook(ctx.workbook);
  if (!opened.ok) return { stopped: opened.problem };
  const book = opened.book;
  // A row the user marked skip (or with a status we do not know) is left alone.
  const rows = book.offers.filter(
    (r) =>
      r.offerId.startsWith("off_") && !["sending", "skip", "unknown", "failed", "warning"].includes(r.status),
  );
  if (rows.length === 0) {
    clearState(ctx.stores, LIST_CURSOR);
    return { ...emptyResult(), message: TEXTS.nothingToRefresh() };
  }
  const session = new ApiSession(ctx, access.url, access.key);
  const refresher = new Refresher(book, session, book.time.today(ctx.clock.now()));
  const list = new OfferList(session);
  const stampOf = stamper(book, rows);
  const saved = loadState(ctx.stores, LIST_CURSOR);
  const resume =
    saved !== null &&
    ctx.clock.now() - saved.at <= CURSOR_MAX_AGE_MS &&
    (saved.nextPage === null || list.pagesMean(saved.order, saved.perPage))
      ? saved
      : null;
  const todo = rowsToDo(rows, stampOf, resume);
  const placed = todo.filter((r) => stampOf(r) !== null);
  let left: OfferRow[];
  let cursor: ListCursor | null = null;
  if (resume?.nextPage === null) {
    left = refresher.byId(todo);
    if (left.length > 0) cursor = { ...resume, ...stoppedAt(left, stampOf), at: ctx.clock.now() };
  } else if (!resume && todo.length < SMALL_REFRESH && loadState(ctx.stores, LIST_SHAPE) === null) {
    left = refresher.byId(todo);
  } else {
    // Rows that cannot be placed in the list (no Created at) are few: looked up first.
    left = resume ? [] : refresher.byId(todo.filter((r) => stampOf(r) === null));
    if (left.length > 0) left.push(...placed);
    else if (placed.length > 0) {
      const walked = walkForRows(refresher, list, placed, stampOf, resume);
      left = walked.left;
      cursor = walked.cursor;
    }
  }
  if (cursor !== null && left.length > 0 && !session.unauthorized) saveState(ctx.stores, LIST_CURSOR, cursor);
  else clearState(ctx.stores, LIST_CURSOR);
  session.save();

  const r = refresher.result;
  r.left = left.length;
  r.unauthorized = session.unauthorized;
  r.progress = session.requests === 0 || session.answered > 0;
  r.moreWork = left.length > 0 && !session.unauthorized && !session.quotaExhausted;
  r.message = TEXTS.refreshSummary({ ...r, more: r.moreWork, requests: session.requests });
  return r;
}

/**
 * One walk from the newest end of the list until every row is seen (or the list is older than the
 * oldest row). Rows the walk went past without seeing them (deleted there) are looked up by ID;
 * when the execution ends first, the cursor says where the walk goes on and which rows are done.
 */
function walkForRows(
  refresher: Refresher,
  list: OfferList,
  rows: readonly OfferRow[],
  stampOf: (row: OfferRow) => string | null,
  resume: ListCursor | null,
): { left: OfferRow[]; cursor: ListCursor | null } {
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
  const unseen = rows.filter((r) => !refresher.seen.has(r.offerId));
  const shape = list.shapeNow();
  const goesOn = !walk.complete && walk.nextPage !== undefined && shape !== null && shape.order !== "unknown";
  const pagesLeft = Math.max(0, pageBudget - (list.pagesRead - pagesBefore));
  if (!goesOn || pagesLeft === 0) {
    // The walk is over (or cannot go on): what it did not show is looked up by ID.
    const left = refresher.byId(unseen);
    const order = shape?.order === "desc" ? "desc" : "asc";
    const cursor = {
      purpose: "refresh",
      order,
      perPage: shape?.perPage ?? 0,
      nextPage: null,
      pagesLeft: 0,
    } as const;
    return { left, cursor: { ...cursor, ...stoppedAt(left, stampOf), at: list.now() } };
  }
  // Rows newer than the oldest offer seen should have been seen: deleted there, or moved past us.
  const passedAt = oldest.iso === "" ? null : createdStamp(refresher.stamp(oldest.iso));
  const passed = passedAt === null ? [] : unseen.filter((r) => (stampOf(r) ?? "") > passedAt);
  const notPassed = unseen.filter((r) => !passed.includes(r));
  const left = [...refresher.byId(passed), ...notPassed];
  return {
    left,
    cursor: {
      purpose: "refresh",
      order: shape.order === "desc" ? "desc" : "asc",
      perPage: shape.perPage,
      nextPage: walk.nextPage ?? null,
      pagesLeft,
      ...stoppedAt(left, stampOf),
      at: list.now(),
    },
  };
}

export function refreshOutcome(ctx: RunContext, result: RefreshResult | { stopped: string }): RunOutcome {
  if ("stopped" in result) return stopped(result.stopped);
  if (result.unauthorized) return stopped(`${TEXTS.keyRefused()} ${result.message}`);
  return {
    counts: { created: 0, failed: 0, invalid: 0, skipped: 0, pending: result.left },
    message: result.message,
    progress: result.progress,
    ...(result.moreWork ? { continueAt: ctx.clock.now() } : {}),
  };
}
