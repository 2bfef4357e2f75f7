// The issue's targets: each is checked against the measurements and printed with its result; any
// miss makes `npm run bench` exit with code 1.

import type { Measurement } from "./measure";
import { duration, int, issueRateFloorMs } from "./report";

/** Loading the bundle and running onOpen: real ms (median), service calls while loading. */
export interface Load {
  medianMs: number;
  loadCalls: number;
  error?: string;
}

export const targets: { what: string; result: string; ok: boolean }[] = [];
export const target = (what: string, ok: boolean, result: string) => targets.push({ what, result, ok });

export const MAX_SHEET_CALLS_PER_EXECUTION = 60;
export const BUNDLE_LIMIT = 100 * 1000;

export function checkTargets(product: Measurement[], naive: Measurement[], bundle: number, load: Load): void {
  const p50 = product.find((m) => m.n === 50);
  const n50 = naive.find((m) => m.n === 50);
  if (p50 && n50) {
    target("50 offers: one execution", p50.executions === 1 && p50.finished, `${p50.executions}`);
    target("50 offers: one UrlFetch round trip", p50.roundTrips === 1, `${p50.roundTrips}`);
    // Every call that reaches the spreadsheet: handles (getSheetByName, getRange, …) and flushes too.
    const every = p50.spreadsheetCalls + p50.handleCalls + p50.flushes;
    target(
      "50 offers: ≤ 20 Spreadsheet calls, counting every call (handles, flushes)",
      every <= 20,
      `${every} (${p50.spreadsheetCalls} + ${p50.handleCalls} handles + ${p50.flushes} flushes)`,
    );
    target("50 offers: ≤ 2.5 s simulated", p50.simulatedMs <= 2500, duration(p50.simulatedMs));
    const ratio = n50.simulatedMs / p50.simulatedMs;
    target(
      "50 offers: ≥ 100× faster than naive",
      n50.finished && ratio >= 100,
      `${int(ratio)}× (naive ${duration(n50.simulatedMs)})`,
    );
  }
  const p1k = product.find((m) => m.n === 1000);
  if (p1k) {
    const floor = issueRateFloorMs(1000);
    target(
      "1,000 offers: all created, no continuation trigger left",
      p1k.finished && p1k.triggersLeft === 0 && p1k.duplicates === 0,
      `${p1k.created} created, ${p1k.triggersLeft} triggers left, ${p1k.duplicates} duplicates, ${p1k.executions} executions`,
    );
    target(
      "1,000 offers: within 5% of the rate floor (1000/60 min)",
      p1k.simulatedMs <= floor * 1.05,
      `${duration(p1k.simulatedMs)} = ${(p1k.simulatedMs / floor).toFixed(3)} × ${duration(floor)}`,
    );
    target(
      "1,000 offers: ≤ 5 429s met, none unhonoured",
      p1k.rateLimited <= 5 && p1k.unhonoured === 0,
      `${p1k.rateLimited} met, ${p1k.unhonoured} unhonoured`,
    );
    target(
      `1,000 offers: ≤ ${MAX_SHEET_CALLS_PER_EXECUTION} Spreadsheet calls per execution`,
      p1k.maxSpreadsheetCallsPerExecution <= MAX_SHEET_CALLS_PER_EXECUTION,
      `max ${p1k.maxSpreadsheetCallsPerExecution}`,
    );
  }
  const bad = product.filter((m) => !m.finished || m.killed > 0 || m.failed.length > 0);
  target(
    "every product run: all created, no execution killed or failed",
    bad.length === 0,
    bad
      .map((m) => `${m.n}: ${m.created} created; ${m.failed.join("; ") || `${m.killed} killed`}`)
      .join(", ") || "yes",
  );
  target("bundle under 100 KB", bundle < BUNDLE_LIMIT, `${(bundle / 1000).toFixed(1)} KB`);
  const loadCalls = load.loadCalls + product.reduce((a, m) => a + m.loadCalls, 0);
  target(
    "loading does no service call",
    loadCalls === 0 && !load.error,
    `${loadCalls} calls${load.error ? `, onOpen: ${load.error}` : ""}`,
  );
}
