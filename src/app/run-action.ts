// The frame of every run that writes: one run at a time (document lock), a Run log row at the end,
// the user told how it went — and an unexpected error reported, never swallowed.

import { emptyCounts, type RunCounts } from "../core/plan-run";
import { mailIfNeeded } from "../shell/mail";
import { makeContext } from "../shell/run-context";
import { appendRunLog, type RunLogEntry } from "../shell/run-log";
import { tryDocumentLock } from "../shell/store";
import {
  type ContinuationKind,
  clearContinuations,
  continuationState,
  scheduleContinuation,
} from "../shell/triggers";
import type { RunContext } from "./context";

export const LOCK_WAIT_MS = 5000;
const BUSY_RETRY_MS = 3 * 60_000;
export const BUSY_MESSAGE =
  "Another MijnKlantportaal run is in progress (perhaps a scheduled one). Nothing was changed; try again in a few minutes.";

export interface RunOutcome {
  readonly counts: RunCounts;
  /** Summary for the Run log and the closing toast. */
  readonly message: string;
  /** Set when the run was stopped by something the user must fix (shown as an alert). */
  readonly stopped?: boolean;
  /** Set when work is left that a continuation should pick up (epoch ms to start it at). */
  readonly continueAt?: number;
  /** False when the API answered nothing useful (down): continuations then back off. */
  readonly progress?: boolean;
}

export interface RunOptions {
  /**
   * What this run continues when work is left: `create` runs also remove the continuation when
   * no work is left; a `refresh` run never removes one (a create may still be under way).
   */
  readonly continuation?: ContinuationKind;
  /** Scheduled runs: mail the user about failures and stops. */
  readonly mail?: boolean;
}

export function runAction(
  action: RunLogEntry["action"],
  startedBy: "menu" | "trigger",
  body: (ctx: RunContext) => RunOutcome,
  options: RunOptions = {},
): RunOutcome {
  const ctx = makeContext(startedBy);
  const log = (outcome: RunOutcome): void =>
    appendRunLog(ctx.ss, {
      startedAt: new Date(ctx.startedAt),
      action,
      startedBy,
      counts: outcome.counts,
      durationSeconds: (ctx.now() - ctx.startedAt) / 1000,
      message: outcome.message,
    });
  const lock = tryDocumentLock(LOCK_WAIT_MS);
  if (!lock) {
    let message = BUSY_MESSAGE;
    if (startedBy === "trigger" && options.continuation) {
      // Nobody will start it again: try later rather than end a batch here.
      try {
        scheduleContinuation(
          ctx.now() + BUSY_RETRY_MS,
          ctx.now(),
          continuationState()?.kind ?? options.continuation,
          true,
        );
        message += " This scheduled run tries again in a few minutes.";
      } catch {
        // Without a trigger the hourly run picks the work up.
      }
    }
    const outcome: RunOutcome = { counts: emptyCounts(), message, stopped: true };
    ctx.notifier.problem(message);
    log(outcome);
    return outcome;
  }
  let outcome: RunOutcome;
  try {
    try {
      outcome = body(ctx);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      outcome = {
        counts: emptyCounts(),
        message: `The run stopped on an unexpected error: ${text}`,
        stopped: true,
      };
    }
    if (options.continuation) {
      try {
        if (outcome.continueAt !== undefined) {
          scheduleContinuation(
            outcome.continueAt,
            ctx.now(),
            options.continuation,
            outcome.progress !== false,
          );
        } else {
          // Done: remove the continuation, unless it carries other work (a refresh may still be
          // under way when a create run finds nothing to do, and the other way round).
          const kind = continuationState()?.kind;
          if (kind === undefined || kind === options.continuation) clearContinuations();
        }
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        outcome = {
          ...outcome,
          message: `${outcome.message} (Could not schedule the continuation: ${text})`,
        };
      }
    }
    // Logged while the lock is held, so that two runs never write the same Run log row.
    log(outcome);
  } finally {
    lock.release();
  }
  if (options.mail) mailIfNeeded(ctx, outcome);
  if (outcome.stopped) ctx.notifier.problem(outcome.message);
  else ctx.notifier.done(outcome.message);
  return outcome;
}
