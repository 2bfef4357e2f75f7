// Refreshing rows from what MijnKlantportaal shows: the row's new values (amount, accepted,
// rejected, status) from an offer seen in the list or fetched by ID, a 404 written as "deleted
// there", and the counts of a refresh run.

import { shownText } from "../core/cells";
import type { OfferRow } from "../core/offer-types";
import { refreshValues } from "../core/refresh";
import { asCustomerOffer, type CreatedOffer, parseJson } from "../core/responses";
import { cellAt } from "../core/table";
import { texts } from "../core/texts";
import type { RowUpdate } from "../core/write-back";
import type { ApiSession } from "./api-session";
import { type OffersBook, writeOfferUpdates } from "./offers-book";

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
  /** Google's daily UrlFetch quota ended the refresh. */
  quotaUsed?: boolean;
  progress: boolean;
}

export const emptyResult = (): RefreshResult => ({
  refreshed: 0,
  unchanged: 0,
  deleted: 0,
  left: 0,
  message: "",
  moreWork: false,
  unauthorized: false,
  progress: true,
});

export class Refresher {
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
    const message = texts().deletedThere();
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
