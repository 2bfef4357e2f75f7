// Reports what makes up the built project: the bytes of dist/Code.js (parsed on every execution) and
// of each language file (dist/TextsEn.html, TextsNl.html: read only when a run first shows a text),
// then, from a build of src/main.ts with the same options as scripts/build.mjs, the minified bytes
// each module adds to Code.js, largest first. `npm run size [-- --all]` (run `npm run build` first).
import { existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const all = process.argv.includes("--all");
for (const file of ["Code.js", "TextsEn.html", "TextsNl.html"]) {
  const path = join(root, "dist", file);
  console.log(`dist/${file.padEnd(13)} ${existsSync(path) ? `${statSync(path).size} bytes` : "not built"}`);
}
const result = await build({
  entryPoints: [join(root, "src/main.ts")],
  bundle: true,
  format: "iife",
  globalName: "__mkp",
  target: "es2020",
  platform: "neutral",
  charset: "utf8",
  legalComments: "none",
  minify: true,
  write: false,
  metafile: true,
  logLevel: "warning",
});
const output = Object.values(result.metafile.outputs)[0];
const rows = Object.entries(output.inputs)
  .map(([file, { bytesInOutput }]) => ({ file, bytes: bytesInOutput }))
  .sort((a, b) => b.bytes - a.bytes);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`bundle ${kb(output.bytes)} in ${rows.length} modules (dist/Code.js adds the entry stubs)`);
for (const r of all ? rows : rows.slice(0, 30)) console.log(`${kb(r.bytes).padStart(9)}  ${r.file}`);
