// The scheduled run: create pending offers, then refresh statuses with what is left of the
// execution (offers created in the last hour wait for a later run), and once a day sync the
// customer list, as one Run log row.

import { feature } from "../core/features";
import type { RunContext } from "../core/ports";
import { sentences } from "../core/texts";
import { createOffers } from "./create-offers";
import type { RunOutcome } from "./run-outcome";
import { syncDue } from "./sync-state";

type CustomersFeature = typeof import("./customers-feature");
type RefreshFeature = typeof import("./refresh-feature");

export function scheduledBatch(ctx: RunContext): RunOutcome {
  const created = createOffers(ctx, false);
  // Offers still waiting to be created come first: the refresh waits for a later execution. The
  // daily UrlFetch quota ends the run: nothing else is tried against it.
  if (created.stopped || created.continueAt !== undefined || created.quotaUsed) return created;
  const refresh = feature<RefreshFeature>("refresh");
  const refreshed = refresh.refreshOutcome(
    ctx,
    refresh.refreshStatuses(ctx, refresh.SCHEDULED_REFRESH_OPTIONS),
  );
  // At most once a day (or to finish a pass under way), with what is left of the execution.
  if (!refreshed.stopped && refreshed.continueAt === undefined && !refreshed.quotaUsed && syncDue(ctx)) {
    const synced = feature<CustomersFeature>("customers").syncCustomersRun(ctx);
    return {
      counts: created.counts,
      message: sentences(created.message, refreshed.message, synced.message),
      progress: created.progress !== false || synced.progress !== false,
      ...(synced.continueAt !== undefined ? { continueAt: synced.continueAt } : {}),
    };
  }
  return {
    counts: created.counts,
    message: sentences(created.message, refreshed.message),
    progress: created.progress !== false || refreshed.progress !== false,
    ...(refreshed.stopped ? { stopped: true } : {}),
    ...(refreshed.keyRefused ? { keyRefused: true } : {}),
    ...(refreshed.continueAt !== undefined ? { continueAt: refreshed.continueAt } : {}),
  };
}
