// The customers feature: what scripts/build.mjs builds into its own project file (FeatureCustomers),
// read by core/features.ts only when a run needs it — offers naming a customer by name, the customer
// sync, the Customers sheets, and Set up sheets (which sets up the customers' sheets too). One file for
// the use cases (app) and the sheet code they and Set up sheets use (shell): the modules both need,
// such as the customer columns and name matching, are then in this file only, not in Code.js.

export { resolveNamedCustomers, syncCustomersRun } from "./app/customers-feature";
export { spreadsheetCustomerSheets } from "./shell/customers-sheet";
export { setupSheets } from "./shell/setup-sheets";
