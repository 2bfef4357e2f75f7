// The customers feature's use cases, as app code sees them (its type): the feature's file is built
// from src/customers-feature.ts, which adds the sheet code (shell) that Set up sheets and the
// Customers sheets need.

export { resolveNamedCustomers } from "./customer-step";
export { syncCustomersRun } from "./sync-customers";
