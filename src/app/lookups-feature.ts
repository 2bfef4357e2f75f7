// The lookups feature: what scripts/build.mjs builds into its own project file (FeatureLookups), read
// by core/features.ts only when a run walks the list of offers (a row to look up, a refresh).

export { OfferList } from "./offer-list";
