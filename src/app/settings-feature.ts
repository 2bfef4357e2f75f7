// The settings feature: what scripts/build.mjs builds into its own project file (FeatureSettings),
// read by core/features.ts only when a user sets or removes the API key, turns hourly runs on or off,
// or retries failed offers — a few executions in a team's day, against every menu opening and poll.

export {
  clearApiKey,
  clearApiKeyFromDialog,
  saveApiKey,
  saveApiKeyFromDialog,
  showApiKeyDialog,
} from "./api-key";
export { retryFailedOffers } from "./retry-failed";
export { disableScheduledRuns, enableScheduledRuns } from "./schedule-switch";
