// The sidebar's poll (getPanelState) in a large spreadsheet: 10,000 offers and a Run log of 5,000
// runs. It is answered while a run holds the lock, so it must be cheap whatever the sizes: no lock,
// no read of Offers, the Run log read once on a full refresh and not at all on a light one.

import { RUN_LOG_HEADERS } from "../test/fixtures/headers";
import { DIST } from "./measure";
import type { Say } from "./run";
import { target } from "./targets";
import { runtime, spreadsheet } from "./workloads";

export async function sidebar(say: Say): Promise<void> {
  const ss = spreadsheet(10_000);
  const rows = [RUN_LOG_HEADERS];
  for (let i = 0; i < 5000; i++)
    rows.push(["2025-04-14 10:00:00", "create", "menu", "60", "0", "0", "0", "0", "61.0", "60 created"]);
  ss.addSheet("Run log", rows);
  const rt = runtime(DIST, ss, "http://127.0.0.1:9");
  say("", "## Sidebar poll (getPanelState), 10,000 offers, Run log of 5,000 runs", "");
  say(
    "| refresh | service calls | range reads | lock calls | simulated | real |",
    "| --- | --- | --- | --- | --- | --- |",
  );
  for (const withRuns of [true, false]) {
    const t0 = performance.now();
    const r = rt.run("getPanelState", [{ withRuns }]);
    const real = performance.now() - t0;
    const calls = r.calls.length;
    const reads = Object.entries(r.counts)
      .filter(([k]) => k.startsWith("Range.get"))
      .reduce((n, [, c]) => n + c, 0);
    const locks = Object.entries(r.counts)
      .filter(([k]) => k.startsWith("LockService."))
      .reduce((n, [, c]) => n + c, 0);
    const simulated = r.endedAt - r.startedAt;
    const name = withRuns ? "full" : "light";
    say(`| ${name} | ${calls} | ${reads} | ${locks} | ${simulated} ms | ${real.toFixed(0)} ms |`);
    target(`sidebar ${name} poll: answered`, r.error === undefined, r.error?.message ?? "ok");
    target(`sidebar ${name} poll: no lock`, locks === 0, `${locks}`);
    target(`sidebar ${name} poll: ≤ ${withRuns ? 1 : 0} range read`, reads <= (withRuns ? 1 : 0), `${reads}`);
    target(`sidebar ${name} poll: ≤ 1 s simulated`, simulated <= 1000, `${simulated} ms`);
  }
}
