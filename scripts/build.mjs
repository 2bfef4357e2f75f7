// Builds the deployable Apps Script project into dist/ (the clasp rootDir): one bundled script with
// a top-level function declaration per entry point, the manifest, the HTML, one texts file per
// language (TextsEn.html, TextsNl.html: a script kept as HTML so that Apps Script does not parse it
// on every execution; shell/texts-file.ts evaluates it when an execution first needs a text), and
// one file per feature built apart (FeatureCustomers.html, FeatureRefresh.html, …: scripts/bundle.mjs,
// shell/feature-file.ts).
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { bundleEntry, bundleProject, FEATURE_GLOBAL, FEATURES, GLOBAL, SHARED_PARAMETER } from "./bundle.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist");
/** The global a texts file defines; shell/texts-file.ts reads `<TEXTS_GLOBAL>.texts`. */
const TEXTS_GLOBAL = "__mkpTexts";
const LANGUAGES = { en: "TextsEn", nl: "TextsNl" };

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const bundleOf = async (entry, globalName) => (await bundleEntry(root, entry, globalName)).text;
const project = await bundleProject(root);
const bundle = project.script.text;

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

// Each language's texts: loaded in an empty V8 context as the shell loads them (new Function, then
// the global's `texts`), they must define every catalogue, with the same keys in both languages.
const keysOf = (o) =>
  Object.keys(o)
    .sort()
    .map((k) => (o[k] !== null && typeof o[k] === "object" ? `${k}{${keysOf(o[k])}}` : k))
    .join(",");
const shapes = {};
const sizes = {};
for (const [language, file] of Object.entries(LANGUAGES)) {
  const source = await bundleOf(`src/texts/${language}.ts`, TEXTS_GLOBAL);
  const texts = vm.runInContext(
    `(new Function(${JSON.stringify(`${source}\nreturn ${TEXTS_GLOBAL}.texts;`)}))()`,
    vm.createContext({}),
  );
  if (!texts || typeof texts !== "object") throw new Error(`${file} defines no ${TEXTS_GLOBAL}.texts`);
  shapes[language] = Object.fromEntries(Object.keys(texts).map((name) => [name, keysOf(texts[name])]));
  writeFileSync(join(out, `${file}.html`), source);
  sizes[file] = Buffer.byteLength(source);
}
const names0 = Object.keys(shapes.en).sort().join(",");
if (Object.keys(shapes.nl).sort().join(",") !== names0)
  throw new Error("TextsEn and TextsNl hold other catalogues");
for (const name of Object.keys(shapes.en)) {
  if (shapes.en[name] !== shapes.nl[name])
    throw new Error(`catalogue ${name}: the two languages have other keys`);
}

// Each feature: evaluated as the shell evaluates it (new Function, handed the bundle's shared modules),
// it must export functions, and hold none of the script's modules.
for (const [name, { file }] of Object.entries(FEATURES)) {
  const { text } = project.features[name];
  const exports = vm.runInContext(
    `(new Function(${JSON.stringify(SHARED_PARAMETER)}, ${JSON.stringify(`${text}\nreturn ${FEATURE_GLOBAL};`)}))(${GLOBAL}.__shared)`,
    sandbox,
  );
  const fns = Object.keys(exports ?? {}).filter((k) => typeof exports[k] === "function");
  if (fns.length === 0) throw new Error(`${file} exports no function`);
  writeFileSync(join(out, `${file}.html`), text);
  sizes[file] = Buffer.byteLength(text);
}

const size = Buffer.byteLength(code);
console.log(
  `built dist/Code.js (${size} bytes, ${names.length} entry points: ${names.join(", ")}); ` +
    Object.entries(sizes)
      .map(([f, n]) => `${f}.html (${n} bytes)`)
      .join(", "),
);
