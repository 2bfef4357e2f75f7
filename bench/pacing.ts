// Bench section `pacing` (issue 10): batches under every reading of the API's rate limit — the
// 429s met, requests sent before a 429's retry-after, and the time next to the floor n / limit min.

import { startMkpDouble } from "../tools/mkp-double/client";
import { type PacingRun, READINGS, runReading } from "./pacing-runs";
import { duration } from "./report";
import type { Say } from "./run";
import { columns } from "./tables";
import { target } from "./targets";

/** The issue's bounds per reading: time / floor, and 429s (a count, or a share of the requests). */
function bounds(run: PacingRun): { ratio: number; tooMany: number } {
  const { name } = run.reading;
  if (name.includes("injected")) return { ratio: 2, tooMany: 2 };
  if (name.includes("another client")) return { ratio: 1.15, tooMany: Math.floor(run.requests * 0.05) };
  if (name.includes("limit 600") || name.includes("limit 10")) return { ratio: 1.1, tooMany: 5 };
  if (name.includes("1,000")) return { ratio: 1.05, tooMany: 5 };
  return { ratio: 1.05, tooMany: 2 };
}

export async function pacing(say: Say): Promise<void> {
  say("", "## Pacing under every reading of the rate limit (issue 10)", "");
  say("Built bundle, hourly runs on, menu run + continuation triggers, the double over HTTP.");
  say("Floor: n / (the requests a minute left to us) minutes. Unhonoured: requests the double received");
  say("after a 429 was answered and before its retry-after passed, to the same key, in any execution;");
  say('"in the 429\'s own batch": requests of the same fetchAll as the 429 (sent before it was known).', "");
  const api = await startMkpDouble();
  const runs: PacingRun[] = [];
  try {
    for (const r of READINGS) runs.push(await runReading(api, r));
  } finally {
    await api.stop();
  }
  say(
    ...columns(runs, [
      ["reading", (m) => m.reading.name],
      ["offers × lines", (m) => `${m.reading.n} × ${m.reading.linesPerOffer}`],
      ["429s met", (m) => m.rateLimited],
      ["unhonoured", (m) => m.unhonoured.length],
      ["in the 429's own batch", (m) => m.violations.length - m.unhonoured.length],
      ["requests", (m) => m.requests],
      ["executions (killed)", (m) => `${m.executions} (${m.killed})`],
      ["time to all created", (m) => duration(m.ms)],
      ["time / floor", (m) => `${(m.ms / m.floorMs).toFixed(2)} ×`],
      ["floor", (m) => duration(m.floorMs)],
      ["created", (m) => `${m.created}${m.finished ? "" : " ✗"}`],
      ["all work (status refresh after)", (m) => duration(m.allWorkMs)],
    ]),
  );
  for (const m of runs) {
    const b = bounds(m);
    const ok =
      m.finished &&
      m.killed === 0 &&
      m.failed.length === 0 &&
      m.unhonoured.length === 0 &&
      m.rateLimited <= b.tooMany &&
      m.ms <= b.ratio * m.floorMs;
    target(
      `pacing, ${m.reading.name}: ≤ ${b.ratio} × floor, ≤ ${b.tooMany} 429s, none unhonoured, none killed`,
      ok,
      `${(m.ms / m.floorMs).toFixed(3)} ×, ${m.rateLimited} 429s, ${m.unhonoured.length} unhonoured, ` +
        `${m.killed} killed, ${m.created}/${m.reading.n} created${m.failed.length ? `, ${m.failed.join("; ")}` : ""}`,
    );
  }
}
