// Builds the deployable Apps Script project into dist/ (the clasp rootDir):
// one bundled script with a top-level function declaration per entry point, the manifest and the HTML.
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist");
const GLOBAL = "__mkp";

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const result = await build({
  entryPoints: [join(root, "src/main.ts")],
  bundle: true,
  format: "iife",
  globalName: GLOBAL,
  target: "es2020",
  platform: "neutral",
  charset: "utf8",
  legalComments: "none",
  // The whole bundle is loaded on every execution, so it is minified. No keepNames: nothing reads a
  // function's name at run time (the entry points are found by their exported keys, below), and Apps
  // Script's stack traces give file and line anyway.
  minify: true,
  write: false,
  logLevel: "warning",
});
const bundle = result.outputFiles[0].text;

// Find the entry points by loading the bundle in an empty V8 context: loading must do nothing but
// define things, so any service call at load time fails the build here.
const sandbox = vm.createContext({});
vm.runInContext(bundle, sandbox, { filename: "bundle.js" });
const exported = sandbox[GLOBAL];
const names = Object.keys(exported).filter((n) => typeof exported[n] === "function");
if (names.length === 0) throw new Error("src/main.ts exports no entry point");

const stubs = names
  .map((n) => {
    const arity = exported[n].length;
    const params = Array.from({ length: arity }, (_, i) => `a${i}`).join(", ");
    return `function ${n}(${params}){return ${GLOBAL}.${n}.apply(this,arguments)}`;
  })
  .join("\n");
const code = `// MijnKlantportaal offers: built by scripts/build.mjs from src/ — do not edit.\n${stubs}\n${bundle}`;
writeFileSync(join(out, "Code.js"), code);
copyFileSync(join(root, "appsscript.json"), join(out, "appsscript.json"));
for (const f of readdirSync(join(root, "src/ui"))) {
  if (f.endsWith(".html")) copyFileSync(join(root, "src/ui", f), join(out, f));
}
const size = Buffer.byteLength(code);
console.log(
  `built dist/Code.js (${(size / 1024).toFixed(1)} KB, ${names.length} entry points: ${names.join(", ")})`,
);
