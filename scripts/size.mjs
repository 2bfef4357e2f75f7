// Reports what makes up the built project: the bytes of dist/Code.js (parsed on every execution), of
// each language file (dist/TextsEn.html, TextsNl.html: read only when a run first shows a text) and
// each feature file (read only by the runs that use it), then, from scripts/bundle.mjs (the build's
// own bundling), the minified bytes each module adds to Code.js and to each feature, largest first.
// `npm run size [-- --all]` (run `npm run build` first).
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleProject } from "./bundle.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const all = process.argv.includes("--all");
const dist = join(root, "dist");
const built = existsSync(dist)
  ? readdirSync(dist).filter((f) => f === "Code.js" || /^(Texts|Feature)/.test(f))
  : [];
if (built.length === 0) console.log("dist/ not built (npm run build)");
for (const file of built.sort())
  console.log(`dist/${file.padEnd(22)} ${statSync(join(dist, file)).size} bytes`);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const report = (title, result, top) => {
  const output = Object.values(result.metafile.outputs)[0];
  const rows = Object.entries(output.inputs)
    .map(([file, { bytesInOutput }]) => ({ file, bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  console.log(`${title} ${kb(output.bytes)} in ${rows.length} modules`);
  for (const r of all ? rows : rows.slice(0, top)) console.log(`${kb(r.bytes).padStart(9)}  ${r.file}`);
};
const project = await bundleProject(root);
report("Code.js (without the entry stubs):", project.script.result, 30);
for (const [name, f] of Object.entries(project.features)) report(`feature ${name}:`, f.result, 8);
