// Refreshes created offers from MijnKlantportaal (amount, accepted/rejected, status): one walk from
// the newest end of the list until every row is seen (a sheet of this year's offers sits at that
// end), then a GET by ID for rows the walk did not show (a 404 means deleted there). A walk that
// does not fit in one execution resumes where it stopped; a finished pass leaves no cursor.

import { shownText } from "../core/cells";
import { instantOf, UNZONED_MARGIN_MS } from "../core/offer-list";
import type { OfferRow } from "../core/offer-types";
import type { RunContext } from "../core/ports";
import { refreshValues, SMALL_REFRESH } from "../core/refresh";
import { asCustomerOffer, type CreatedOffer, parseJson } from "../core/responses";
import { clearState, LIST_CURSOR, LIST_SHAPE, loadState, saveState } from "../core/state-keys";
import { cellAt } from "../core/table";
import { sentences, texts } from "../core/texts";
import type { RowUpdate } from "../core/write-back";
import { ApiSession, keyRefusedText } from "./api-session";
import { OfferList } from "./offer-list";
import { type OffersBook, openOffersBook, writeOfferUpdates } from "./offers-book";
import { type RunOutcome, stopped } from "./run-outcome";
import { apiAccess } from "./settings";

const DAY_MS = 86_400_000;

export interface RefreshResult {
  refreshed: number;
  unchanged: number;
  deleted: number;
  left: number;
  message: string;
  moreWork: boolean;
  unauthorized: boolean;
  /** Why the key was refused, when it was (a 403 names the permission it lacks). */
  keyRefused?: string;
  progress: boolean;
}

class Refresher {
  private readonly updates: RowUpdate[] = [];
  readonly seen = new Set<string>();
  readonly result: RefreshResult = {
    refreshed: 0,
    unchanged: 0,
    deleted: 0,
    left: 0,
    message: "",
    moreWork: false,
    unauthorized: false,
    progress: true,
  };

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
    const message = texts().deletedThere();
    if (row.message !== message)
      this.updates.push({
        key: row.key,
        sheetRow: row.sheetRow,
        values: { message },
        ...(row.ref ? { ref: row.ref } : {}),
      });
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

/** When the row's offer was created, from its Created at cell (shown in the sheet's zone: ± a margin). */
function createdAtOf(book: OffersBook, row: OfferRow): number | null {
  const cells = book.offersSheet.table.rows[row.sheetRow - 2] ?? [];
  const at = instantOf(shownText(cellAt(cells, book.offersSheet.columns, "createdAt")));
  return at === null ? null : at.ms - UNZONED_MARGIN_MS;
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
  const session = new ApiSession(ctx, access.url, access.key);
  const refresher = new Refresher(book, session, book.time.today(ctx.clock.now()));
  const cursor = loadState(ctx.stores, LIST_CURSOR);
  const resume = cursor?.purpose === "refresh" ? cursor : null;
  let left: OfferRow[] = [];
  let nextPage: number | undefined;
  if (rows.length === 0) {
    clearState(ctx.stores, LIST_CURSOR);
    return { ...refresher.result, message: texts().nothingToRefresh() };
  }
  // Rows created before the resumed walk's boundary were seen in the earlier execution(s).
  const boundary = resume ? Number(resume.lastId) || 0 : 0;
  const todo = resume ? rows.filter((r) => (createdAtOf(book, r) ?? 0) < boundary) : rows;
  const since = Math.min(...todo.map((r) => createdAtOf(book, r) ?? 0)) - DAY_MS;
  if (todo.length < SMALL_REFRESH && loadState(ctx.stores, LIST_SHAPE) === null && !resume) {
    left = refresher.byId(todo);
  } else {
    const byId = new Map(todo.map((r) => [r.offerId, r]));
    let oldestSeen = Number.POSITIVE_INFINITY;
    const list = new OfferList(session);
    const walk = list.walkNewest({
      sinceMs: since,
      expected: todo.length,
      certain: false,
      // Never more pages than rows: looking each row up is the upper bound of what a pass costs.
      maxPages: todo.length,
      ...(resume ? { from: resume.nextPage } : {}),
      onOffer: (offer) => {
        const row = byId.get(offer.id);
        if (row) refresher.apply(row, offer);
        const at = instantOf(offer.createdAt);
        if (at) oldestSeen = Math.min(oldestSeen, at.ms);
      },
      done: () => todo.every((r) => refresher.seen.has(r.offerId)),
    });
    refresher.flush();
    const unseen = todo.filter((r) => !refresher.seen.has(r.offerId));
    if (walk.complete || walk.nextPage === undefined || !session.canContinue()) {
      left = walk.complete || walk.nextPage === undefined ? refresher.byId(unseen) : unseen;
      nextPage = walk.complete || walk.nextPage === undefined ? undefined : walk.nextPage;
    } else {
      left = refresher.byId(unseen);
    }
    if (nextPage !== undefined && left.length > 0) {
      saveState(ctx.stores, LIST_CURSOR, {
        purpose: "refresh",
        nextPage,
        perPage: 0,
        lastId: String(Number.isFinite(oldestSeen) ? oldestSeen : boundary),
        refs: [],
      });
    }
  }
  if (nextPage === undefined || left.length === 0 || session.unauthorized)
    clearState(ctx.stores, LIST_CURSOR);
  session.save();

  const r = refresher.result;
  r.left = left.length;
  r.unauthorized = session.unauthorized;
  if (session.unauthorized) r.keyRefused = keyRefusedText(session.keyRefusal);
  r.progress = session.requests === 0 || session.answered > 0;
  r.moreWork = left.length > 0 && !session.unauthorized && !session.quotaExhausted;
  r.message = texts().refreshSummary({ ...r, more: r.moreWork, requests: session.requests });
  return r;
}

export function refreshOutcome(ctx: RunContext, result: RefreshResult | { stopped: string }): RunOutcome {
  if ("stopped" in result) return stopped(result.stopped);
  if (result.unauthorized)
    return stopped(sentences(result.keyRefused ?? texts().keyRefused(), result.message));
  return {
    counts: { created: 0, failed: 0, invalid: 0, skipped: 0, pending: result.left },
    message: result.message,
    progress: result.progress,
    ...(result.moreWork ? { continueAt: ctx.clock.now() } : {}),
  };
}
