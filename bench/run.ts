// `npm run bench`: the built bundle and a naive baseline, in the local Apps Script runtime against
// the MKP double over HTTP; prints the tables and the targets, exits 1 on a miss.
// `npm run bench -- --only <section>[,<section>]` runs some sections; `--save` writes bench/RESULTS.md
// (tracked: only when the figures are meant to be committed); every run writes bench/out/latest.md.

import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { useModuleTexts } from "../test/fixtures/texts-loader";
import { DEFAULT_COSTS, GasRuntime } from "../tools/gas-runtime";
import { startMkpDouble } from "../tools/mkp-double/client";
import { answers } from "./answers";
import { customers } from "./customers";
import { largeAccount } from "./large-account";
import { DIST, type Measurement, measureNaive, measureProduct } from "./measure";
import { pacing } from "./pacing";
import { costModelProblems, int } from "./report";
import { sidebar } from "./sidebar";
import { columns, executionsTable, FLOOR_NOTE, floorTable, naiveTable, productTable } from "./tables";
import { checkTargets, type Load, target, targets } from "./targets";
import { values } from "./values";
import { SIZES, spreadsheet } from "./workloads";

const out: string[] = [];
const say = (...lines: string[]) => {
  for (const l of lines) console.log(l);
  out.push(...lines);
};
export type Say = typeof say;

/**
 * The benchmark's sections, each printing its tables and recording its targets. A topic adds one
 * here (bench/<topic>.ts exporting `async (say) => void`, using `target` from ./targets).
 */
const SECTIONS: { name: string; run: (say: Say) => Promise<void> }[] = [
  { name: "batches", run: batches },
  { name: "pacing", run: pacing },
  { name: "values", run: values },
  { name: "answers", run: answers },
  { name: "sidebar", run: sidebar },
  { name: "large-account", run: largeAccount },
  { name: "customers", run: customers },
];

function chosenSections(argv: readonly string[]): typeof SECTIONS {
  const i = argv.indexOf("--only");
  if (i < 0) return SECTIONS;
  const names = (argv[i + 1] ?? "").split(",").filter(Boolean);
  const unknown = names.filter((n) => !SECTIONS.some((s) => s.name === n));
  if (unknown.length > 0 || names.length === 0) {
    throw new Error(`--only takes a comma-separated list of: ${SECTIONS.map((s) => s.name).join(", ")}`);
  }
  return SECTIONS.filter((s) => names.includes(s.name));
}

/** Each language's texts: project files read only by the executions that show a text, in their language. */
const TEXTS_FILES = ["TextsEn.html", "TextsNl.html"];

/** Real ms to load the bundle and run onOpen (LIMITED), median of `times`; and any load-phase call. */
function measureLoad(times = 7): Load {
  const samples: number[] = [];
  let loadCalls = 0;
  let error: string | undefined;
  for (let i = 0; i < times; i++) {
    const ss = spreadsheet(1);
    const t0 = performance.now();
    const rt = new GasRuntime({ distDir: DIST, spreadsheet: ss });
    const r = rt.run("onOpen", [{ authMode: "LIMITED" }], { authMode: "LIMITED" });
    samples.push(performance.now() - t0);
    loadCalls += r.calls.filter((c) => c.phase === "load").length;
    if (r.error) error = r.error.message;
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[Math.floor(samples.length / 2)] ?? 0, loadCalls, ...(error ? { error } : {}) };
}

async function main(): Promise<void> {
  const realStart = performance.now();
  // Sections that call core directly (values, answers) read the texts from the language modules.
  useModuleTexts();
  const sections = chosenSections(process.argv.slice(2));
  say("# Benchmark: offers from a Google Sheet into MijnKlantportaal", "");
  for (const section of sections) await section.run(say);
  say("", "## Targets", "");
  say(
    ...columns(targets, [
      ["target", (t) => t.what],
      ["result", (t) => t.result],
      ["", (t) => (t.ok ? "✓" : "✗")],
    ]),
  );
  say("", `Real time of the benchmark: ${((performance.now() - realStart) / 1000).toFixed(0)} s`);
  const text = `${out.join("\n")}\n`;
  mkdirSync(join(__dirname, "out"), { recursive: true });
  writeFileSync(join(__dirname, "out", "latest.md"), text);
  if (process.argv.includes("--save")) writeFileSync(join(__dirname, "RESULTS.md"), text);

  const missed = targets.filter((t) => !t.ok);
  if (missed.length > 0) {
    console.error(`\n✗✗✗ ${missed.length} TARGET(S) MISSED ✗✗✗`);
    for (const t of missed) console.error(`  ✗ ${t.what}: ${t.result}`);
    process.exitCode = 1;
  }
}

/** Batches of 10 to 1,000 offers, product against the naive baseline; the bundle's size and load. */
async function batches(say: Say): Promise<void> {
  say(`Cost model (DEFAULT_COSTS, virtual ms per call): \`${JSON.stringify(DEFAULT_COSTS)}\``);
  const problems = costModelProblems();
  say(`Cost model no kinder than the issue's: ${problems.length === 0 ? "✓" : `✗ ${problems.join("; ")}`}`);
  target("cost model no kinder than the issue's", problems.length === 0, problems.join("; ") || "as stated");
  say(
    "",
    "Workloads: n offers × 2 lines, customer cst_demo0001, the double's default config (60 requests/min).",
  );

  const api = await startMkpDouble();
  const product: Measurement[] = [];
  const naive: Measurement[] = [];
  try {
    for (const n of SIZES) product.push(await measureProduct(api, n));
    for (const n of SIZES) naive.push(await measureNaive(api, n));
  } finally {
    await api.stop();
  }

  say("", "## Product (menu createPendingOffers + continuation triggers; setupSheets not counted)", "");
  say(...productTable(product));
  say("", "## Naive baseline (bench/naive/Code.js: getValue/setValue per cell, a fetch per offer)", "");
  say(...naiveTable(naive));
  say("", "Naive runs are capped at 400 executions or 3 real minutes; an unfinished one is extrapolated at");
  say("the rate of its last execution (a low estimate: skipping the rows already done costs more each run).");
  say("", "## Product vs naive, and vs the floor", "", ...FLOOR_NOTE, "");
  say(...floorTable(product, naive));
  const p50 = product.find((m) => m.n === 50)?.perExecution[0];
  if (p50) {
    say("", "## Product, 50 offers: every call that reaches the spreadsheet, in order", "");
    say(p50.sheetCalls.map((c, i) => `${i + 1}. ${c}`).join(" · "));
  }
  const big = product.find((m) => m.n === 1000);
  if (big) say("", "## Product, 1,000 offers: the executions", "", ...executionsTable(big.perExecution));

  const bundle = statSync(join(DIST, "Code.js")).size;
  const load = measureLoad();
  const runLoadCalls = product.reduce((a, m) => a + m.loadCalls, 0);
  say("", "## Bundle", "");
  say(`dist/Code.js: ${int(bundle)} bytes (${(bundle / 1000).toFixed(1)} KB), parsed on every execution`);
  for (const file of TEXTS_FILES) {
    const size = statSync(join(DIST, file)).size;
    say(
      `dist/${file}: ${int(size)} bytes (${(size / 1000).toFixed(1)} KB), read when a run first shows a text`,
    );
  }
  say(
    `Load + onOpen (LIMITED), real ms, median of 7: ${load.medianMs.toFixed(1)}${load.error ? ` (error: ${load.error})` : ""}`,
  );
  say(`Service calls while loading: ${load.loadCalls} (onOpen), ${runLoadCalls} (all product executions)`);

  checkTargets(product, naive, bundle, load);
}

main().catch((e: unknown) => {
  console.error("✗✗✗ BENCHMARK FAILED ✗✗✗", e);
  process.exitCode = 1;
});
