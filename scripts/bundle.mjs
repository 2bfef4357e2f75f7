// Bundles the script (src/main.ts → Code.js) and each feature built apart (core/features.ts): a
// feature's file holds only its own modules; every module the script has too is taken from the
// script at run time (the `__shared` export of Code.js, handed to the file as `__mkpShared`), so no
// module, and no module's state, exists twice. A module two features need goes into the script.
// Used by build.mjs (writes dist/) and size.mjs (reports bytes per module).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { build } from "esbuild";

export const GLOBAL = "__mkp";
/** The parameter and global of a feature file (src/shell/feature-file.ts). */
export const SHARED_PARAMETER = "__mkpShared";
export const FEATURE_GLOBAL = "__mkpFeature";
/** Features by name (core/features.ts FeatureName): entry module and project file. */
export const FEATURES = {
  customers: { entry: "src/customers-feature.ts", file: "FeatureCustomers" },
  lookups: { entry: "src/app/lookups-feature.ts", file: "FeatureLookups" },
  refresh: { entry: "src/app/refresh-feature.ts", file: "FeatureRefresh" },
  settings: { entry: "src/app/settings-feature.ts", file: "FeatureSettings" },
};

const OPTIONS = {
  bundle: true,
  format: "iife",
  target: "es2020",
  platform: "neutral",
  charset: "utf8",
  legalComments: "none",
  // Loaded on every execution (Code.js) or each time a run needs it: minified. No keepNames:
  // nothing reads a function's name at run time (the entry points are found by their exported
  // keys), and Apps Script's stack traces give file and line anyway.
  minify: true,
  write: false,
  metafile: true,
  logLevel: "warning",
};

const inputsOf = (result) => Object.keys(Object.values(result.metafile.outputs)[0].inputs);

/** One entry bundled as an IIFE defining `globalName`. */
export async function bundleEntry(root, entry, globalName, extra = {}) {
  const result = await build({
    ...OPTIONS,
    absWorkingDir: root,
    entryPoints: [join(root, entry)],
    globalName,
    ...extra,
  });
  return { text: result.outputFiles[0].text, result };
}

/**
 * Resolves imports of modules in `shared` (paths relative to root) to the script's own: as external
 * imports (`scan`: the output then names what each one imports), or as the module handed to the
 * file at run time, by its number in `ids`.
 */
function sharedPlugin(root, shared, ids) {
  return {
    name: "shared-modules",
    setup(b) {
      b.onResolve({ filter: /^\./ }, async (args) => {
        if (args.pluginData?.shared) return undefined;
        const hit = await b.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          pluginData: { shared: true },
        });
        if (hit.errors.length > 0) return { errors: hit.errors };
        const path = relative(root, hit.path);
        if (!shared.has(path)) return { path: hit.path };
        if (!ids) return { path, external: true };
        return { path, namespace: "mkp-shared" };
      });
      b.onLoad({ filter: /.*/, namespace: "mkp-shared" }, (args) => ({
        // A CommonJS module: esbuild reads its exports by property at each use, so they stay live.
        contents: `module.exports = ${SHARED_PARAMETER}[${ids?.get(args.path)}];`,
        loader: "js",
      }));
    },
  };
}

/** What a bundle imports from each external module: `import { a, b as c } from "…"`. */
function importedNames(text, names) {
  for (const m of text.matchAll(/import\s*(\*\s*as\s+\w+|\{[^}]*\})\s*from\s*"([^"]+)"/g)) {
    const list = names.get(m[2]) ?? new Set();
    names.set(m[2], list);
    if (m[1].startsWith("*")) list.add("*");
    else
      for (const spec of m[1].slice(1, -1).split(",")) {
        const name = spec.trim().split(/\s+as\s+/)[0];
        if (name) list.add(name);
      }
  }
}

/**
 * The script and the features. Returns Code.js's bundle (without the entry stubs), each feature's
 * source, and the modules of each.
 */
export async function bundleProject(root) {
  const first = await bundleEntry(root, "src/main.ts", GLOBAL);
  const shared = new Set(inputsOf(first.result));
  // Until no module is in two places: a module two features need goes into the script, and so do
  // the modules such a module brings into the script with it.
  for (let round = 0; round < 10; round++) {
    const names = new Map();
    for (const { entry } of Object.values(FEATURES)) {
      if (shared.has(entry)) throw new Error(`${entry} is imported by the script: load it as a feature`);
      const scan = await build({
        ...OPTIONS,
        absWorkingDir: root,
        entryPoints: [join(root, entry)],
        format: "esm",
        minify: false,
        plugins: [sharedPlugin(root, shared, null)],
      });
      importedNames(scan.outputFiles[0].text, names);
    }
    const used = [...names.keys()].sort();
    const ids = new Map(used.map((m, i) => [m, i]));
    const features = {};
    for (const [name, { entry }] of Object.entries(FEATURES)) {
      const { text, result } = await bundleEntry(root, entry, FEATURE_GLOBAL, {
        plugins: [sharedPlugin(root, shared, ids)],
      });
      features[name] = {
        text,
        modules: inputsOf(result).filter((p) => !p.startsWith("mkp-shared:")),
        result,
      };
    }
    const script = await bundleScript(root, used, names);
    const scriptModules = new Set(inputsOf(script));
    const seen = new Map();
    const twice = new Set();
    for (const [name, f] of Object.entries(features))
      for (const m of f.modules) {
        if (scriptModules.has(m) || (seen.has(m) && seen.get(m) !== name)) twice.add(m);
        seen.set(m, name);
      }
    if (twice.size === 0) return { script: { text: script.outputFiles[0].text, result: script }, features };
    for (const m of twice) shared.add(m);
  }
  throw new Error("the features' modules did not settle");
}

/**
 * Whether a module of src/ exports a `let` or `var`: `export let x`, or `let x` named in an
 * `export { … }` list (a name declared by `let` anywhere in the file counts: a getter too many
 * costs bytes only, one too few hands the features a stale value).
 */
export function exportsBindings(root) {
  const files = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
    );
  return files(join(root, "src")).some((f) => bindingExported(readFileSync(f, "utf8")));
}

/** One module's text: does it export a binding that may change? */
export function bindingExported(text) {
  if (/\bexport\s+(let|var)\b/.test(text)) return true;
  const bindings = new Set();
  // Every name in a `let` statement (`let a = f(x), b`): more than it declares, never fewer.
  for (const m of text.matchAll(/\b(?:let|var)\s+([^;]+)/g))
    for (const name of m[1].matchAll(/[A-Za-z_$][\w$]*/g)) bindings.add(name[0]);
  for (const m of text.matchAll(/\bexport\s*\{([^}]*)\}(?!\s*from)/g))
    for (const spec of m[1].split(",")) if (bindings.has(spec.trim().split(/\s+as\s+/)[0] ?? "")) return true;
  return false;
}

/**
 * Code.js's bundle: main.ts's exports, and `__shared`, by number the modules the features use, each
 * with only the names they import. While no module of src/ exports a `let` or `var` (a binding
 * that may change), exports never change, so their values are handed over as they are; otherwise
 * every one is read through a getter, live as an import is.
 */
async function bundleScript(root, used, names) {
  const lines = [`export * from ${JSON.stringify("./src/main.ts")};`];
  const live = exportsBindings(root);
  const entries = used.map((m, i) => {
    const list = [...(names.get(m) ?? [])];
    if (list.includes("*")) {
      lines.push(`import * as m${i} from ${JSON.stringify(`./${m}`)};`);
      return `m${i}`;
    }
    lines.push(
      `import { ${list.map((n, j) => `${n} as m${i}_${j}`).join(", ")} } from ${JSON.stringify(`./${m}`)};`,
    );
    const property = (n, j) => (live ? `get ${n}() { return m${i}_${j}; }` : `${n}: m${i}_${j}`);
    return `{${list.map(property).join(", ")}}`;
  });
  lines.push(`export const __shared = [${entries.join(", ")}];`);
  return build({
    ...OPTIONS,
    absWorkingDir: root,
    stdin: { contents: lines.join("\n"), resolveDir: root, sourcefile: "script-entry.js", loader: "js" },
    globalName: GLOBAL,
  });
}
