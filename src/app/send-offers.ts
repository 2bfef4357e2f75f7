// Sends offers in paced batches: each batch is marked `sending` and flushed before its requests go
// out (one fetchAll round trip), then its results are written back together with the next batch's
// marks. 429s and clear temporary errors are retried here; answers after which the offer may exist
// (5xx, timeouts) leave the row `sending` for reconciliation.

import { amountMismatch } from "../core/amount-check";
import { pick } from "../core/language";
import { type LedgerEntry, newRef, outcomeEntry, sentEntry } from "../core/ledger";
import { createdBefore } from "../core/offer-list";
import { outcomeValues, type SendItem, sendingValues } from "../core/plan-run";
import { type CreatedOffer, classify, type Outcome } from "../core/responses";
import { DEFAULT_RETRY_POLICY, decideRetry } from "../core/retry";
import { texts } from "../core/texts";
import { ANSWER_TEXTS } from "../core/texts-answers";
import type { RowUpdate } from "../core/write-back";
import type { ApiSession } from "./api-session";
import { CLOCK_SKEW_MS } from "./reconcile";

export interface Sent {
  /** The item with the ref it was sent under. */
  readonly item: SendItem;
  readonly outcome: Outcome;
  /** The ledger entry written before it went out. */
  readonly entry: LedgerEntry;
}

export interface SendResult {
  /** Final outcomes (after retries), in the order they came. */
  readonly sent: Sent[];
  /** Not sent (out of time, key refused, quota): still pending, never marked `sending`. */
  readonly unsent: SendItem[];
  /** Not sent because their row could not be marked `sending` (deleted meanwhile). */
  readonly gone: SendItem[];
}

export interface RowWriter {
  /** Writes row updates where their offer numbers are now; returns those whose row is gone. */
  write(updates: RowUpdate[]): RowUpdate[];
  /** Appends to the ledger (before the marks it belongs to). */
  record(entries: readonly LedgerEntry[]): void;
  flush(): void;
}

/** At most this many requests in one round trip, whatever limit the API reports. */
export const MAX_BATCH = 60;

interface Queued {
  item: SendItem;
  attempts: number;
  rateLimited: number;
  notBefore: number;
}

/**
 * A create answered (200, not 201 Created) with an offer made before the row was marked (an API that
 * answers a taken offer number with the offer holding it, as firstOrCreate does) is not taken for the row: the row fails,
 * saying which offer came back. Another number or customer alone is not enough: an API may write
 * them its own way, and failing a row whose offer was made would invite a second one.
 */
function notOurs(
  outcome: Outcome,
  sent: LedgerEntry | undefined,
  formatTimestamp: (iso: string) => string,
): Outcome {
  // 201 Created: this request made it, whatever its timestamp says (a server clock or zone off).
  if (outcome.kind !== "created" || sent === undefined || outcome.status === 201) return outcome;
  const o: CreatedOffer = outcome.offer;
  if (!createdBefore(o, sent.at - CLOCK_SKEW_MS)) return outcome;
  const t = pick(ANSWER_TEXTS);
  const when = o.createdAt ? formatTimestamp(o.createdAt) : "";
  const what = t.otherOfferParts(o.id, o.offerNumber, o.customerId, when);
  return { kind: "refused", status: 200, reason: t.answeredWithOther(what) };
}

const rowOf = (item: SendItem, values: RowUpdate["values"]): RowUpdate => ({
  key: item.key,
  sheetRow: item.sheetRow,
  values,
  ...(item.ref ? { ref: item.ref } : {}),
});

export function sendOffers(
  session: ApiSession,
  writer: RowWriter,
  items: readonly SendItem[],
  formatTimestamp: (iso: string) => string,
  onProgress: (created: number, toGo: number) => void,
  firstWrites: readonly RowUpdate[] = [],
  firstLedger: readonly LedgerEntry[] = [],
): SendResult {
  const now = (): number => session.now();
  const sent: Sent[] = [];
  let queue: Queued[] = items.map((item) => ({ item, attempts: 0, rateLimited: 0, notBefore: 0 }));
  let pendingWrites: RowUpdate[] = [...firstWrites];
  let pendingLedger: LedgerEntry[] = [...firstLedger];
  let created = 0;
  const gone: SendItem[] = [];

  while (queue.length > 0 && session.canContinue()) {
    const at = now();
    if (session.room() === 0) {
      if (!session.waitForRoom()) break;
      continue;
    }
    const earliest = Math.min(...queue.map((q) => q.notBefore));
    if (earliest > at) {
      if (!session.waitUntil(earliest)) break;
      continue;
    }
    const ready = queue.filter((q) => q.notBefore <= at).slice(0, Math.min(session.room(), MAX_BATCH));
    const inReady = new Set(ready);
    queue = queue.filter((q) => !inReady.has(q));

    // Exactly once: the ledger records what is sent, and the rows say `sending` in the sheet, before
    // the requests leave. A row that could not be marked (deleted meanwhile) is not sent at all.
    const entries = new Map<Queued, LedgerEntry>();
    for (const q of ready) {
      if (q.item.ref === "") q.item = { ...q.item, ref: newRef(at, session.ctx.clock.random()) };
      entries.set(q, sentEntry(q.item.ref, q.item.body, at));
    }
    writer.record([...pendingLedger, ...entries.values()]);
    pendingLedger = [];
    const lost = writer.write([
      ...pendingWrites,
      ...ready.map((q) => rowOf(q.item, { ...sendingValues(), ref: q.item.ref })),
    ]);
    pendingWrites = [];
    writer.flush();
    const unmarked = new Set(lost.filter((u) => u.values.status === "sending").map((u) => u.key));
    const batch = ready.filter((q) => !unmarked.has(q.item.key));
    for (const q of ready.filter((r) => unmarked.has(r.item.key))) {
      gone.push(q.item);
      pendingLedger.push(outcomeEntry(entries.get(q) as LedgerEntry, "absent", at));
    }
    if (batch.length === 0) continue;

    const exchanges = session.send(
      batch.map((q) => ({ method: "post", path: "/customer-offers/manual", body: q.item.body })),
    );
    const answeredAt = now();
    batch.forEach((q, i) => {
      const exchange = exchanges[i] ?? { kind: "network", detail: "no answer" };
      const outcome = notOurs(classify(exchange, answeredAt, true), entries.get(q), formatTimestamp);
      q.attempts++;
      if (outcome.kind === "rate-limited" || (outcome.kind === "transient" && !outcome.ambiguous)) {
        // Not created: safe to send again, after the wait the server or the backoff asks for.
        const attempt = outcome.kind === "rate-limited" ? ++q.rateLimited : q.attempts;
        const decision = decideRetry(
          outcome,
          attempt,
          DEFAULT_RETRY_POLICY,
          answeredAt,
          session.deadline,
          session.ctx.clock.random(),
        );
        if (decision.retry) {
          q.notBefore = answeredAt + decision.afterMs;
          queue.push(q);
          const why = outcome.kind === "rate-limited" ? texts().waitingForRateLimit() : outcome.reason;
          pendingWrites.push(rowOf(q.item, { status: "", message: texts().retrying(why) }));
          // Not created, for certain: the ledger entry stays open until the next attempt's.
          pendingLedger.push(outcomeEntry(entries.get(q) as LedgerEntry, "absent", answeredAt));
          return;
        }
      }
      if (outcome.kind === "created") created++;
      const entry = entries.get(q) as LedgerEntry;
      sent.push({ item: q.item, outcome, entry });
      const event =
        outcome.kind === "created"
          ? "created"
          : outcome.kind === "refused"
            ? "refused"
            : outcome.kind === "transient" && outcome.ambiguous
              ? "ambiguous"
              : "absent";
      pendingLedger.push(
        outcomeEntry(entry, event, answeredAt, outcome.kind === "created" ? outcome.offer : undefined),
      );
      const { values } = outcomeValues(outcome, formatTimestamp);
      if (outcome.kind === "created") {
        const differs = amountMismatch(outcome.offer.amount, q.item.body.lines);
        if (differs !== null) values.message = differs;
      }
      pendingWrites.push(rowOf(q.item, values));
    });
    queue.sort((a, b) => a.item.sheetRow - b.item.sheetRow);
    if (queue.length > 0) onProgress(created, queue.length);
  }

  writer.record(pendingLedger);
  writer.write(pendingWrites);
  return { sent, unsent: queue.map((q) => q.item), gone };
}
