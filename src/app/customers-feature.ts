// The customers feature: what scripts/build.mjs builds into its own project file (FeatureCustomers),
// read by core/features.ts only when a run needs it (offers naming a customer by name, a sync).

export { resolveNamedCustomers } from "./customer-step";
export { syncCustomersRun } from "./sync-customers";
