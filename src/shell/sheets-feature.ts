// The sheets feature: what scripts/build.mjs builds into its own project file (FeatureSheets), read
// by core/features.ts only when a run needs it (Set up sheets, a run that reads Customers).

export { spreadsheetCustomerSheets } from "./customers-sheet";
export { setupSheets } from "./setup-sheets";
