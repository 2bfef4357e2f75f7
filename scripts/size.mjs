// Reports what makes up the bundle: builds src/main.ts as scripts/build.mjs does (same minify options)
// and lists the minified bytes each module contributes, largest first. `npm run size [-- --all]`.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const all = process.argv.includes("--all");
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
