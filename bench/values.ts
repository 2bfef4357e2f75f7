// Benchmark section "values": reading dates and amounts typed as text in a Dutch and an English
// sheet (1,000 offers × 2 lines, every value text), and planning the run with its warnings.

import { LINE_COLUMNS, matchHeaders, OFFER_COLUMNS } from "../src/core/columns";
import { foldLedger } from "../src/core/ledger";
import { parseLines } from "../src/core/parse-lines";
import { parseOffers } from "../src/core/parse-offers";
import { planRun } from "../src/core/plan-run";
import type { SheetTable } from "../src/core/table";
import { LINE_HEADERS, OFFER_HEADERS } from "../test/fixtures/headers";
import type { Say } from "./run";
import { target } from "./targets";

const N = 1000;
const MAX_MS = 250;

const textCell = (value: string) => ({ value, display: value, format: "@" });
const sheet = (header: string[], rows: string[][]): SheetTable => ({
  header,
  rows: rows.map((r) => header.map((_, i) => textCell(r[i] ?? ""))),
});

function workload(dutch: boolean): { offers: SheetTable; lines: SheetTable } {
  const offers: string[][] = [];
  const lines: string[][] = [];
  for (let i = 0; i < N; i++) {
    const n = `B-${i}`;
    // Day 13 and later: an English sheet refuses 4/5/2025 (it could be 4 May).
    const day = (i % 16) + 13;
    offers.push([n, "cst_demo0001", dutch ? `${day}-4-2025` : `4/${day}/2025`, ""]);
    lines.push([n, "Work", dutch ? "1.234,50" : "1,234.50", "21"]);
    // Every tenth offer is a pure discount: a warning.
    lines.push([n, "Discount", i % 10 === 0 ? (dutch ? "-2.000" : "-2,000.00") : "-5", "21"]);
  }
  return { offers: sheet(OFFER_HEADERS, offers), lines: sheet(LINE_HEADERS, lines) };
}

export async function values(say: Say): Promise<void> {
  say(
    "",
    `Values: ${N} offers × 2 lines, dates and amounts typed as text, parsed and planned (median of 5).`,
  );
  for (const [locale, dutch] of [
    ["nl_NL", true],
    ["en_US", false],
  ] as const) {
    const { offers, lines } = workload(dutch);
    const times: number[] = [];
    let sent = 0;
    let warned = 0;
    for (let round = 0; round < 5; round++) {
      const start = performance.now();
      const parsedLines = parseLines(lines, matchHeaders(lines.header, LINE_COLUMNS).columns, locale);
      const rows = parseOffers(
        offers,
        matchHeaders(offers.header, OFFER_COLUMNS).columns,
        parsedLines,
        (d) => d.toISOString().slice(0, 10),
        { locale },
      );
      const plan = planRun(rows, {
        selected: null,
        validateOnly: false,
        ledger: foldLedger([]),
        nowMs: Date.UTC(2025, 3, 14),
        today: "2025-04-14",
        formatTime: String,
        respectBackoff: false,
      });
      times.push(performance.now() - start);
      sent = plan.toSend.length;
      warned = plan.updates.filter((u) => u.values.status === "warning").length;
    }
    const median = times.sort((a, b) => a - b)[2] ?? Number.NaN;
    say(`- ${locale}: ${median.toFixed(1)} ms; ${sent} to send, ${warned} held as warnings`);
    target(
      `values (${locale}): ${N} text offers parsed and planned in ≤ ${MAX_MS} ms, all read right`,
      median <= MAX_MS && sent === N - N / 10 && warned === N / 10,
      `${median.toFixed(1)} ms, ${sent} sent, ${warned} warnings`,
    );
  }
}
