// Runs one workload through the product (menu run + continuation triggers) or the naive baseline
// (run again after every time-limit kill), and collects calls, time, requests and 429s.

import { join } from "node:path";
import { callKind, type ExecutionResult, type GasRuntime } from "../tools/gas-runtime";
import type { DoubleClient, ReceivedRequest } from "../tools/mkp-double/client";
import { nextWindow } from "../tools/mkp-double/rate-limit";
import { API_KEY, column, runtime, spreadsheet } from "./workloads";

export const DIST = join(__dirname, "..", "dist");
export const NAIVE = join(__dirname, "naive");

export interface Measurement {
  n: number;
  executions: number;
  /** Executions ended by "Exceeded maximum execution time". */
  killed: number;
  /** Executions that ended with another error. */
  failed: string[];
  spreadsheetCalls: number;
  handleCalls: number;
  flushes: number;
  /** UrlFetchApp.fetch + fetchAll calls. */
  roundTrips: number;
  requests: number;
  /** POST /customer-offers/manual requests. */
  creates: number;
  rateLimited: number;
  /** 429s after which a request went out before the window reset. */
  unhonoured: number;
  duplicates: number;
  /** Virtual epoch ms when the first execution started. */
  startedAt: number;
  /** First execution start → last execution end, virtual ms. */
  simulatedMs: number;
  /** First execution start → the last create request, virtual ms. */
  lastCreateMs: number;
  cpuMs: number;
  created: number;
  finished: boolean;
  /** Continuation triggers still installed at the end (product). */
  triggersLeft: number;
  maxSpreadsheetCallsPerExecution: number;
  /** Service calls made while the bundle was loading, in every execution. */
  loadCalls: number;
  /** When not finished: the time to finish at the rate of the last execution. */
  extrapolatedMs?: number;
  perExecution: ExecutionSummary[];
}

export interface ExecutionSummary {
  fn: string;
  /** Start, virtual ms after the first execution started. */
  at: number;
  ms: number;
  spreadsheet: number;
  roundTrips: number;
  /** Requests the double received during the execution: creates, and others (status refresh). */
  creates: number;
  otherRequests: number;
  sleptMs: number;
  outcome: string;
  /** "Range.setValues ×3, …" */
  calls: string;
  /** Every call that reaches the spreadsheet (handles and flushes too), in order: "Sheet.getDataRange". */
  sheetCalls: string[];
}

/**
 * A control call to the double after a long synchronous run: the double may have closed the idle
 * keep-alive socket meanwhile (undici then fails with "other side closed"), so let the event loop
 * see that first, and try once more.
 */
async function control<T>(call: () => Promise<T>): Promise<T> {
  await new Promise((resolve) => setTimeout(resolve, 5));
  try {
    return await call();
  } catch {
    await new Promise((resolve) => setTimeout(resolve, 100));
    return call();
  }
}

const kindCount = (r: ExecutionResult, kind: string): number =>
  r.calls.filter((c) => callKind(c.service, c.method) === kind).length;

const isCreate = (r: ReceivedRequest): boolean =>
  r.method === "POST" && r.path.endsWith("/customer-offers/manual");

function summary(r: ExecutionResult, first: number, requests: ReceivedRequest[]): ExecutionSummary {
  const sleeps = r.calls
    .map((c, i) => (callKind(c.service, c.method) === "sleep" ? i : -1))
    .filter((i) => i >= 0);
  const sleptMs = sleeps.reduce(
    (a, i) => a + (r.calls[i + 1]?.atMs ?? r.endedAt) - (r.calls[i]?.atMs ?? 0),
    0,
  );
  const counted = Object.entries(r.counts).filter(([key]) => {
    const kind = callKind(key.split(".")[0] ?? "", key.split(".")[1] ?? "");
    return kind !== "spreadsheet-handle" && kind !== "other";
  });
  const during = requests.filter((q) => q.at >= r.startedAt && q.at <= r.endedAt);
  return {
    fn: r.fn,
    at: r.startedAt - first,
    ms: r.endedAt - r.startedAt,
    spreadsheet: kindCount(r, "spreadsheet"),
    roundTrips: kindCount(r, "fetch") + kindCount(r, "fetchAll"),
    creates: during.filter(isCreate).length,
    otherRequests: during.filter((q) => !isCreate(q)).length,
    sleptMs,
    outcome: r.killed ? `killed (${r.killed})` : r.error ? `error: ${r.error.message}` : "ok",
    calls: counted.map(([key, count]) => `${key} ×${count}`).join(", "),
    sheetCalls: r.calls
      .filter((c) => ["spreadsheet", "spreadsheet-handle", "flush"].includes(callKind(c.service, c.method)))
      .map((c) => `${c.service}.${c.method}`),
  };
}

async function collect(
  n: number,
  rt: GasRuntime,
  runs: ExecutionResult[],
  api: DoubleClient,
  finished: boolean,
): Promise<Measurement> {
  const requests = await control(() => api.requests());
  const stats = await control(() => api.stats());
  const tooMany = requests.filter((r) => r.status === 429);
  const creates = requests.filter(isCreate);
  const unhonoured = tooMany.filter((t) =>
    requests.some((r) => r.at > t.at && r.at < nextWindow(t.at).reset * 1000),
  ).length;
  const created = column(rt.spreadsheet, "Status").filter((s) => s === "created").length;
  const first = runs[0];
  const last = runs.at(-1);
  const perExecution = runs.map((r) => summary(r, first?.startedAt ?? 0, requests));
  return {
    n,
    executions: runs.length,
    killed: runs.filter((r) => r.killed === "time-limit").length,
    failed: runs.filter((r) => r.error && !r.killed).map((r) => r.error?.message ?? ""),
    spreadsheetCalls: runs.reduce((a, r) => a + kindCount(r, "spreadsheet"), 0),
    handleCalls: runs.reduce((a, r) => a + kindCount(r, "spreadsheet-handle"), 0),
    flushes: runs.reduce((a, r) => a + kindCount(r, "flush"), 0),
    roundTrips: perExecution.reduce((a, e) => a + e.roundTrips, 0),
    requests: stats.requests,
    creates: creates.length,
    rateLimited: stats.rateLimited,
    unhonoured,
    duplicates: stats.duplicateOfferNumbers.length,
    startedAt: first?.startedAt ?? 0,
    simulatedMs: first && last ? last.endedAt - first.startedAt : 0,
    lastCreateMs: Math.max(0, ...creates.map((r) => r.at)) - (first?.startedAt ?? 0),
    cpuMs: runs.reduce((a, r) => a + r.cpuMs, 0),
    created,
    finished,
    triggersLeft: rt.triggers.filter((t) => t.type !== "hourly").length,
    maxSpreadsheetCallsPerExecution: Math.max(0, ...perExecution.map((e) => e.spreadsheet)),
    loadCalls: runs.reduce((a, r) => a + r.calls.filter((c) => c.phase === "load").length, 0),
    perExecution,
  };
}

/**
 * setupSheets and saving the key (not counted: a user sets both up once), a menu createPendingOffers,
 * then every continuation trigger.
 */
export async function measureProduct(api: DoubleClient, n: number, cap = 60): Promise<Measurement> {
  const rt = runtime(DIST, spreadsheet(n), api.baseUrl);
  const setup = rt.run("setupSheets");
  if (setup.error) throw new Error(`setupSheets failed: ${setup.error.message}`);
  const key = rt.run("saveApiKey", [API_KEY]);
  if (key.error) throw new Error(`saveApiKey failed: ${key.error.message}`);
  await control(() => api.reset());
  const runs = [rt.run("createPendingOffers")];
  const done = () =>
    column(rt.spreadsheet, "Status").every((s) => s === "created") &&
    rt.triggers.every((t) => t.disabled || t.type === "hourly");
  while (!done() && runs.length < cap) {
    const next = rt.advanceToNextTrigger();
    if (!next) break;
    runs.push(next);
  }
  return collect(n, rt, runs, api, done());
}

/** The naive script, run again by the user after every kill, up to `maxExecutions` or `maxRealMs`. */
export async function measureNaive(
  api: DoubleClient,
  n: number,
  maxExecutions = 400,
  maxRealMs = 180_000,
): Promise<Measurement> {
  await control(() => api.reset());
  const rt = runtime(NAIVE, spreadsheet(n), api.baseUrl);
  const runs: ExecutionResult[] = [];
  const createdSoFar: number[] = [];
  const t0 = performance.now();
  let finished = false;
  while (runs.length < maxExecutions && performance.now() - t0 < maxRealMs) {
    const r = rt.run("createOffersNaive");
    runs.push(r);
    createdSoFar.push(column(rt.spreadsheet, "Status").filter((s) => s === "created").length);
    if (!r.error) finished = true;
    if (r.killed !== "time-limit") break;
  }
  const m = await collect(n, rt, runs, api, finished);
  const last = runs.at(-1);
  if (!finished && last) {
    // The rest at the rate of the last execution (the rate only falls as more rows are skipped).
    const lastCount = Math.max(1, (createdSoFar.at(-1) ?? 0) - (createdSoFar.at(-2) ?? 0));
    m.extrapolatedMs = m.simulatedMs + ((n - m.created) / lastCount) * (last.endedAt - last.startedAt);
  }
  return m;
}
