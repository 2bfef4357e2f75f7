// Builds the deployable Apps Script project into dist/ (the clasp rootDir): one bundled script with
// a top-level function declaration per entry point, the manifest, the HTML, and one texts file per
// language (TextsEn.html, TextsNl.html: a script kept as HTML so that Apps Script does not parse it
// on every execution; shell/texts-file.ts evaluates it when an execution first needs a text).
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist");
const GLOBAL = "__mkp";
/** The global a texts file defines; shell/texts-file.ts reads `<TEXTS_GLOBAL>.texts`. */
const TEXTS_GLOBAL = "__mkpTexts";
const LANGUAGES = { en: "TextsEn", nl: "TextsNl" };

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const bundleOf = async (entry, globalName) => {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: "iife",
    globalName,
    target: "es2020",
    platform: "neutral",
    charset: "utf8",
    legalComments: "none",
    // The bundle is loaded on every execution, so it is minified. No keepNames: nothing reads a
    // function's name at run time (the entry points are found by their exported keys, below), and
    // Apps Script's stack traces give file and line anyway.
    minify: true,
    write: false,
    logLevel: "warning",
  });
  return result.outputFiles[0].text;
};
const bundle = await bundleOf("src/main.ts", GLOBAL);

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

const size = Buffer.byteLength(code);
console.log(
  `built dist/Code.js (${size} bytes, ${names.length} entry points: ${names.join(", ")}); ` +
    Object.entries(sizes)
      .map(([f, n]) => `${f}.html (${n} bytes)`)
      .join(", "),
);
