// Benchmark section `answers` (issue 11): what odd API answers cost. The core work on a 1 MB body
// (redacting the key, summarizing the answer), and a 50-offer run whose every create is refused with
// a 60,000-character message: one execution, every row failed with a short Message, no error.

import { redactSecret } from "../src/core/redact";
import { reasonOf } from "../src/core/responses";
import { startMkpDouble } from "../tools/mkp-double/client";
import { DIST } from "./measure";
import type { Say } from "./run";
import { target } from "./targets";
import { column, runtime, spreadsheet } from "./workloads";

const KEY = "mkp_live_Ab/Cd+Ef=Gh/0123456789xyz";

function medianMs(times: number, fn: () => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)] ?? 0;
}

export async function answers(say: Say): Promise<void> {
  const MB = 1 << 20;
  const page = `<!DOCTYPE html><html><body>${"<p>x</p>".repeat(MB / 8)}</body></html>`;
  const json = JSON.stringify({ message: "y".repeat(MB), errors: { "lines.0.vatRate": ["z".repeat(MB)] } });
  const escaped = `{"message":"Bearer ${KEY.replace(/\//g, "\\/")}"}`.repeat(MB / 64);
  const rows: [string, number, number][] = [
    ["1 MB HTML page", medianMs(9, () => redactSecret(page, KEY)), medianMs(9, () => reasonOf(page, 500))],
    [
      "2 MB JSON, long message",
      medianMs(9, () => redactSecret(json, KEY)),
      medianMs(9, () => reasonOf(json, 422)),
    ],
    [
      "1 MB of escaped key echoes",
      medianMs(5, () => redactSecret(escaped, KEY)),
      medianMs(5, () => reasonOf(escaped, 422)),
    ],
  ];
  say("", "## Odd answers: core work per body (real ms, median)", "");
  say("| body | redact the key | Message |", "| --- | ---: | ---: |");
  for (const [what, r, m] of rows) say(`| ${what} | ${r.toFixed(1)} | ${m.toFixed(1)} |`);
  target("1 MB HTML page: redaction ≤ 20 ms", (rows[0]?.[1] ?? 99) <= 20, `${rows[0]?.[1].toFixed(1)} ms`);
  target("2 MB JSON: Message ≤ 20 ms", (rows[1]?.[2] ?? 99) <= 20, `${rows[1]?.[2].toFixed(1)} ms`);

  const api = await startMkpDouble();
  try {
    await api.reset();
    await api.injectFaults([
      {
        times: null,
        match: { method: "POST" },
        fault: { kind: "status", status: 422, body: { message: "x".repeat(60_000) } },
      },
    ]);
    const rt = runtime(DIST, spreadsheet(50), api.baseUrl);
    rt.run("setupSheets");
    const run = rt.run("createPendingOffers");
    const statuses = column(rt.spreadsheet, "Status");
    const longest = Math.max(...column(rt.spreadsheet, "Message").map((m) => m.length));
    say("", "## 50 offers, each refused with a 60,000-character 422", "");
    say(
      `Execution: ${run.error ? `error ${run.error.message}` : "ok"}, ${run.cpuMs.toFixed(0)} ms CPU; longest Message ${longest} characters`,
    );
    target(
      "50 refusals of 60,000 characters: one run, all failed, Messages ≤ 1,000 characters",
      !run.error && statuses.every((s) => s === "failed") && longest <= 1000,
      `${statuses.filter((s) => s === "failed").length} failed, longest ${longest}`,
    );
  } finally {
    await api.stop();
  }
}
