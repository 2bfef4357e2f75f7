// The create and validate use cases: read both sheets once, validate, mark, send, write back.

import type { LineRow } from "../core/offer-types";
import { orphanLines } from "../core/parse-offers";
import { planRun, type RunCounts } from "../core/plan-run";
import type { RowUpdate } from "../core/write-back";
import { ApiClient } from "../shell/http";
import { getApiKey, getBaseUrl } from "../shell/settings";
import { writeColumn } from "../shell/sheets";
import type { RunContext } from "./context";
import { type OffersBook, openOffersBook, selectedOfferRows, writeOfferUpdates } from "./offers-book";
import type { RunOutcome } from "./run-action";
import { sendOffers } from "./send-offers";

const NO_KEY = "No MijnKlantportaal API key is set for you. Use MijnKlantportaal › Set API key… first.";
const KEY_REFUSED =
  "MijnKlantportaal refused the API key (it may be wrong, revoked, or lack the offers.write permission). The run stopped; no offer was marked failed. Use MijnKlantportaal › Set API key… to enter it again.";

function stopped(message: string, counts?: RunCounts): RunOutcome {
  return {
    counts: counts ?? { created: 0, failed: 0, invalid: 0, skipped: 0, pending: 0 },
    message,
    stopped: true,
  };
}

/** Messages for the lines' own Message column: orphans and line problems; "" clears old ones. */
function lineMessages(book: OffersBook): { texts: string[]; orphans: LineRow[] } | null {
  const column = book.linesSheet.columns.message;
  const orphans = orphanLines(book.offers, book.lines);
  if (column === undefined) return { texts: [], orphans };
  const byRow = new Map<number, string>();
  for (const rows of book.lines.byOffer.values())
    for (const l of rows) byRow.set(l.sheetRow, l.problems.join("; "));
  for (const l of orphans) {
    byRow.set(
      l.sheetRow,
      l.offerNumber === "" ? "Offer number: missing" : `No row in Offers has offer number ${l.offerNumber}`,
    );
  }
  const rows = book.linesSheet.table.rows;
  const texts = rows.map((_, i) => byRow.get(i + 2) ?? "");
  const current = rows.map((r) => String(r[column]?.display ?? ""));
  if (texts.every((t, i) => t === current[i])) return { texts: [], orphans };
  return { texts, orphans };
}

function summarize(counts: RunCounts): string {
  const parts = [`${counts.created} created`];
  if (counts.failed) parts.push(`${counts.failed} refused by MijnKlantportaal`);
  if (counts.invalid) parts.push(`${counts.invalid} with mistakes to fix (see Message)`);
  if (counts.pending) parts.push(`${counts.pending} still pending`);
  if (counts.skipped) parts.push(`${counts.skipped} skipped`);
  return parts.join(", ");
}

function orphanNote(orphans: readonly LineRow[]): string {
  if (orphans.length === 0) return "";
  const rows = orphans.slice(0, 10).map((l) => l.sheetRow);
  const more = orphans.length > 10 ? ` and ${orphans.length - 10} more` : "";
  return ` ${orphans.length} row(s) of Offer lines match no offer (rows ${rows.join(", ")}${more}).`;
}

export function createOffers(ctx: RunContext, selectedOnly: boolean): RunOutcome {
  const apiKey = getApiKey();
  if (apiKey === null) return stopped(NO_KEY);
  const base = getBaseUrl();
  if (!base.ok) return stopped(base.problem);
  const opened = openOffersBook(ctx.ss);
  if (!opened.ok) return stopped(opened.problem);
  const book = opened.book;
  let selected: Set<number> | null = null;
  if (selectedOnly) {
    selected = selectedOfferRows(ctx.ss);
    if (selected === null || selected.size === 0) {
      return stopped(
        "Select the rows of the offers to create in the sheet Offers, then choose this menu item again.",
      );
    }
  }
  const plan = planRun(book.offers, selected, false);
  const lines = lineMessages(book);
  if (lines && lines.texts.length > 0 && book.linesSheet.columns.message !== undefined) {
    writeColumn(book.linesSheet.sheet, book.linesSheet.columns.message, lines.texts);
  }
  const counts = plan.counts;
  // Rows found `sending` are left alone here: they are looked up before they may be sent again.
  counts.pending += plan.toReconcile.length;
  if (plan.toSend.length > 0 && ctx.startedBy === "menu") {
    ctx.notifier.progress(`Creating ${plan.toSend.length} offer(s) in MijnKlantportaal…`);
  }
  const tz = book.timeZone;
  const result = sendOffers(
    {
      ctx,
      client: new ApiClient(base.url, apiKey),
      formatTimestamp: (iso) => {
        const ms = Date.parse(iso);
        return Number.isNaN(ms) ? iso : Utilities.formatDate(new Date(ms), tz, "yyyy-MM-dd HH:mm:ss");
      },
      write: (updates: RowUpdate[], fresh: boolean) => writeOfferUpdates(book, updates, fresh),
      flush: () => SpreadsheetApp.flush(),
    },
    plan.toSend,
    plan.updates,
  );
  for (const k of Object.keys(counts) as (keyof RunCounts)[]) counts[k] += result.counts[k];
  let message = summarize(counts);
  if (result.lost.length > 0) {
    const ids = result.lost.map((u) => `${u.key}${u.values.offerId ? ` → ${u.values.offerId}` : ""}`);
    message += `. Rows deleted or duplicated during the run, results not written: ${ids.join(", ")}`;
  }
  message += orphanNote(lines?.orphans ?? []);
  if (result.unauthorized) return stopped(`${KEY_REFUSED} (${message})`, counts);
  if (result.quotaExhausted) {
    return {
      counts,
      message: `${message}. Google's daily UrlFetch quota is used up; the rest waits for tomorrow.`,
    };
  }
  if (result.leftForLater > 0) message += `. ${result.leftForLater} offer(s) wait for the next run.`;
  return { counts, message };
}

export function validateOffers(ctx: RunContext): RunOutcome {
  const opened = openOffersBook(ctx.ss);
  if (!opened.ok) return stopped(opened.problem);
  const book = opened.book;
  const plan = planRun(book.offers, null, true);
  const lines = lineMessages(book);
  if (lines && lines.texts.length > 0 && book.linesSheet.columns.message !== undefined) {
    writeColumn(book.linesSheet.sheet, book.linesSheet.columns.message, lines.texts);
  }
  const lost = writeOfferUpdates(book, plan.updates, true);
  const c = plan.counts;
  let message = `${c.pending} offer(s) ready to send, ${c.invalid} with mistakes to fix (see Message), ${c.skipped} skipped. Nothing was sent.`;
  if (lost.length > 0) message += ` ${lost.length} row(s) could not be marked.`;
  message += orphanNote(lines?.orphans ?? []);
  return { counts: c, message };
}
