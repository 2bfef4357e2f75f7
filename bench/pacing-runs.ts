// Batches under the readings of the API's rate limit (issue 10): the built bundle in the local
// runtime, scheduled runs on, against the double over HTTP; what each run met (429s, requests sent
// before a 429's retry-after) and how long it took next to the floor, n / limit minutes.

import { GasRuntime, SpreadsheetModel } from "../tools/gas-runtime";
import type { CellInput } from "../tools/gas-runtime/spreadsheet";
import type {
  DoubleClient,
  DoubleConfig,
  FaultRule,
  RateViolation,
  TooManyRecord,
} from "../tools/mkp-double/client";
import { DIST } from "./measure";
import { API_KEY, CUSTOMER, column, LINE_HEADERS, OFFER_HEADERS, offerNumber } from "./workloads";

export interface Reading {
  readonly name: string;
  readonly n: number;
  readonly linesPerOffer: 1 | 2;
  readonly config: Partial<DoubleConfig>;
  /** 429s injected on top of the limiter (on the requests of these offers). */
  readonly faults?: readonly FaultRule[];
  /** The rate left to us, requests a minute: the floor is n / this minutes. */
  readonly ourPerMinute: number;
}

export interface PacingRun {
  readonly reading: Reading;
  readonly executions: number;
  readonly killed: number;
  readonly failed: string[];
  readonly created: number;
  readonly finished: boolean;
  readonly requests: number;
  readonly rateLimited: number;
  /** Requests that arrived before the retry-after of an earlier 429 (the double's record). */
  readonly violations: RateViolation[];
  /**
   * Of those, the ones sent after the 429 was answered (a later round trip): the others went out in
   * the same fetchAll as the 429, before anyone could know of it.
   */
  readonly unhonoured: RateViolation[];
  readonly tooMany: TooManyRecord[];
  /** First execution start → the last offer written back as created, virtual ms. */
  readonly ms: number;
  /** First execution start → end of the last execution (a scheduled run refreshes statuses after). */
  readonly allWorkMs: number;
  readonly floorMs: number;
}

const rolling: Partial<DoubleConfig> = { rateWindow: "rolling" };

/** A 429 on the create of one offer, asking to wait `seconds`. */
const fault429 = (number: string, seconds: number): FaultRule => ({
  match: { method: "POST", offerNumber: number },
  fault: { kind: "rate-limit", retryAfterSeconds: seconds },
});

/** The readings, in its order. */
export const READINGS: readonly Reading[] = [
  { name: "calendar minute", n: 240, linesPerOffer: 1, config: { rateWindow: "calendar" }, ourPerMinute: 60 },
  { name: "rolling 60 s", n: 240, linesPerOffer: 1, config: rolling, ourPerMinute: 60 },
  {
    name: "rolling, another client at 30 a minute",
    n: 240,
    linesPerOffer: 1,
    config: { ...rolling, otherClientPerMinute: 30 },
    ourPerMinute: 30,
  },
  {
    name: "rolling, no X-RateLimit headers",
    n: 240,
    linesPerOffer: 1,
    config: { ...rolling, rateHeaders: false },
    ourPerMinute: 60,
  },
  {
    name: "rolling, retry-after as an HTTP date",
    n: 240,
    linesPerOffer: 1,
    config: { ...rolling, retryAfterFormat: "http-date", rateCountRefused: true },
    ourPerMinute: 60,
  },
  {
    name: "rolling, 429s injected (retry-after 20 s; 4 min, past the execution's end)",
    n: 240,
    linesPerOffer: 1,
    config: rolling,
    faults: [fault429(offerNumber(30), 20), fault429(offerNumber(181), 240)],
    ourPerMinute: 60,
  },
  {
    name: "rolling, 429s injected, retry-after as an HTTP date",
    n: 240,
    linesPerOffer: 1,
    config: { ...rolling, retryAfterFormat: "http-date" },
    faults: [fault429(offerNumber(30), 20), fault429(offerNumber(181), 240)],
    ourPerMinute: 60,
  },
  {
    name: "rolling, 429s injected, only x-ratelimit-reset",
    n: 240,
    linesPerOffer: 1,
    config: { ...rolling, retryAfterOn429: false },
    faults: [fault429(offerNumber(30), 20), fault429(offerNumber(181), 240)],
    ourPerMinute: 60,
  },
  { name: "rolling, 1,000 × 2 lines", n: 1000, linesPerOffer: 2, config: rolling, ourPerMinute: 60 },
  {
    name: "rolling, limit 600",
    n: 1200,
    linesPerOffer: 1,
    config: { ...rolling, rateLimit: 600 },
    ourPerMinute: 600,
  },
  {
    name: "rolling, limit 10",
    n: 100,
    linesPerOffer: 1,
    config: { ...rolling, rateLimit: 10 },
    ourPerMinute: 10,
  },
];

export const reading = (name: string): Reading => {
  const r = READINGS.find((x) => x.name === name);
  if (!r) throw new Error(`no reading ${name}`);
  return r;
};

function sheet(n: number, linesPerOffer: number): SpreadsheetModel {
  const offers: CellInput[][] = [OFFER_HEADERS];
  const lines: CellInput[][] = [LINE_HEADERS];
  for (let i = 1; i <= n; i++) {
    const number = offerNumber(i);
    offers.push([number, CUSTOMER, { date: "2025-04-14" }]);
    lines.push([number, `Licence ${number}`, { v: 100, f: "#,##0.00" }, 21]);
    if (linesPerOffer > 1) lines.push([number, "Support", { v: 15.5, f: "#,##0.00" }, 9]);
  }
  return SpreadsheetModel.fromFixture({
    timeZone: "Europe/Amsterdam",
    locale: "en_US",
    sheets: { Offers: offers, "Offer lines": lines },
  });
}

/** Settles the event loop first: the double may have closed an idle keep-alive socket meanwhile. */
async function control<T>(call: () => Promise<T>): Promise<T> {
  await new Promise((resolve) => setTimeout(resolve, 5));
  try {
    return await call();
  } catch {
    await new Promise((resolve) => setTimeout(resolve, 100));
    return call();
  }
}

/** setupSheets and hourly runs on (not counted), a menu run, then every trigger until all is created. */
export async function runReading(api: DoubleClient, r: Reading, maxExecutions = 40): Promise<PacingRun> {
  const rt = new GasRuntime({ distDir: DIST, spreadsheet: sheet(r.n, r.linesPerOffer) });
  rt.properties.script.set("MKP_BASE_URL", api.baseUrl);
  rt.properties.user().set("MKP_API_KEY", API_KEY);
  for (const fn of ["setupSheets", "enableScheduledRuns"]) {
    const setup = rt.run(fn);
    if (setup.error) throw new Error(`${fn} failed: ${setup.error.message}`);
  }
  await control(() => api.reset(r.config));
  const faults = r.faults ?? [];
  if (faults.length > 0) await control(() => api.injectFaults([...faults]));
  const allCreated = () => column(rt.spreadsheet, "Status").every((s) => s === "created");
  const runs = [rt.run("createPendingOffers")];
  while (!allCreated() && runs.length < maxExecutions) {
    const next = rt.advanceToNextTrigger();
    if (!next) break;
    runs.push(next);
  }
  const requests = await control(() => api.requests());
  const violations = await control(() => api.rateViolations());
  const tooMany = await control(() => api.tooManyRequests());
  const answeredAt = new Map(tooMany.map((t) => [t.seq, t.at]));
  const unhonoured = violations.filter((v) => v.at > (answeredAt.get(v.after429Seq) ?? v.at));
  const first = runs[0]?.startedAt ?? 0;
  const lastCreate = Math.max(first, ...requests.filter((q) => q.method === "POST").map((q) => q.at));
  // The write-back of the last batch: the first setValues after its round trip.
  const writeBack = runs
    .flatMap((x) => x.calls)
    .find((c) => c.atMs > lastCreate && c.service === "Range" && c.method === "setValues");
  const ms = (writeBack?.atMs ?? lastCreate) - first;
  const created = column(rt.spreadsheet, "Status").filter((s) => s === "created").length;
  return {
    reading: r,
    executions: runs.length,
    killed: runs.filter((x) => x.killed).length,
    failed: runs.filter((x) => x.error && !x.killed).map((x) => x.error?.message ?? ""),
    created,
    finished: created === r.n,
    requests: requests.length,
    rateLimited: requests.filter((q) => q.status === 429).length,
    violations,
    unhonoured,
    tooMany,
    ms,
    allWorkMs: (runs.at(-1)?.endedAt ?? first) - first,
    floorMs: (r.n / r.ourPerMinute) * 60_000,
  };
}
