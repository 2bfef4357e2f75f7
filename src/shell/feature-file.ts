// Reads a feature's code from its project file (FeatureCustomers, FeatureRefresh, …: built by
// scripts/build.mjs) when a run first needs it, as the texts are read (texts-file.ts). The file's
// script refers to the modules it shares with Code.js by name: it is handed Code.js's own (the
// `__shared` export of the bundle), so those modules and their state exist once.

import { type FeatureLoader, type FeatureName, useFeatureLoader } from "../core/features";

const FILES: Readonly<Record<FeatureName, string>> = {
  customers: "FeatureCustomers",
  lookups: "FeatureLookups",
  refresh: "FeatureRefresh",
  settings: "FeatureSettings",
};
/** The global Code.js defines (scripts/build.mjs GLOBAL) and the one a feature file defines. */
const SCRIPT_GLOBAL = "__mkp";
export const FEATURE_GLOBAL = "__mkpFeature";
/** The parameter a feature file reads the shared modules from (scripts/build.mjs). */
export const SHARED_PARAMETER = "__mkpShared";

const readFeature: FeatureLoader = (name) => {
  const script = (globalThis as Record<string, unknown>)[SCRIPT_GLOBAL] as { __shared?: object } | undefined;
  const shared = script?.__shared;
  if (!shared)
    throw new Error(`${SCRIPT_GLOBAL}.__shared is missing: Code.js was not built by scripts/build.mjs`);
  const source = HtmlService.createHtmlOutputFromFile(FILES[name]).getContent();
  // The project's own build output, not user input (see texts-file.ts on `new Function`).
  return new Function(SHARED_PARAMETER, `${source}\nreturn ${FEATURE_GLOBAL};`)(shared) as object;
};

/** Registers the loader (once per execution; nothing is read before a feature is first used). */
export function useProjectFeatures(): void {
  useFeatureLoader(readFeature);
}
