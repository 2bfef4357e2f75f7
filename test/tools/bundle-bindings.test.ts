// scripts/bundle.mjs hands the features Code.js's module exports as values unless a module exports a
// binding that may change: that check must see every form of such an export, or a feature would
// keep a stale value while the build passes.

import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { expect, test } from "@jest/globals";

const BUNDLE = join(__dirname, "..", "..", "scripts", "bundle.mjs");

/** bindingExported(text) for each text, run as the build runs it (an ES module under node). */
function verdicts(texts: string[]): boolean[] {
  const script = `import(${JSON.stringify(BUNDLE)}).then((b) => console.log(JSON.stringify(${JSON.stringify(texts)}.map(b.bindingExported))))`;
  const run = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  expect(run.stderr).toBe("");
  return JSON.parse(run.stdout) as boolean[];
}

test("a let or var exported directly or through an export list is a binding; consts and locals are not", () => {
  const changing = [
    "export let current = 1;",
    "export var x;",
    "let current = 1;\nexport { current };",
    "let a: number | null = null, loaded = {};\nexport { loaded as cache };",
  ];
  const fixed = [
    "export const a = 1;",
    "const a = 1;\nexport { a };",
    "let q = 1;\nexport { q } from './elsewhere';",
    "export function f() { return 1; }",
  ];
  expect(verdicts([...changing, ...fixed])).toEqual([true, true, true, true, false, false, false, false]);
});
