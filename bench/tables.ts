// The benchmark's tables (markdown): product and naive runs, the comparison with the floors, and the
// executions of the 1,000-offer product run.

import type { ExecutionSummary, Measurement } from "./measure";
import { callsFloorMs, duration, floorMs, int, issueRateFloorMs } from "./report";

type Column<T> = [header: string, cell: (row: T, i: number) => string | number];

/** A markdown table of `rows`, one column per spec. */
export function columns<T>(rows: readonly T[], specs: Column<T>[]): string[] {
  const line = (cells: (string | number)[]) => `| ${cells.map(String).join(" | ")} |`;
  return [
    line(specs.map(([h]) => h)),
    line(specs.map(() => "---")),
    ...rows.map((r, i) => line(specs.map(([, cell]) => cell(r, i)))),
  ];
}

export const productTable = (product: Measurement[]): string[] =>
  columns(product, [
    ["offers", (m) => m.n],
    ["executions", (m) => m.executions],
    ["Spreadsheet calls (handles)", (m) => `${int(m.spreadsheetCalls)} (${int(m.handleCalls)})`],
    ["max / execution", (m) => m.maxSpreadsheetCallsPerExecution],
    ["flushes", (m) => m.flushes],
    ["UrlFetch round trips", (m) => m.roundTrips],
    ["requests (creates)", (m) => `${int(m.requests)} (${int(m.creates)})`],
    ["429s", (m) => m.rateLimited],
    ["simulated", (m) => duration(m.simulatedMs)],
    ["CPU ms", (m) => int(m.cpuMs)],
    ["created", (m) => `${m.created}${m.finished ? "" : " ✗ not finished"}`],
  ]);

const naiveResult = (m: Measurement): string =>
  m.finished
    ? "finished"
    : `did not finish, ${m.created} of ${m.n} after ${m.executions} executions; ` +
      `extrapolated ${duration(m.extrapolatedMs ?? 0)}`;

export const naiveTable = (naive: Measurement[]): string[] =>
  columns(naive, [
    ["offers", (m) => m.n],
    ["executions (killed)", (m) => `${m.executions} (${m.killed})`],
    ["Spreadsheet calls", (m) => int(m.spreadsheetCalls)],
    ["UrlFetch round trips", (m) => m.roundTrips],
    ["requests", (m) => m.requests],
    ["429s", (m) => m.rateLimited],
    ["duplicates", (m) => m.duplicates],
    ["simulated", (m) => duration(m.simulatedMs)],
    ["CPU ms", (m) => int(m.cpuMs)],
    ["result", naiveResult],
  ]);

export const FLOOR_NOTE = [
  "C(n), the unavoidable calls: 2 sheet reads + marking (setValues + flush) + one fetchAll per 60 +",
  "one write-back = 510 ms + 250 ms per extra 60 + 10 ms per request. Floor: the larger of C(n) and",
  "the rate limit — the double's windows are calendar minutes, the first one fresh at the start, so",
  "the last of ceil(n/60) windows opens ceil(n/60) − 1 minute boundaries after the start (a little",
  "less than (ceil(n/60) − 1) min, as the run starts seconds into a minute), + one fetchAll + one",
  "write-back. The issue's rate floor, n/60 min, is shown too (the 1,000-offer target uses it).",
];

export function floorTable(product: Measurement[], naive: Measurement[]): string[] {
  const naiveMs = (i: number): number => {
    const q = naive[i];
    return q ? (q.finished ? q.simulatedMs : (q.extrapolatedMs ?? 0)) : 0;
  };
  const approx = (i: number): string => (naive[i]?.finished === false ? "≈ " : "");
  const floor = (p: Measurement): number => floorMs(p.n, p.startedAt);
  return columns(product, [
    ["offers", (p) => p.n],
    ["product", (p) => duration(p.simulatedMs)],
    ["last create at", (p) => duration(p.lastCreateMs)],
    ["naive", (_, i) => `${approx(i)}${duration(naiveMs(i))}`],
    ["naive / product", (p, i) => `${approx(i)}${int(naiveMs(i) / p.simulatedMs)}×`],
    ["C(n)", (p) => duration(callsFloorMs(p.n))],
    ["floor", (p) => duration(floor(p))],
    ["product / floor", (p) => (p.simulatedMs / floor(p)).toFixed(3)],
    [
      "n/60 min (product / it)",
      (p) => `${duration(issueRateFloorMs(p.n))} (${(p.simulatedMs / issueRateFloorMs(p.n)).toFixed(3)})`,
    ],
  ]);
}

export const executionsTable = (runs: ExecutionSummary[]): string[] =>
  columns(runs, [
    ["#", (_, i) => i + 1],
    ["fn", (e) => e.fn],
    ["starts at", (e) => duration(e.at)],
    ["lasts", (e) => duration(e.ms)],
    ["slept", (e) => duration(e.sleptMs)],
    ["Spreadsheet calls", (e) => e.spreadsheet],
    ["round trips", (e) => e.roundTrips],
    ["creates", (e) => e.creates],
    ["other requests", (e) => e.otherRequests],
    ["outcome", (e) => e.outcome],
  ]);
