// Bench section `customers`: syncCustomers of a 3,000-customer account into an empty Customers sheet
// (menu run, then its continuation triggers), with per_page ignored, honoured and refused by the API:
// list requests, executions, simulated time. Targets from issue 12.

import type { ExecutionResult } from "../tools/gas-runtime";
import { type DoubleClient, startMkpDouble } from "../tools/mkp-double/client";
import type { DoubleConfig } from "../tools/mkp-double/types";
import { DIST } from "./measure";
import { duration } from "./report";
import type { Say } from "./run";
import { columns } from "./tables";
import { target } from "./targets";
import { runtime, spreadsheet } from "./workloads";

const CUSTOMERS = 3000;

interface SyncMeasurement {
  mode: DoubleConfig["perPageMode"];
  listRequests: number;
  byIdRequests: number;
  rateLimited: number;
  executions: number;
  killed: number;
  failed: number;
  simulatedMs: number;
  rows: number;
  distinct: number;
  triggersLeft: number;
}

/** One sync of the whole account, from an empty sheet, until no continuation is left. */
export async function measureSync(
  api: DoubleClient,
  mode: DoubleConfig["perPageMode"],
  count = CUSTOMERS,
): Promise<SyncMeasurement> {
  await api.reset({ perPageMode: mode });
  for (const c of await api.customers()) await api.deleteCustomer(c.id);
  await api.seedGeneratedCustomers({
    count,
    createdFrom: Date.UTC(2020, 0, 1),
    createdTo: Date.UTC(2025, 0, 1),
  });
  const rt = runtime(DIST, spreadsheet(1), api.baseUrl);
  const setup = rt.run("setupSheets");
  if (setup.error) throw new Error(`setupSheets failed: ${setup.error.message}`);
  await api.clearRequests();
  const runs: ExecutionResult[] = [rt.run("syncCustomers")];
  const pending = () => rt.triggers.some((t) => !t.disabled && t.type !== "hourly");
  while (pending() && runs.length < 30) {
    const next = rt.advanceToNextTrigger();
    if (!next) break;
    runs.push(next);
  }
  // Let the event loop run before control calls after long synchronous runs.
  await new Promise((resolve) => setTimeout(resolve, 5));
  const requests = await api.requests();
  const ids = rt.spreadsheet
    .displayValues("Customers")
    .slice(1)
    .map((r) => r[0] ?? "")
    .filter((id) => id !== "");
  const first = runs[0];
  const last = runs.at(-1);
  return {
    mode,
    listRequests: requests.filter((r) => r.path.endsWith("/customers") && r.method === "GET").length,
    byIdRequests: requests.filter((r) => /\/customers\/[^/]+$/.test(r.path)).length,
    rateLimited: requests.filter((r) => r.status === 429).length,
    executions: runs.length,
    killed: runs.filter((r) => r.killed).length,
    failed: runs.filter((r) => r.error && !r.killed).length,
    simulatedMs: first && last ? last.endedAt - first.startedAt : 0,
    rows: ids.length,
    distinct: new Set(ids).size,
    triggersLeft: rt.triggers.filter((t) => !t.disabled && t.type !== "hourly").length,
  };
}

export async function customers(say: Say): Promise<void> {
  say(
    "",
    "## Customers: syncCustomers of 3,000 customers",
    "",
    "An empty Customers sheet, the double's default config (60 requests/min, 15 a page unless per_page is honoured).",
    "",
  );
  const api = await startMkpDouble();
  const results: SyncMeasurement[] = [];
  try {
    for (const mode of ["ignore", "honour", "refuse"] as const) results.push(await measureSync(api, mode));
  } finally {
    await api.stop();
  }
  say(
    ...columns(results, [
      ["per_page", (m) => m.mode],
      ["GET /customers", (m) => String(m.listRequests)],
      ["GET /customers/{id}", (m) => String(m.byIdRequests)],
      ["429s", (m) => String(m.rateLimited)],
      ["executions", (m) => String(m.executions)],
      ["killed", (m) => String(m.killed)],
      ["simulated", (m) => duration(m.simulatedMs)],
      ["rows", (m) => `${m.rows} (${m.distinct} distinct)`],
    ]),
  );
  for (const m of results) {
    const limit = m.mode === "honour" ? 35 : 205;
    target(
      `3,000 customers (per_page ${m.mode}): all synced in ≤ ${limit} requests`,
      m.rows === CUSTOMERS && m.distinct === CUSTOMERS && m.listRequests + m.byIdRequests <= limit,
      `${m.listRequests + m.byIdRequests} requests, ${m.distinct} customers`,
    );
    target(
      `3,000 customers (per_page ${m.mode}): no execution killed, no continuation left`,
      m.killed === 0 && m.failed === 0 && m.triggersLeft === 0,
      `${m.executions} executions, ${m.killed} killed, ${m.failed} failed, ${m.triggersLeft} triggers left`,
    );
  }
}
