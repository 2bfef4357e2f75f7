// The sidebar's state (CONTRACT §9), assembled from what the shell read: the key (at most its last
// 4 characters), hourly runs and their owner, the running batch's progress, and the last runs.

import { matchHeaders, RUN_LOG_COLUMNS, type RunLogKey } from "./columns";
import { type Progress, SCHEDULE_STALE_MS } from "./state-keys";

/** An entry not updated for this long belongs to an execution that was killed: not shown. */
export const PROGRESS_STALE_MS = 7 * 60_000;
export const LAST_RUNS = 5;

export type RunSummary = Readonly<Record<RunLogKey, string>>;

export interface PanelState {
  readonly user: string;
  readonly key: { readonly saved: boolean; readonly lastFour: string | null };
  readonly schedule: {
    readonly on: boolean;
    readonly owner: string | null;
    readonly mine: boolean;
    /** On, but no hourly run has worked for hours (trigger gone, key missing or refused): anyone may take over. */
    readonly stalled: boolean;
  };
  readonly progress: Progress | null;
  /** Newest first, at most LAST_RUNS; null when not asked for. */
  readonly runs: readonly RunSummary[] | null;
  /** The language the user chose in the sidebar; "" when the spreadsheet's locale decides. */
  readonly languageChoice: LanguageChoice;
}

export type LanguageChoice = "nl" | "en" | "";

export interface PanelInputs {
  readonly user: string;
  readonly storedKey: string | null;
  readonly scheduleOwner: string | null;
  /** When the owner's last hourly run started (state key SCHEDULE_HEARTBEAT), epoch ms; null: not noted. */
  readonly lastHourlyAt: number | null;
  /** Whether this user's own hourly trigger is installed. */
  readonly hourlyMine: boolean;
  /** The running batch's progress entry (state key PROGRESS), as stored. */
  readonly progress: Progress | null;
  /** Run log as displayed, header row first; null when not read. */
  readonly runLog: readonly (readonly string[])[] | null;
  /** State key LANGUAGE as stored. */
  readonly languageChoice: string | null;
  readonly now: number;
}

export function lastRuns(rows: readonly (readonly string[])[]): RunSummary[] {
  const [header, ...data] = rows;
  if (!header) return [];
  const { columns } = matchHeaders(header, RUN_LOG_COLUMNS);
  const filled = data.filter((r) => r.some((c) => c.trim() !== ""));
  return filled
    .slice(-LAST_RUNS)
    .reverse()
    .map((row) => {
      const summary = {} as Record<RunLogKey, string>;
      for (const spec of RUN_LOG_COLUMNS) {
        const c = columns[spec.key];
        summary[spec.key] = c === undefined ? "" : (row[c] ?? "");
      }
      return summary;
    });
}

export function panelState(input: PanelInputs): PanelState {
  const mine = input.hourlyMine;
  return {
    user: input.user,
    key: {
      saved: input.storedKey !== null,
      lastFour: input.storedKey === null ? null : input.storedKey.slice(-4),
    },
    schedule: {
      on: mine || input.scheduleOwner !== null,
      owner: input.scheduleOwner,
      mine,
      stalled:
        input.scheduleOwner !== null &&
        input.lastHourlyAt !== null &&
        input.now - input.lastHourlyAt > SCHEDULE_STALE_MS,
    },
    // An entry not updated for a while belongs to an execution that was killed: not shown.
    progress:
      input.progress !== null && input.now - input.progress.updatedAt <= PROGRESS_STALE_MS
        ? input.progress
        : null,
    runs: input.runLog === null ? null : lastRuns(input.runLog),
    languageChoice:
      input.languageChoice === "nl" || input.languageChoice === "en" ? input.languageChoice : "",
  };
}
