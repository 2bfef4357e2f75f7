// Hourly runs as they fire (turning them on and off is schedule-switch.ts): a trigger whose user is
// no longer the owner removes itself, so the spreadsheet never has two; each hourly run that could use
// its owner's key notes that it ran, so that another user may take over runs stopped for hours.

import type { RunContext } from "../core/ports";
import {
  loadState,
  SCHEDULE_HEARTBEAT,
  SCHEDULE_OWNER,
  SCHEDULE_STALE_MS,
  saveState,
} from "../core/state-keys";
import type { RunOutcome } from "./run-outcome";
import { apiKeyOf } from "./settings";

/**
 * At the start of an hourly run: the hourly trigger of a user who is no longer the owner (another
 * user took over after it had stopped, and it came back) removes itself, so that the spreadsheet
 * never has two; the run then does nothing.
 */
export function hourlyRunMayGo(ctx: RunContext): boolean {
  const me = ctx.userEmail();
  const owner = loadState(ctx.stores, SCHEDULE_OWNER);
  if (owner !== null && me !== "" && owner !== me) {
    ctx.triggers.removeAll();
    return false;
  }
  // No owner and no hourly run for hours: another user turned off runs that had stopped, and this
  // trigger came back (its user authorised the script again). It must not run on, unseen.
  const beat = loadState(ctx.stores, SCHEDULE_HEARTBEAT);
  if (owner === null && me !== "" && beat !== null && ctx.clock.now() - beat.at > SCHEDULE_STALE_MS) {
    ctx.triggers.removeAll();
    return false;
  }
  return true;
}

/**
 * At the end of an hourly run: notes that the owner's runs are alive, unless the run could not use
 * the owner's key (none set, or refused): such runs do nothing, hour after hour, and another user may
 * take them over once they have done so for hours.
 */
export function hourlyRunEnded(ctx: RunContext, outcome: RunOutcome): void {
  if (outcome.keyRefused === true || apiKeyOf(ctx.stores) === null) return;
  saveState(ctx.stores, SCHEDULE_HEARTBEAT, { at: ctx.clock.now() });
}
