// Scheduled runs: one hourly trigger for the user who enables them (never a second one in the
// spreadsheet), and turning them off again — which also ends any continuation, including one a
// busy run would schedule at its end.

import type { RunContext } from "../core/ports";
import { clearState, loadState, RUNS_STOPPED_AT, SCHEDULE_OWNER, saveState } from "../core/state-keys";
import { texts } from "../core/texts";

export function enableScheduledRuns(ctx: RunContext): string {
  const me = ctx.userEmail();
  const owner = loadState(ctx.stores, SCHEDULE_OWNER);
  if (owner && me && owner !== me) return texts().scheduleTakenBy(owner);
  const result = ctx.triggers.installHourly();
  if (me) saveState(ctx.stores, SCHEDULE_OWNER, me);
  clearState(ctx.stores, RUNS_STOPPED_AT);
  return result === "already" ? texts().scheduleAlreadyOn() : texts().scheduleOn();
}

export function disableScheduledRuns(ctx: RunContext): string {
  const me = ctx.userEmail();
  const removed = ctx.triggers.removeAll();
  saveState(ctx.stores, RUNS_STOPPED_AT, { at: ctx.clock.now() });
  const owner = loadState(ctx.stores, SCHEDULE_OWNER);
  if (owner === me || owner === null) clearState(ctx.stores, SCHEDULE_OWNER);
  else if (removed === 0) return texts().scheduleOwnedBy(owner);
  return removed > 0 ? texts().scheduleOff() : texts().scheduleWasOff();
}
