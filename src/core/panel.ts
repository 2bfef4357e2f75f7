// The sidebar's state (CONTRACT §9), assembled from what the shell read: the key (at most its last
// 4 characters), hourly runs and their owner, the running batch's progress, and the last runs.

import { matchHeaders, RUN_LOG_COLUMNS, type RunLogKey } from "../core/columns";

/** Document-cache entry a running batch keeps up to date: key MKP_PROGRESS, value this as JSON. */
export interface BatchProgress {
  /** e.g. "create", "refresh", "scheduled". */
  readonly action: string;
  readonly done: number;
  readonly toGo: number;
  /** Epoch ms. */
  readonly startedAt: number;
  readonly updatedAt: number;
}

export const PROGRESS_KEY = "MKP_PROGRESS";
/** An entry not updated for this long belongs to an execution that was killed: not shown. */
export const PROGRESS_STALE_MS = 7 * 60_000;
export const LAST_RUNS = 5;

export type RunSummary = Readonly<Record<RunLogKey, string>>;

export interface PanelState {
  readonly user: string;
  readonly key: { readonly saved: boolean; readonly lastFour: string | null };
  readonly schedule: { readonly on: boolean; readonly owner: string | null; readonly mine: boolean };
  readonly progress: BatchProgress | null;
  /** Newest first, at most LAST_RUNS; null when not asked for. */
  readonly runs: readonly RunSummary[] | null;
}

export interface PanelInputs {
  readonly user: string;
  readonly storedKey: string | null;
  readonly scheduleOwner: string | null;
  /** Whether this user's own hourly trigger is installed. */
  readonly hourlyMine: boolean;
  readonly progressText: string | null;
  /** Run log as displayed, header row first; null when not read. */
  readonly runLog: readonly (readonly string[])[] | null;
  readonly now: number;
}

export function encodeProgress(progress: BatchProgress): string {
  const { action, done, toGo, startedAt, updatedAt } = progress;
  return JSON.stringify({ action, done, toGo, startedAt, updatedAt });
}

/** The entry, or null when it is missing, malformed or stale. */
export function decodeProgress(text: string | null, now: number): BatchProgress | null {
  if (text === null || text === "") return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== "object" || raw === null) return null;
  const p = raw as Record<string, unknown>;
  const counts = [p.done, p.toGo, p.startedAt, p.updatedAt];
  if (
    typeof p.action !== "string" ||
    !counts.every((n) => typeof n === "number" && Number.isFinite(n) && n >= 0)
  ) {
    return null;
  }
  const progress: BatchProgress = {
    action: p.action,
    done: p.done as number,
    toGo: p.toGo as number,
    startedAt: p.startedAt as number,
    updatedAt: p.updatedAt as number,
  };
  return now - progress.updatedAt > PROGRESS_STALE_MS ? null : progress;
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
    schedule: { on: mine || input.scheduleOwner !== null, owner: input.scheduleOwner, mine },
    progress: decodeProgress(input.progressText, input.now),
    runs: input.runLog === null ? null : lastRuns(input.runLog),
  };
}
