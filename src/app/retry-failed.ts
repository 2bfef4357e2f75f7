// Retrying failed offers (CONTRACT §3 retryFailedOffers): says how many rows are `failed`, asks
// the user, then clears their Status and Message and creates them again in one create run.

import { pick } from "../core/language";
import type { RunContext } from "../core/ports";
import { PANEL_TEXTS } from "../core/texts-panel";
import type { RowUpdate } from "../core/write-back";
import { createOffers } from "./create-offers";
import { type OffersBook, openOffersBook, writeOfferUpdates } from "./offers-book";
import { runAction } from "./run-action";
import { type Told, told } from "./run-outcome";

/** Clears the failed rows (in the sheet, and in the book as read): they are pending again. */
export function clearFailed(book: OffersBook): { book: OffersBook; rows: Set<number> } {
  const failed = book.offers.filter((o) => o.status === "failed");
  const updates: RowUpdate[] = failed.map((o) => ({
    key: o.key,
    sheetRow: o.sheetRow,
    values: { status: "", message: "" },
    ...(o.ref ? { ref: o.ref } : {}),
  }));
  const gone = new Set(writeOfferUpdates(book, updates).map((u) => u.key));
  const cleared = new Set(failed.filter((o) => !gone.has(o.key)).map((o) => o.key));
  const offers = book.offers.map((o) =>
    cleared.has(o.key) ? { ...o, status: "pending" as const, statusText: "", message: "" } : o,
  );
  const rows = new Set(offers.filter((o) => cleared.has(o.key)).map((o) => o.sheetRow));
  return { book: { ...book, offers }, rows };
}

/** The whole action; returns what the user was told, and whether it stopped on a problem. */
export function retryFailedOffers(ctx: RunContext): Told {
  const t = pick(PANEL_TEXTS);
  // Counted before the lock is taken: the question may stay open for a while.
  const opened = openOffersBook(ctx.workbook);
  if (!opened.ok) {
    ctx.notifier.problem(opened.problem);
    return { message: opened.problem, stopped: true };
  }
  const count = opened.book.offers.filter((o) => o.status === "failed").length;
  if (count === 0) {
    ctx.notifier.done(t.retryNone());
    return { message: t.retryNone(), stopped: false };
  }
  if (!ctx.dialogs.confirm(t.retryTitle(), t.retryQuestion(count))) {
    ctx.notifier.done(t.retryCancelled());
    return { message: t.retryCancelled(), stopped: false };
  }
  // The rows are read again under the lock: those failed then are the ones cleared and sent.
  return told(
    runAction(ctx, "create", (c) => createOffers(c, false, clearFailed), { continuation: "create" }),
  );
}
