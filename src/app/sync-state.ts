// When the customer list was last synced, and whether a sync is due: read by every hourly run, so it
// lives apart from the sync itself (which is loaded only when it runs: core/features.ts).

import type { RunContext } from "../core/ports";
import { CUSTOMER_SYNC, type CustomerSyncState, loadState } from "../core/state-keys";

/** A synced Customers sheet older than this is synced again before names are looked up. */
export const SYNC_MAX_AGE_MS = 24 * 3_600_000;

export const syncState = (ctx: RunContext): CustomerSyncState =>
  loadState(ctx.stores, CUSTOMER_SYNC) ?? { pass: null, completedAt: null, pages: null, provenAt: null };

/** True when the sheet was last synced more than a day ago (or never), or a pass is under way. */
export function syncDue(ctx: RunContext): boolean {
  const s = syncState(ctx);
  return s.pass !== null || s.completedAt === null || ctx.clock.now() - s.completedAt > SYNC_MAX_AGE_MS;
}
