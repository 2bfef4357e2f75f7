// The create and validate use cases: read both sheets once, validate, mark, send, write back.

import type { LineRow } from "../core/offer-types";
import { DEFAULT_RETRY_POLICY, decideRetry } from "../core/pacing";
import { orphanLines } from "../core/parse-offers";
import {
  createdValues,
  emptyCounts,
  outcomeValues,
  planRun,
  type RunCounts,
  type SendItem,
} from "../core/plan-run";
import { customerNote, type ReconcileTarget } from "../core/reconcile";
import type { CreatedOffer } from "../core/responses";
import type { RowUpdate } from "../core/write-back";
import { ApiClient } from "../shell/http";
import { getApiKey, getBaseUrl } from "../shell/settings";
import { flushSheets, writeColumn } from "../shell/sheets";
import { ApiSession } from "./api-session";
import type { RunContext } from "./context";
import { type OffersBook, openOffersBook, selectedOfferRows, writeOfferUpdates } from "./offers-book";
import { forgetPassesFor, reconcile } from "./reconcile";
import type { RunOutcome } from "./run-action";
import { type RowWriter, type Sent, sendOffers } from "./send-offers";

const NO_KEY = "No MijnKlantportaal API key is set for you. Use MijnKlantportaal › Set API key… first.";
const KEY_REFUSED =
  "MijnKlantportaal refused the API key (it may be wrong, revoked, or lack the offers.write permission). The run stopped; no offer was marked failed. Use MijnKlantportaal › Set API key… to enter it again.";

function stopped(message: string, counts?: RunCounts): RunOutcome {
  return {
    counts: counts ?? emptyCounts(),
    message,
    stopped: true,
  };
}

/** Messages for the lines' own Message column: orphans and line problems; "" clears old ones. */
const OUR_LINE_MESSAGE =
  /^(No row in Offers has offer number |Offer number: missing|Description: |Amount excl\. VAT: |VAT rate: )/;

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
  const current = rows.map((r) => String(r[column]?.display ?? ""));
  // Our message where a line has a problem; elsewhere our old messages are cleared, and whatever
  // else the team keeps in a column of that name stays.
  const texts = current.map((text, i) => byRow.get(i + 2) || (OUR_LINE_MESSAGE.test(text) ? "" : text));
  if (texts.every((t, i) => t === current[i])) return { texts: [], orphans };
  return { texts, orphans };
}

/** The offers whose rows went missing during the run, by offer number, once each (with any ID). */
function lostNote(book: OffersBook, lost: readonly RowUpdate[]): string {
  const numberOf = new Map(book.offers.map((o) => [o.key, o.offerNumber || `row ${o.sheetRow}`]));
  const ids = new Map<string, string>();
  for (const u of lost) ids.set(u.key, u.values.offerId || ids.get(u.key) || "");
  const names = [...ids].map(([key, id]) => `${numberOf.get(key) ?? key}${id ? ` (${id})` : ""}`);
  return `Rows deleted or duplicated during the run, so their status could not be written: ${names.join(", ")}`;
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
  return `. ${orphans.length} row(s) of Offer lines match no offer (rows ${rows.join(", ")}${more})`;
}

/** The final state of each offer this run touched, by key: later events override earlier ones. */
class Tally {
  private readonly states = new Map<string, keyof RunCounts>();
  constructor(private readonly base: RunCounts) {}
  set(key: string, count: keyof RunCounts): void {
    this.states.set(key, count);
  }
  counts(): RunCounts {
    const c = { ...this.base };
    for (const state of this.states.values()) c[state]++;
    return c;
  }
}

const targetOf = (item: SendItem): ReconcileTarget => ({
  key: item.key,
  offerNumber: item.body.offerNumber,
  customerId: item.body.customerId,
});

/** How long an ambiguous request is given to appear in the list before it may be sent again. */
const SETTLE_UNANSWERED_MS = 60_000;
const SETTLE_FAILED_MS = 10_000;

const isAmbiguous = (s: Sent): boolean => s.outcome.kind === "transient" && s.outcome.ambiguous;

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
  const session = new ApiSession(ctx, new ApiClient(base.url, apiKey));
  const lost: RowUpdate[] = [];
  const writer: RowWriter = {
    write: (updates) => {
      const notPlaced = writeOfferUpdates(book, updates);
      lost.push(...notPlaced);
      return notPlaced;
    },
    flush: flushSheets,
  };
  // Marks found before anything is sent (invalid rows, repaired statuses, lookups) go out with the
  // first batch's `sending` marks, in the same write.
  const firstWrites: RowUpdate[] = [...plan.updates];
  const formatTimestamp = book.time.timestamp;
  /** A row whose offer was found in MijnKlantportaal: created, with a note if the customer differs. */
  const foundValues = (target: ReconcileTarget, offer: CreatedOffer) => ({
    ...createdValues(offer, formatTimestamp),
    message: customerNote(target, offer),
  });
  const tally = new Tally(plan.counts);
  const attempts = new Map<string, number>();
  let moreWork = false;

  // 1. Rows left `sending` by an earlier run: look them up before anything may be sent again.
  const toSend: SendItem[] = [];
  if (plan.toReconcile.length > 0) {
    const rows = plan.toReconcile;
    const targets = rows.map((r) => ({
      key: r.key,
      offerNumber: r.body?.offerNumber ?? r.offerNumber,
      customerId: r.body?.customerId ?? r.customerId,
    }));
    const rec = reconcile(session, targets);
    const updates: RowUpdate[] = [];
    rows.forEach((r, i) => {
      const offer = rec.found.get(r.key);
      const target = targets[i];
      if (offer && target) {
        updates.push({ key: r.key, sheetRow: r.sheetRow, values: foundValues(target, offer) });
        tally.set(r.key, "created");
      } else if (!rec.complete) {
        tally.set(r.key, "pending");
        moreWork = true;
      } else if (r.body) {
        // Not in MijnKlantportaal: the earlier request never arrived. Send it now.
        toSend.push({ key: r.key, sheetRow: r.sheetRow, offerNumber: r.offerNumber, body: r.body });
      } else {
        updates.push({
          key: r.key,
          sheetRow: r.sheetRow,
          values: { status: "invalid", message: r.problems.join("; ") },
        });
        tally.set(r.key, "invalid");
      }
    });
    firstWrites.push(...updates);
  }
  toSend.push(...plan.toSend);
  forgetPassesFor(toSend.map((item) => item.key));
  toSend.sort((a, b) => a.sheetRow - b.sheetRow);

  // 2. Send; 3. look up the ambiguous ones and send again those that did not arrive.
  if (toSend.length > 0 && ctx.startedBy === "menu") {
    ctx.notifier.progress(`Creating ${toSend.length} offer(s) in MijnKlantportaal…`);
  }
  const progress = (created: number, toGo: number): void => {
    if (ctx.startedBy === "menu") ctx.notifier.progress(`Sending offers… ${created} created, ${toGo} to go.`);
  };
  let round = sendOffers(session, writer, toSend, formatTimestamp, progress, firstWrites);
  for (;;) {
    for (const s of round.sent) {
      attempts.set(s.item.key, (attempts.get(s.item.key) ?? 0) + 1);
      tally.set(s.item.key, outcomeValues(s.outcome, formatTimestamp).count);
    }
    for (const item of [...round.unsent, ...round.gone]) tally.set(item.key, "pending");
    if (round.unsent.length > 0 && !session.unauthorized && !session.quotaExhausted) moreWork = true;
    if (session.quotaExhausted && round.unsent.length > 0) {
      // No retry loop against the daily quota: the rows wait, saying why.
      const message = "Not sent: today's Google UrlFetch quota is used up, will retry tomorrow";
      writer.write(
        round.unsent.map((i) => ({ key: i.key, sheetRow: i.sheetRow, values: { status: "", message } })),
      );
    }
    const ambiguous = round.sent.filter(isAmbiguous).map((s) => s.item);
    if (ambiguous.length === 0 || !session.canContinue()) {
      if (ambiguous.length > 0) moreWork = true;
      break;
    }
    // A server may still finish a request after we stopped waiting for it: give it time to show up
    // in the list before concluding that it is not there.
    const unanswered = round.sent.some((s) => s.outcome.kind === "transient" && s.outcome.noAnswer);
    if (!session.waitUntil(ctx.now() + (unanswered ? SETTLE_UNANSWERED_MS : SETTLE_FAILED_MS))) {
      moreWork = true;
      break;
    }
    const rec = reconcile(session, ambiguous.map(targetOf));
    const updates: RowUpdate[] = [];
    const again: SendItem[] = [];
    for (const item of ambiguous) {
      const offer = rec.found.get(item.key);
      if (offer) {
        updates.push({ key: item.key, sheetRow: item.sheetRow, values: foundValues(targetOf(item), offer) });
        tally.set(item.key, "created");
      } else if (rec.complete) {
        const message = "Not created: temporary errors at MijnKlantportaal, will retry";
        updates.push({ key: item.key, sheetRow: item.sheetRow, values: { status: "", message } });
        tally.set(item.key, "pending");
        if ((attempts.get(item.key) ?? 0) < DEFAULT_RETRY_POLICY.maxAttempts) again.push(item);
      } else {
        moreWork = true;
      }
    }
    writer.write(updates);
    if (again.length === 0) break;
    const wait = decideRetry(
      { kind: "transient" },
      attempts.get(again[0]?.key ?? "") ?? 1,
      DEFAULT_RETRY_POLICY,
      ctx.now(),
      session.deadline,
      ctx.random(),
    );
    if (!wait.retry || !session.waitUntil(ctx.now() + wait.afterMs)) break;
    round = sendOffers(session, writer, again, formatTimestamp, progress);
  }
  session.save();

  const counts = tally.counts();
  let message = summarize(counts);
  if (lost.length > 0) message += `. ${lostNote(book, lost)}`;
  message += orphanNote(lines?.orphans ?? []);
  if (session.unauthorized) return stopped(`${KEY_REFUSED} (${message})`, counts);
  if (session.quotaExhausted) {
    return {
      counts,
      message: `${message}. Google's daily UrlFetch quota is used up; the rest waits for tomorrow.`,
    };
  }
  if (moreWork && selectedOnly)
    message += ". Some offers are not done yet: choose the menu item again in a minute.";
  else if (moreWork) message += ". The rest continues automatically in a moment.";
  return {
    counts,
    message,
    progress: session.answered > 0,
    ...(moreWork && !selectedOnly ? { continueAt: session.nextWindowAt() } : {}),
  };
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
  const lost = writeOfferUpdates(book, plan.updates);
  const c = plan.counts;
  let message = `${c.pending} offer(s) ready to send, ${c.invalid} with mistakes to fix (see Message), ${c.skipped} skipped. Nothing was sent.`;
  if (lost.length > 0) message += ` ${lost.length} row(s) could not be marked.`;
  message += orphanNote(lines?.orphans ?? []);
  return { counts: c, message };
}
