// Scheduled runs: one hourly trigger for the user who enables them (never a second one in the
// spreadsheet), and turning them off again.

import { currentUserEmail, documentStore } from "../shell/store";
import { installHourly, removeAll } from "../shell/triggers";

const OWNER = "MKP_SCHEDULE_OWNER";

export function enableScheduledRuns(): string {
  const me = currentUserEmail();
  const props = documentStore();
  const owner = props.get(OWNER);
  if (owner && me && owner !== me) {
    return `Scheduled runs are already on in this spreadsheet, with the API key of ${owner}. Ask them to turn them off first.`;
  }
  const result = installHourly();
  if (me) props.set(OWNER, me);
  return result === "already"
    ? "Scheduled runs were already on: pending offers are created every hour."
    : "Scheduled runs are on: every hour, pending offers are created and statuses refreshed, with your API key.";
}

export function disableScheduledRuns(): string {
  const me = currentUserEmail();
  const props = documentStore();
  const removed = removeAll();
  const owner = props.get(OWNER);
  if (owner === me || owner === null) props.remove(OWNER);
  else if (removed === 0) return `Scheduled runs were turned on by ${owner}: only they can turn them off.`;
  return removed > 0 ? "Scheduled runs are off." : "Scheduled runs were not on.";
}
