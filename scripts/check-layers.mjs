// Checks the direction of imports (docs/architecture.md): core imports neither app nor shell, shell
// does not import app, and nothing in src imports main.ts. Run by `npm test` (lint step).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const SRC = join(import.meta.dirname, "..", "src");
const FORBIDDEN = { core: ["app", "shell", "ui"], shell: ["app"], app: [] };

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

const problems = [];
for (const file of files(SRC)) {
  const layer = relative(SRC, file).split("/")[0];
  const text = readFileSync(file, "utf8");
  for (const m of text.matchAll(/from\s+"(\.[^"]+)"/g)) {
    const target = relative(SRC, join(file, "..", m[1])).split("/")[0];
    if ((FORBIDDEN[layer] ?? []).includes(target) || target === "main")
      problems.push(`${relative(SRC, file)} imports ${m[1]} (${layer} must not import ${target})`);
  }
}
if (problems.length > 0) {
  console.error(`Layer check failed:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(`Layer check: ${files(SRC).length} files, imports point inwards only.`);
