// The time-driven triggers this project installs, all on runScheduledBatch: one hourly trigger per
// user (its ID kept in user properties) and at most one one-off continuation at a time.

export const SCHEDULED_HANDLER = "runScheduledBatch";
const HOURLY_ID = "MKP_HOURLY_TRIGGER_ID";
/** Continuations start at least this long after being scheduled. */
const MIN_DELAY_MS = 1000;

function ours(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === SCHEDULED_HANDLER);
}

function hourlyId(): string | null {
  return PropertiesService.getUserProperties().getProperty(HOURLY_ID);
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
  return triggers.length;
}

/** Deletes continuation triggers (every trigger of ours that is not the hourly one). */
export function clearContinuations(): void {
  const id = hourlyId();
  for (const t of ours()) if (t.getUniqueId() !== id) ScriptApp.deleteTrigger(t);
}

/** Replaces any continuation with one that starts at `atMs` (or as soon as possible). */
export function scheduleContinuation(atMs: number, nowMs: number): void {
  clearContinuations();
  ScriptApp.newTrigger(SCHEDULED_HANDLER)
    .timeBased()
    .after(Math.max(MIN_DELAY_MS, Math.round(atMs - nowMs)))
    .create();
}
