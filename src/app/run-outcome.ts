// What a use case hands back to the frame of its run (run-action.ts).

import { emptyCounts, type RunCounts } from "../core/plan-run";

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
  /** Set when the run stopped because MijnKlantportaal refused the user's key (401/403). */
  readonly keyRefused?: boolean;
  /** Set when Google's daily UrlFetch quota ended the run: nothing more is tried in it. */
  readonly quotaUsed?: boolean;
}

/** What an action told the user, and whether it stopped on something to fix (the sidebar shows so). */
export interface Told {
  readonly message: string;
  readonly stopped: boolean;
}

export const told = (outcome: { readonly message: string; readonly stopped?: boolean }): Told => ({
  message: outcome.message,
  stopped: outcome.stopped === true,
});

export function stopped(message: string, counts?: RunCounts): RunOutcome {
  return { counts: counts ?? emptyCounts(), message, stopped: true };
}
