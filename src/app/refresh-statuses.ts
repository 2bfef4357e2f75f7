// Refreshes created offers from MijnKlantportaal (amount, accepted/rejected, status), by ID or by
// paging through the list — whichever needs fewer requests — sharing the rate budget, written back
// per round trip, and resuming in the next execution when the sheet is too large for one.

import { shownText } from "../core/cells";
import type { OfferRow } from "../core/offer-types";
import { parseListPage } from "../core/reconcile";
import { chooseStrategy, refreshValues, type Strategy } from "../core/refresh";
import { asCustomerOffer, type CreatedOffer, parseJson } from "../core/responses";
import { cellAt } from "../core/table";
import type { RowUpdate } from "../core/write-back";
import { ApiClient } from "../shell/http";
import { getApiKey, getBaseUrl } from "../shell/settings";
import { documentStore } from "../shell/store";
import { ApiSession } from "./api-session";
import type { RunContext } from "./context";
import { type OffersBook, openOffersBook, writeOfferUpdates } from "./offers-book";

const CURSOR_KEY = "MKP_REFRESH_CURSOR";
const PAGES_KEY = "MKP_LIST_PAGES";
const PAGES_PER_ROUND_TRIP = 20;
const DELETED = "Not found in MijnKlantportaal: the offer seems to have been deleted there.";

interface Cursor {
  readonly strategy: Strategy;
  /** by-id: rows above this sheet row are done in this pass (a property holds 9 KB: no ID list). */
  readonly nextRow?: number;
  /** list: the next page. */
  readonly nextPage?: number;
}

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

class Refresher {
  private readonly updates: RowUpdate[] = [];
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
    private readonly formatTimestamp: (iso: string) => string,
  ) {}

  apply(row: OfferRow, offer: CreatedOffer): void {
    const cells = this.book.offersSheet.table.rows[row.sheetRow - 2] ?? [];
    const columns = this.book.offersSheet.columns;
    const current = {
      amount: shownText(cellAt(cells, columns, "amount")),
      acceptedAt: shownText(cellAt(cells, columns, "acceptedAt")),
      rejectedAt: shownText(cellAt(cells, columns, "rejectedAt")),
    };
    const values = refreshValues(row, current, offer, this.formatTimestamp, this.todayYmd);
    if (values === null) {
      this.result.unchanged++;
      return;
    }
    this.result.refreshed++;
    this.updates.push({ key: row.key, sheetRow: row.sheetRow, values });
  }

  deleted(row: OfferRow): void {
    this.result.deleted++;
    if (row.message !== DELETED)
      this.updates.push({ key: row.key, sheetRow: row.sheetRow, values: { message: DELETED } });
  }

  flush(): void {
    writeOfferUpdates(this.book, this.updates.splice(0));
  }

  /** GET each offer by ID; returns the rows not done (out of time or budget). */
  byId(rows: readonly OfferRow[]): OfferRow[] {
    let queue = [...rows];
    let failures = 0;
    while (queue.length > 0 && this.session.canContinue() && failures < 3) {
      if (this.session.room() === 0 && !this.session.waitForRoom()) break;
      const batch = queue.slice(0, this.session.room());
      const exchanges = this.session.send(
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
      if (retry.length > 0 && !this.session.waitUntil(this.session.ctx.now() + 2000 * failures)) break;
    }
    return queue;
  }

  /** Pages through the list from `page`; returns how far it got and whether it reached the end. */
  list(
    rows: readonly OfferRow[],
    page: number,
    maxPages: number,
    knownPages: number | null,
  ): { nextPage: number; complete: boolean; seen: Set<string> } {
    let expected = knownPages === null ? null : knownPages - page + 1;
    const byId = new Map(rows.map((r) => [r.offerId, r]));
    const seen = new Set<string>();
    let complete = false;
    let fetched = 0;
    let failures = 0;
    while (!complete && fetched < maxPages && failures < 3 && this.session.canContinue()) {
      if (this.session.room() === 0 && !this.session.waitForRoom()) break;
      // The list's end is unknown: ask for as many pages as must exist at least (all our rows at
      // the page size the server uses), then for a few more at a time.
      const wanted =
        fetched === 0 && expected === null
          ? 1
          : fetched < (expected ?? 0)
            ? (expected ?? 0) - fetched
            : Math.max(2, Math.ceil(fetched / 4));
      const count = Math.min(this.session.room(), PAGES_PER_ROUND_TRIP, maxPages - fetched, wanted);
      const exchanges = this.session.send(
        Array.from({ length: count }, (_, i) => ({
          method: "get" as const,
          path: this.session.listPath(page + i),
        })),
      );
      let advanced = 0;
      for (const e of exchanges) {
        // Refused per_page: the same pages are asked for again without it in the next round.
        if (this.session.refusesPerPage(e)) break;
        const list = e.kind === "response" && e.status === 200 ? parseListPage(e.body) : null;
        if (list === null) break;
        expected ??= Math.ceil(rows.length / Math.max(1, list.perPage ?? list.offers.length));
        for (const offer of list.offers) {
          const row = byId.get(offer.id);
          if (row && !seen.has(offer.id)) {
            seen.add(offer.id);
            this.apply(row, offer);
          }
        }
        advanced++;
        if (!list.hasNext) {
          complete = true;
          break;
        }
      }
      page += advanced;
      fetched += advanced;
      this.flush();
      if (advanced < count && !complete) {
        failures++;
        if (!this.session.waitUntil(this.session.ctx.now() + 2000 * failures)) break;
      }
    }
    return { nextPage: page, complete, seen };
  }
}

export function refreshStatuses(ctx: RunContext): RefreshResult | { stopped: string } {
  const apiKey = getApiKey();
  if (apiKey === null)
    return {
      stopped: "No MijnKlantportaal API key is set for you. Use MijnKlantportaal › Set API key… first.",
    };
  const base = getBaseUrl();
  if (!base.ok) return { stopped: base.problem };
  const opened = openOffersBook(ctx.ss);
  if (!opened.ok) return { stopped: opened.problem };
  const book = opened.book;
  // A row the user marked skip (or with a status we do not know) is left alone.
  const rows = book.offers.filter(
    (r) => r.offerId.startsWith("off_") && !["sending", "skip", "unknown", "failed"].includes(r.status),
  );
  const props = documentStore();
  if (rows.length === 0) {
    props.remove(CURSOR_KEY);
    return {
      refreshed: 0,
      unchanged: 0,
      deleted: 0,
      left: 0,
      message: "No created offers to refresh.",
      moreWork: false,
      unauthorized: false,
      progress: true,
    };
  }
  const session = new ApiSession(ctx, new ApiClient(base.url, apiKey));
  const today = book.time.today(ctx.now());
  const formatTimestamp = book.time.timestamp;
  const refresher = new Refresher(book, session, today, formatTimestamp);
  const cursorJson = parseJson(props.get(CURSOR_KEY) ?? "") as Cursor | null;
  const knownPages = Number(props.get(PAGES_KEY) ?? Number.NaN);
  const strategy: Strategy =
    cursorJson?.strategy ?? chooseStrategy(rows.length, Number.isFinite(knownPages) ? knownPages : null);
  let left: OfferRow[] = [];
  let cursor: Cursor | null = null;

  const byIdFrom = (todo: OfferRow[]): void => {
    left = refresher.byId(todo);
    const first = left[0];
    if (first) cursor = { strategy: "by-id", nextRow: first.sheetRow };
  };
  if (strategy === "by-id") {
    const from = cursorJson?.strategy === "by-id" ? (cursorJson.nextRow ?? 0) : 0;
    byIdFrom(rows.filter((r) => r.sheetRow >= from));
  } else {
    const startAt = cursorJson?.strategy === "list" ? (cursorJson.nextPage ?? 1) : 1;
    // Before the list's length is known, stop paging when it costs more than looking rows up.
    const maxPages = Number.isFinite(knownPages) ? knownPages + 5 : Math.max(2, Math.ceil(rows.length / 2));
    const pass = refresher.list(rows, startAt, maxPages, Number.isFinite(knownPages) ? knownPages : null);
    const unseen = rows.filter((r) => !pass.seen.has(r.offerId));
    if (pass.complete) {
      props.set(PAGES_KEY, String(pass.nextPage - 1));
      // Rows a whole pass did not show are looked up one by one (a 404 means deleted). After a
      // resumed pass, rows on the pages read before were updated then.
      byIdFrom(startAt === 1 ? unseen : []);
    } else if (pass.nextPage - startAt >= maxPages) {
      byIdFrom(unseen);
    } else {
      left = unseen;
      cursor = { strategy, nextPage: pass.nextPage };
    }
  }
  session.save();
  if (cursor && !session.unauthorized) props.set(CURSOR_KEY, JSON.stringify(cursor));
  else props.remove(CURSOR_KEY);

  const r = refresher.result;
  r.left = left.length;
  r.unauthorized = session.unauthorized;
  r.progress = session.requests === 0 || session.answered > 0;
  r.moreWork = left.length > 0 && !session.unauthorized && !session.quotaExhausted;
  const parts = [`${r.refreshed} offer(s) updated`, `${r.unchanged} unchanged`];
  if (r.deleted) parts.push(`${r.deleted} no longer in MijnKlantportaal`);
  if (r.left) parts.push(`${r.left} still to check${r.moreWork ? " (continues automatically)" : ""}`);
  r.message = `Statuses: ${parts.join(", ")} (looked up ${strategy === "list" ? "through the offer list" : "one by one"}, ${session.requests} request(s)).`;
  return r;
}
