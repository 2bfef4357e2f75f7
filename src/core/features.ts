// Code loaded on demand. Apps Script parses every script file on every execution (a menu opening, a
// sidebar poll), so the parts few executions need (customer names, the set-up of sheets) are built
// into project files of their own and read through a loader the shell registers (a port), once per
// execution and only when first used. Like the texts (language.ts): the modules they share with
// the script are the script's own, so no state is held twice.

/** The features built apart (scripts/build.mjs FEATURES), by name. */
export type FeatureName = "customers" | "lookups" | "refresh" | "settings";

/** Reads one feature's exports (the shell evaluates a project file; tests require the module). */
export type FeatureLoader = (name: FeatureName) => object;

let loader: FeatureLoader | null = null;
let loaded: Partial<Record<FeatureName, object>> = {};

/** Registers how features are read; registering the same loader again keeps what it already read. */
export function useFeatureLoader(load: FeatureLoader): void {
  if (load === loader) return;
  loader = load;
  loaded = {};
}

/**
 * A feature's exports, read the first time an execution asks for it: `feature<typeof import(…)>(…)`.
 * The type is the caller's: this module knows the names only.
 */
export function feature<T extends object>(name: FeatureName): T {
  let exports = loaded[name];
  if (exports === undefined) {
    if (loader === null) throw new Error("No feature loader is registered (useFeatureLoader)");
    exports = loader(name);
    loaded[name] = exports;
  }
  return exports as T;
}
