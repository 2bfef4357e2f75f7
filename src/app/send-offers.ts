// Sends offers in paced batches: each batch is marked `sending` and flushed before its requests go
// out (one fetchAll round trip), then its results are written back with the next batch's marks.

import {
  allowance,
  DEFAULT_RETRY_POLICY,
  decideRetry,
  initialWindow,
  type RateWindow,
  windowResetAt,
} from "../core/pacing";
import { emptyCounts, outcomeValues, type RunCounts, type SendItem, sendingValues } from "../core/plan-run";
import { classify, type Outcome, rateLimitOf } from "../core/responses";
import type { RowUpdate } from "../core/write-back";
import type { ApiClient } from "../shell/http";
import { deadlineOf, type RunContext } from "./context";

export interface SendResult {
  readonly counts: RunCounts;
  /** Set when the API refused the key: the run stopped. */
  readonly unauthorized: boolean;
  readonly quotaExhausted: boolean;
  /** Offers not sent because the run ran out of time. */
  readonly leftForLater: number;
  readonly lost: RowUpdate[];
}

interface Queued {
  readonly item: SendItem;
  attempts: number;
  rateLimited: number;
  notBefore: number;
}

export interface SendDeps {
  readonly ctx: RunContext;
  readonly client: ApiClient;
  readonly formatTimestamp: (iso: string) => string;
  /** Writes row updates (located by offer number) and returns those whose row is gone. */
  readonly write: (updates: RowUpdate[], fresh: boolean) => RowUpdate[];
  readonly flush: () => void;
}

const row = (item: SendItem, values: RowUpdate["values"]): RowUpdate => ({
  key: item.key,
  sheetRow: item.sheetRow,
  values,
});

export function sendOffers(deps: SendDeps, items: readonly SendItem[], firstWrites: RowUpdate[]): SendResult {
  const { ctx, client } = deps;
  const deadline = deadlineOf(ctx);
  const counts = emptyCounts();
  const lost: RowUpdate[] = [];
  let queue: Queued[] = items.map((item) => ({ item, attempts: 0, rateLimited: 0, notBefore: 0 }));
  let pendingWrites: RowUpdate[] = firstWrites;
  let fresh = true;
  let window: RateWindow = initialWindow();
  let unauthorized = false;
  let quotaExhausted = false;
  let batches = 0;

  const finish = (q: Queued, outcome: Outcome): void => {
    const { values, count } = outcomeValues(outcome, deps.formatTimestamp);
    counts[count]++;
    pendingWrites.push(row(q.item, values));
  };

  while (queue.length > 0 && !unauthorized && !quotaExhausted) {
    const now = ctx.now();
    if (now >= deadline) break;
    const earliest = Math.min(...queue.map((q) => q.notBefore));
    let room = allowance(window, now);
    if (room === 0 && window.observedAt !== null) {
      // The window is used up: wait for the next one when there is time for it.
      const reset = windowResetAt(window.observedAt) + 1000;
      if (reset > deadline) break;
      ctx.sleep(reset - now);
      continue;
    }
    if (earliest > now) {
      if (earliest > deadline) break;
      ctx.sleep(earliest - now);
      continue;
    }
    room = Math.min(room, window.limit);
    const batch = queue.filter((q) => q.notBefore <= now).slice(0, room);
    const inBatch = new Set(batch);
    queue = queue.filter((q) => !inBatch.has(q));

    lost.push(...deps.write([...pendingWrites, ...batch.map((q) => row(q.item, sendingValues()))], fresh));
    pendingWrites = [];
    fresh = false;
    deps.flush();
    batches++;
    if (ctx.startedBy === "menu" && batches > 1) {
      ctx.notifier.progress(
        `Sending offers… ${counts.created} created, ${queue.length + batch.length} to go.`,
      );
    }

    const exchanges = client.send(
      batch.map((q) => ({ method: "post", path: "/customer-offers/manual", body: q.item.body })),
    );
    const answeredAt = ctx.now();
    let remaining: number | null = null;
    let limit = window.limit;
    batch.forEach((q, i) => {
      const exchange = exchanges[i] ?? { kind: "network", detail: "no answer" };
      if (exchange.kind === "response") {
        const rate = rateLimitOf(exchange.headers);
        if (rate.limit !== null && rate.limit > 0) limit = rate.limit;
        if (rate.remaining !== null)
          remaining = remaining === null ? rate.remaining : Math.min(remaining, rate.remaining);
      }
      const outcome = classify(exchange, answeredAt, true);
      q.attempts++;
      if (outcome.kind === "unauthorized") unauthorized = true;
      if (outcome.kind === "quota") quotaExhausted = true;
      if (outcome.kind === "rate-limited") {
        q.rateLimited++;
        remaining = 0;
        const decision = decideRetry(
          outcome,
          q.rateLimited,
          DEFAULT_RETRY_POLICY,
          answeredAt,
          deadline,
          ctx.random(),
        );
        if (decision.retry) {
          q.notBefore = answeredAt + decision.afterMs;
          queue.push(q);
          pendingWrites.push(
            row(q.item, { status: "", message: "Waiting for MijnKlantportaal's rate limit" }),
          );
          return;
        }
      } else if (outcome.kind === "transient" && !outcome.ambiguous) {
        const decision = decideRetry(
          outcome,
          q.attempts,
          DEFAULT_RETRY_POLICY,
          answeredAt,
          deadline,
          ctx.random(),
        );
        if (decision.retry) {
          q.notBefore = answeredAt + decision.afterMs;
          queue.push(q);
          pendingWrites.push(row(q.item, { status: "", message: `${outcome.reason}, retrying` }));
          return;
        }
      }
      finish(q, outcome);
    });
    window = {
      limit,
      remaining: remaining ?? Math.max(0, allowance(window, answeredAt) - batch.length),
      observedAt: answeredAt,
    };
    queue.sort((a, b) => a.item.sheetRow - b.item.sheetRow);
  }

  // Whatever is still queued was never marked `sending` (or was put back to pending above).
  counts.pending += queue.length;
  lost.push(...deps.write(pendingWrites, fresh));
  return { counts, unauthorized, quotaExhausted, leftForLater: queue.length, lost };
}
