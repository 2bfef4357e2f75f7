// The time-driven triggers this project installs, all on runScheduledBatch: one hourly trigger per
// user (its ID kept in user properties) and at most one one-off continuation at a time.

import type { ContinuationKind, Stores, Triggers } from "../core/ports";
import { CONTINUATION, clearState, HOURLY_TRIGGER_ID, loadState, saveState } from "../core/state-keys";

export const SCHEDULED_HANDLER = "runScheduledBatch";
/** Continuations start at least this long after being scheduled. */
const MIN_DELAY_MS = 1000;
/** Past Apps Script's 6-minute limit: the safety net never fires while its execution still runs. */
const SAFETY_NET_MS = 7 * 60_000;

function ours(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === SCHEDULED_HANDLER);
}

export function appsScriptTriggers(stores: Stores): Triggers {
  const hourlyId = (): string | null => loadState(stores, HOURLY_TRIGGER_ID);
  const clearContinuations = (): void => {
    const id = hourlyId();
    for (const t of ours()) if (t.getUniqueId() !== id) ScriptApp.deleteTrigger(t);
    clearState(stores, CONTINUATION);
  };
  return {
    continuationKind: () => loadState(stores, CONTINUATION)?.kind ?? null,
    clearContinuations,
    /**
     * Replaces any continuation with one that starts at `atMs` (or as soon as possible). A create
     * continuation covers a refresh too, so a pending create continuation is never narrowed to a
     * refresh. `progress` false (no answer from the API) backs off: 1, 2, 4 … up to 60 minutes.
     */
    scheduleContinuation(atMs: number, nowMs: number, kind: ContinuationKind, progress: boolean): number {
      const previous = loadState(stores, CONTINUATION);
      const merged: ContinuationKind =
        previous?.kind === "create" || kind === "create" ? "create" : "refresh";
      const idle = progress ? 0 : (previous?.idle ?? 0) + 1;
      const backoff = idle === 0 ? 0 : Math.min(60, 2 ** (idle - 1)) * 60_000;
      clearContinuations();
      const delay = Math.max(MIN_DELAY_MS, Math.round(atMs - nowMs), backoff);
      ScriptApp.newTrigger(SCHEDULED_HANDLER).timeBased().after(delay).create();
      saveState(stores, CONTINUATION, { kind: merged, idle });
      return delay;
    },
    hourlyOn() {
      const id = hourlyId();
      return id !== null && ours().some((t) => t.getUniqueId() === id);
    },
    installHourly() {
      const id = hourlyId();
      if (id !== null && ours().some((t) => t.getUniqueId() === id)) return "already";
      const trigger = ScriptApp.newTrigger(SCHEDULED_HANDLER).timeBased().everyHours(1).create();
      saveState(stores, HOURLY_TRIGGER_ID, trigger.getUniqueId());
      return "installed";
    },
    removeAll() {
      const triggers = ours();
      for (const t of triggers) ScriptApp.deleteTrigger(t);
      clearState(stores, HOURLY_TRIGGER_ID);
      clearState(stores, CONTINUATION);
      return triggers.length;
    },
  };
}

/** How long turning hourly runs on or off waits for another execution doing the same. */
const SCHEDULE_LOCK_WAIT_MS = 10_000;

/**
 * Runs `body` (turning hourly runs on or off) while no other execution does the same, so that two at
 * once (a double click, two users) never install two hourly triggers; null when another one holds
 * the script lock. Runs hold the document lock instead: this never waits for a batch.
 */
export function withScheduleLock<T>(body: () => T): { value: T } | null {
  let lock: GoogleAppsScript.Lock.Lock;
  try {
    lock = LockService.getScriptLock();
  } catch {
    // No script lock to be had here: turning runs on or off still works, as before this lock.
    return { value: body() };
  }
  if (!lock.tryLock(SCHEDULE_LOCK_WAIT_MS)) return null;
  try {
    return { value: body() };
  } finally {
    lock.releaseLock();
  }
}

/** Whether a trigger event comes from this user's hourly trigger. */
export function isHourly(stores: Stores, e?: { triggerUid?: string | number }): boolean {
  const id = loadState(stores, HOURLY_TRIGGER_ID);
  return id !== null && e?.triggerUid !== undefined && String(e.triggerUid) === id;
}

/**
 * At the start of a continuation: a trigger a little after the 6-minute limit, in case Apps Script
 * kills this execution before it can schedule the next one. Its end replaces or removes it.
 */
export function armSafetyNet(stores: Stores): void {
  if (loadState(stores, CONTINUATION) === null) return;
  const id = loadState(stores, HOURLY_TRIGGER_ID);
  for (const t of ours()) if (t.getUniqueId() !== id) ScriptApp.deleteTrigger(t);
  ScriptApp.newTrigger(SCHEDULED_HANDLER).timeBased().after(SAFETY_NET_MS).create();
}
