// The frame of every run that writes: one run at a time (document lock), a continuation when work
// is left, a Run log row at the end, the user told how it went — and an unexpected error reported,
// never swallowed.

import { emptyCounts } from "../core/plan-run";
import type { ContinuationKind, RunAction, RunContext } from "../core/ports";
import { SheetChanged } from "../core/sheet-changed";
import { loadState, mailedOn, RUNS_STOPPED_AT, saveState } from "../core/state-keys";
import { sentences, texts } from "../core/texts";
import type { RunOutcome } from "./run-outcome";

export const LOCK_WAIT_MS = 5000;
const BUSY_RETRY_MS = 3 * 60_000;

export interface RunOptions {
  /**
   * What this run continues when work is left: `create` runs also remove the continuation when
   * no work is left; a `refresh` run never removes one (a create may still be under way).
   */
  readonly continuation?: ContinuationKind;
  /** Scheduled runs: mail the user about failures and stops. */
  readonly mail?: boolean;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Runs `body` holding the document lock; null when another run holds it. */
export function withLock<T>(ctx: RunContext, body: () => T): { value: T } | null {
  const lock = ctx.lock.tryLock(LOCK_WAIT_MS);
  if (!lock) return null;
  try {
    return { value: body() };
  } finally {
    lock.release();
  }
}

/** Schedules (or removes) the continuation; a run busy when scheduled runs were turned off adds none. */
function arrangeContinuation(ctx: RunContext, kind: ContinuationKind, outcome: RunOutcome): RunOutcome {
  try {
    const turnedOff = (loadState(ctx.stores, RUNS_STOPPED_AT)?.at ?? 0) >= ctx.startedAt;
    if (outcome.continueAt !== undefined && !turnedOff) {
      ctx.triggers.scheduleContinuation(
        outcome.continueAt,
        ctx.clock.now(),
        kind,
        outcome.progress !== false,
      );
    } else {
      // Done: remove the continuation, unless it carries other work (a refresh may still be under
      // way when a create run finds nothing to do, and the other way round).
      const current = ctx.triggers.continuationKind();
      if (turnedOff || current === null || current === kind) ctx.triggers.clearContinuations();
    }
    return outcome;
  } catch (error) {
    return { ...outcome, message: sentences(outcome.message, texts().noContinuation(errorText(error))) };
  }
}

function mailIfNeeded(ctx: RunContext, outcome: RunOutcome): void {
  const kind = outcome.stopped ? "stopped" : outcome.counts.failed > 0 ? "failed" : null;
  if (kind === null) return;
  try {
    const today = ctx.workbook.zonedTime().today(ctx.clock.now());
    if (loadState(ctx.stores, mailedOn(kind)) === today) return;
    const body = texts().mailBody(
      ctx.mailer.spreadsheetName(),
      outcome.message,
      ctx.mailer.spreadsheetUrl(),
      kind,
    );
    if (ctx.mailer.send(texts().mailSubject(kind), body)) saveState(ctx.stores, mailedOn(kind), today);
  } catch {
    // A mail that cannot be sent must not turn a finished run into a failed one.
  }
}

export function runAction(
  ctx: RunContext,
  action: RunAction,
  body: (ctx: RunContext) => RunOutcome,
  options: RunOptions = {},
): RunOutcome {
  const log = (outcome: RunOutcome): void =>
    ctx.workbook.appendRunLog({
      startedAt: ctx.startedAt,
      action,
      startedBy: ctx.startedBy,
      counts: outcome.counts,
      durationSeconds: (ctx.clock.now() - ctx.startedAt) / 1000,
      message: outcome.message,
    });
  const held = withLock(ctx, () => {
    let outcome: RunOutcome;
    try {
      outcome = body(ctx);
    } catch (error) {
      const message =
        error instanceof SheetChanged
          ? texts().columnsChanged(error.sheet)
          : texts().unexpected(errorText(error));
      outcome = { counts: emptyCounts(), message, stopped: true };
    }
    if (options.continuation) outcome = arrangeContinuation(ctx, options.continuation, outcome);
    // Logged while the lock is held, so that two runs never write the same Run log row.
    log(outcome);
    return outcome;
  });
  if (held === null) {
    let message = texts().busy();
    if (ctx.startedBy === "trigger" && options.continuation) {
      // Nobody will start it again: try later rather than end a batch here.
      try {
        const now = ctx.clock.now();
        ctx.triggers.scheduleContinuation(
          now + BUSY_RETRY_MS,
          now,
          ctx.triggers.continuationKind() ?? options.continuation,
          true,
        );
        message = sentences(message, texts().busyRetrying());
      } catch {
        // Without a trigger the hourly run picks the work up.
      }
    }
    const outcome: RunOutcome = { counts: emptyCounts(), message, stopped: true };
    ctx.notifier.problem(message);
    log(outcome);
    return outcome;
  }
  const outcome = held.value;
  if (options.mail) mailIfNeeded(ctx, outcome);
  if (outcome.stopped) ctx.notifier.problem(outcome.message);
  else ctx.notifier.done(outcome.message);
  return outcome;
}
