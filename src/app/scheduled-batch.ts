// The scheduled run: create pending offers, then refresh statuses with what is left of the
// execution, as one Run log row.

import type { RunContext } from "../core/ports";
import { sentences } from "../core/texts";
import { createOffers } from "./create-offers";
import { refreshOutcome, refreshStatuses } from "./refresh-statuses";
import type { RunOutcome } from "./run-outcome";

export function scheduledBatch(ctx: RunContext): RunOutcome {
  const created = createOffers(ctx, false);
  // Offers still waiting to be created come first: the refresh waits for a later execution.
  if (created.stopped || created.continueAt !== undefined) return created;
  const refreshed = refreshOutcome(ctx, refreshStatuses(ctx));
  return {
    counts: created.counts,
    message: sentences(created.message, refreshed.message),
    progress: created.progress !== false || refreshed.progress !== false,
    ...(refreshed.stopped ? { stopped: true } : {}),
    ...(refreshed.continueAt !== undefined ? { continueAt: refreshed.continueAt } : {}),
  };
}
