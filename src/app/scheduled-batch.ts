// The scheduled run: create pending offers, then refresh statuses with what is left of the
// execution, as one Run log row; and the Run log outcome of a refresh on its own.

import { emptyCounts } from "../core/plan-run";
import type { RunContext } from "./context";
import { createOffers } from "./create-offers";
import { type RefreshResult, refreshStatuses } from "./refresh-statuses";
import type { RunOutcome } from "./run-action";

export function refreshOutcome(ctx: RunContext, result: RefreshResult | { stopped: string }): RunOutcome {
  if ("stopped" in result) return { counts: emptyCounts(), message: result.stopped, stopped: true };
  if (result.unauthorized) {
    return {
      counts: emptyCounts(),
      message: `MijnKlantportaal refused the API key. Use MijnKlantportaal › Set API key… to enter it again. ${result.message}`,
      stopped: true,
    };
  }
  return {
    counts: { ...emptyCounts(), pending: result.left },
    message: result.message,
    progress: result.progress,
    ...(result.moreWork ? { continueAt: ctx.now() } : {}),
  };
}

export function scheduledBatch(ctx: RunContext): RunOutcome {
  const created = createOffers(ctx, false);
  // Offers still waiting to be created come first: the refresh waits for a later execution.
  if (created.stopped || created.continueAt !== undefined) return created;
  const refreshed = refreshOutcome(ctx, refreshStatuses(ctx));
  return {
    counts: created.counts,
    message: `${created.message}. ${refreshed.message}`,
    progress: created.progress !== false || refreshed.progress !== false,
    ...(refreshed.stopped ? { stopped: true } : {}),
    ...(refreshed.continueAt !== undefined ? { continueAt: refreshed.continueAt } : {}),
  };
}
