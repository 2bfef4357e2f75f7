// The time-driven triggers this project installs, all on runScheduledBatch: one hourly trigger per
// user (its ID kept in user properties) and at most one one-off continuation at a time.

export const SCHEDULED_HANDLER = "runScheduledBatch";
const HOURLY_ID = "MKP_HOURLY_TRIGGER_ID";
/** Continuations start at least this long after being scheduled. */
const MIN_DELAY_MS = 1000;
/** Past Apps Script's 6-minute limit: the safety net never fires while its execution still runs. */
const SAFETY_NET_MS = 7 * 60_000;

function ours(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === SCHEDULED_HANDLER);
}

function hourlyId(): string | null {
  return PropertiesService.getUserProperties().getProperty(HOURLY_ID);
}

/** Whether a trigger event comes from this user's hourly trigger. */
export function isHourly(e?: { triggerUid?: string | number }): boolean {
  const id = hourlyId();
  return id !== null && e?.triggerUid !== undefined && String(e.triggerUid) === id;
}

/** Installs the hourly trigger unless this user has it already. */
export function installHourly(): "installed" | "already" {
  const id = hourlyId();
  const triggers = ours();
  if (id !== null && triggers.some((t) => t.getUniqueId() === id)) return "already";
  const trigger = ScriptApp.newTrigger(SCHEDULED_HANDLER).timeBased().everyHours(1).create();
  PropertiesService.getUserProperties().setProperty(HOURLY_ID, trigger.getUniqueId());
  return "installed";
}

/** Removes every trigger of ours for this user (hourly and continuations). */
export function removeAll(): number {
  const triggers = ours();
  for (const t of triggers) ScriptApp.deleteTrigger(t);
  PropertiesService.getUserProperties().deleteProperty(HOURLY_ID);
  PropertiesService.getUserProperties().deleteProperty(CONTINUATION);
  return triggers.length;
}

const CONTINUATION = "MKP_CONTINUATION";

/** What a continuation is for: `create` (create, then refresh) or only `refresh`. */
export type ContinuationKind = "create" | "refresh";

interface ContinuationState {
  readonly kind: ContinuationKind;
  /** Continuations in a row that got no answer from the API (it is down): they back off. */
  readonly idle: number;
}

export function continuationState(): ContinuationState | null {
  const text = PropertiesService.getUserProperties().getProperty(CONTINUATION);
  try {
    const state = text ? (JSON.parse(text) as Partial<ContinuationState>) : null;
    if (state && (state.kind === "create" || state.kind === "refresh"))
      return { kind: state.kind, idle: Number(state.idle) || 0 };
  } catch {
    // Unreadable state: treat as none.
  }
  return null;
}

/** Deletes continuation triggers (every trigger of ours that is not the hourly one). */
export function clearContinuations(): void {
  const id = hourlyId();
  for (const t of ours()) if (t.getUniqueId() !== id) ScriptApp.deleteTrigger(t);
  PropertiesService.getUserProperties().deleteProperty(CONTINUATION);
}

/**
 * At the start of a continuation: a trigger a little after the 6-minute limit, in case Apps Script
 * kills this execution before it can schedule the next one. Its end replaces or removes it.
 */
export function armSafetyNet(): void {
  if (continuationState() === null) return;
  const id = hourlyId();
  for (const t of ours()) if (t.getUniqueId() !== id) ScriptApp.deleteTrigger(t);
  ScriptApp.newTrigger(SCHEDULED_HANDLER).timeBased().after(SAFETY_NET_MS).create();
}

/**
 * Replaces any continuation with one that starts at `atMs` (or as soon as possible). A create
 * continuation covers a refresh too, so a pending create continuation is never narrowed to a
 * refresh. `progress` false (no answer from the API) backs off: 1, 2, 4 … up to 60 minutes.
 */
export function scheduleContinuation(
  atMs: number,
  nowMs: number,
  kind: ContinuationKind,
  progress: boolean,
): number {
  const previous = continuationState();
  const merged: ContinuationKind = previous?.kind === "create" || kind === "create" ? "create" : "refresh";
  const idle = progress ? 0 : (previous?.idle ?? 0) + 1;
  const backoff = idle === 0 ? 0 : Math.min(60, 2 ** (idle - 1)) * 60_000;
  clearContinuations();
  const delay = Math.max(MIN_DELAY_MS, Math.round(atMs - nowMs), backoff);
  ScriptApp.newTrigger(SCHEDULED_HANDLER).timeBased().after(delay).create();
  PropertiesService.getUserProperties().setProperty(CONTINUATION, JSON.stringify({ kind: merged, idle }));
  return delay;
}
