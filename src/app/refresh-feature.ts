// The refresh feature: what scripts/build.mjs builds into its own project file (FeatureRefresh),
// read by core/features.ts only when a run refreshes statuses (the menu's refresh, hourly runs).

export { refreshOutcome, refreshStatuses, SCHEDULED_REFRESH_OPTIONS } from "./refresh-statuses";
