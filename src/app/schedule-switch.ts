// Turning hourly runs on and off (CONTRACT §3 enableScheduledRuns, disableScheduledRuns): one hourly
// trigger for the user who enables them (never a second one in the spreadsheet), and turning them off
// again — which also ends any continuation, including one a busy run would schedule at its end. When
// the owner's runs have stopped for hours without being turned off (their trigger deleted, their
// account gone, their key removed or refused), another user may turn them on with their own key, or
// off. Built into the settings feature (few executions turn runs on or off).

import { pick } from "../core/language";
import type { RunContext } from "../core/ports";
import {
  clearState,
  loadState,
  RUNS_STOPPED_AT,
  SCHEDULE_HEARTBEAT,
  SCHEDULE_OWNER,
  SCHEDULE_STALE_HOURS,
  SCHEDULE_STALE_MS,
  saveState,
} from "../core/state-keys";
import { sentences, texts } from "../core/texts";
import { SCHEDULE_TEXTS } from "../core/texts-schedule";
import type { Told } from "./run-outcome";
import { apiKeyOf } from "./settings";

/**
 * Whether another user's schedule has stopped: its last hourly run is hours old. Without any note
 * (a schedule from before the notes), now is noted, so that the question can be answered later.
 */
function ownerStopped(ctx: RunContext): boolean {
  const beat = loadState(ctx.stores, SCHEDULE_HEARTBEAT);
  if (beat === null) {
    saveState(ctx.stores, SCHEDULE_HEARTBEAT, { at: ctx.clock.now() });
    return false;
  }
  return ctx.clock.now() - beat.at > SCHEDULE_STALE_MS;
}

/** What turning runs on or off told the user; `stopped` when it was refused (another user's runs). */
const said = (message: string, stopped = false): Told => ({ message, stopped });

export function enableScheduledRuns(ctx: RunContext): Told {
  const me = ctx.userEmail();
  const owner = loadState(ctx.stores, SCHEDULE_OWNER);
  const takeOver = owner !== null && me !== "" && owner !== me;
  if (takeOver && !ownerStopped(ctx)) return said(texts().scheduleTakenBy(owner), true);
  const result = ctx.triggers.installHourly();
  if (me) saveState(ctx.stores, SCHEDULE_OWNER, me);
  saveState(ctx.stores, SCHEDULE_HEARTBEAT, { at: ctx.clock.now() });
  clearState(ctx.stores, RUNS_STOPPED_AT);
  // Hourly runs use this user's key: without one they create nothing until one is set (and, doing
  // nothing, they do not count as running: another user may take them over after a few hours).
  const noKey = apiKeyOf(ctx.stores) === null ? pick(SCHEDULE_TEXTS).needKey() : "";
  if (takeOver) return said(sentences(pick(SCHEDULE_TEXTS).takenOver(owner, SCHEDULE_STALE_HOURS), noKey));
  return said(sentences(result === "already" ? texts().scheduleAlreadyOn() : texts().scheduleOn(), noKey));
}

export function disableScheduledRuns(ctx: RunContext): Told {
  const me = ctx.userEmail();
  const removed = ctx.triggers.removeAll();
  saveState(ctx.stores, RUNS_STOPPED_AT, { at: ctx.clock.now() });
  const owner = loadState(ctx.stores, SCHEDULE_OWNER);
  if (owner === me || owner === null) clearState(ctx.stores, SCHEDULE_OWNER);
  else if (removed === 0) {
    if (!ownerStopped(ctx)) return said(texts().scheduleOwnedBy(owner), true);
    clearState(ctx.stores, SCHEDULE_OWNER);
    return said(pick(SCHEDULE_TEXTS).staleOff(owner, SCHEDULE_STALE_HOURS));
  }
  return said(removed > 0 ? texts().scheduleOff() : texts().scheduleWasOff());
}
