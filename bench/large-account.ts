// The "large account" section of `npm run bench` (issue 9): requests and simulated time to settle
// 40 rows left `sending` and to refresh 1,000 rows, in accounts of 0, 2,000 and 10,000 other
// offers, both list orders, per_page ignored (the API's 15 a page) and honoured (100).

import {
  type FailingOfferFigures,
  failingOfferScenario,
  type RefreshFigures,
  refreshScenario,
  type SettleFigures,
  settleScenario,
} from "../test/e2e/large-account-scenarios";
import { stopDouble } from "../test/e2e/world";
import { duration, int } from "./report";
import type { Say } from "./run";
import { columns } from "./tables";
import { target } from "./targets";

const SIZES = [0, 2_000, 10_000] as const;
const ORDERS = ["asc", "desc"] as const;
const PER_PAGE = ["ignore", "honour"] as const;

interface Case {
  order: (typeof ORDERS)[number];
  perPage: (typeof PER_PAGE)[number];
  size: number;
}

const cases: Case[] = ORDERS.flatMap((order) =>
  PER_PAGE.flatMap((perPage) => SIZES.map((size) => ({ order, perPage, size }))),
);

export async function largeAccount(say: Say): Promise<void> {
  const settled: (Case & SettleFigures)[] = [];
  const refreshed: (Case & RefreshFigures)[] = [];
  const spread: (Case & RefreshFigures)[] = [];
  const failing: (Case & FailingOfferFigures)[] = [];
  try {
    for (const c of cases) {
      const f = await settleScenario({
        listOrder: c.order,
        perPageMode: c.perPage,
        accountSize: c.size,
        rows: 40,
        added: 5,
      });
      settled.push({ ...c, ...f });
    }
    for (const c of cases) {
      // The account holds the sheet's 1,000 offers (the newest) besides the others.
      const f = await refreshScenario({
        listOrder: c.order,
        perPageMode: c.perPage,
        accountSize: c.size + 1000,
        rows: 1000,
        spread: "newest",
      });
      refreshed.push({ ...c, ...f });
    }
    for (const order of ORDERS) {
      const c = { order, perPage: "ignore", size: 10_000 } as const;
      const f = await refreshScenario({
        listOrder: order,
        perPageMode: "ignore",
        accountSize: 10_000,
        rows: 1000,
        spread: "whole",
      });
      spread.push({ ...c, ...f });
      const g = await failingOfferScenario({
        listOrder: order,
        perPageMode: "ignore",
        accountSize: 2000,
        rows: 10,
        hours: 3,
      });
      failing.push({ ...c, size: 2000, ...g });
    }
  } finally {
    await stopDouble();
  }
  const label = (c: Case) =>
    `${c.order}, per_page ${c.perPage === "ignore" ? "ignored (15)" : "honoured (100)"}`;

  say("", "## Large account: 40 rows left `sending` (half the requests arrived), 5 rows added meanwhile", "");
  say("The user runs Create pending offers again each minute until every row is created.", "");
  say(
    ...columns(settled, [
      ["list", label],
      ["other offers", (m) => int(m.size)],
      ["runs", (m) => m.runs],
      ["requests (list pages)", (m) => `${m.requests} (${m.listRequests})`],
      ["simulated", (m) => duration(m.simulatedMs)],
      [
        "own IDs, none twice, added sent",
        (m) => (m.ownIds && m.duplicates.length === 0 && m.addedCreated === 5 ? "✓" : "✗"),
      ],
    ]),
  );
  say("", "## Large account: status refresh of the newest 1,000 rows, two passes", "");
  say("Between the passes 50 offers are accepted and 50 rejected in MijnKlantportaal.", "");
  say(
    ...columns(refreshed, [
      ["list", label],
      ["other offers", (m) => int(m.size)],
      ["requests, pass 1 / 2", (m) => m.passes.map((p) => p.requests).join(" / ")],
      ["executions", (m) => m.passes.map((p) => p.executions).join(" / ")],
      ["simulated, pass 1 / 2", (m) => m.passes.map((p) => duration(p.simulatedMs)).join(" / ")],
      ["changes written", (m) => `${m.written} of ${m.changes}`],
      ["cursor left", (m) => (m.cursorLeft ? "yes" : "no")],
    ]),
  );

  const worstSettle = Math.max(...settled.map((m) => m.requests));
  const settleBad = settled.filter(
    (m) => !m.ownIds || m.duplicates.length > 0 || m.runs > 2 || m.addedCreated !== 5 || m.requests > 60,
  );
  target(
    "large account: 40 sending rows settled, own IDs, nothing twice, ≤ 60 requests, ≤ 2 runs",
    settleBad.length === 0,
    settleBad.map((m) => `${label(m)} ${m.size}: ${m.requests} requests, ${m.runs} runs`).join("; ") ||
      `max ${worstSettle} requests`,
  );
  const limit = (m: Case) => (m.perPage === "honour" ? 50 : 100);
  const refreshBad = refreshed.filter(
    (m) => m.passes.some((p) => p.requests > limit(m)) || m.written !== m.changes || m.cursorLeft,
  );
  target(
    "large account: refresh of 1,000 rows ≤ 100 requests a pass (≤ 50 honoured), every change written, no cursor",
    refreshBad.length === 0,
    refreshBad.map((m) => `${label(m)} ${m.size}: ${m.passes.map((p) => p.requests).join("/")}`).join("; ") ||
      `max ${Math.max(...refreshed.filter((m) => m.perPage === "ignore").flatMap((m) => m.passes.map((p) => p.requests)))} (ignored), ${Math.max(...refreshed.filter((m) => m.perPage === "honour").flatMap((m) => m.passes.map((p) => p.requests)))} (honoured)`,
  );

  say("", "## Large account: 1,000 rows spread over 10,000 offers (every 10th), two passes", "");
  say(
    ...columns(spread, [
      ["list", label],
      ["requests, pass 1 / 2", (m) => m.passes.map((p) => p.requests).join(" / ")],
      ["executions", (m) => m.passes.map((p) => p.executions).join(" / ")],
      ["simulated, pass 1 / 2", (m) => m.passes.map((p) => duration(p.simulatedMs)).join(" / ")],
      ["changes written", (m) => `${m.written} of ${m.changes}`],
    ]),
  );
  const spreadBad = spread.filter(
    (m) => m.passes.some((p) => p.requests > 700) || m.written !== m.changes || m.cursorLeft,
  );
  target(
    "large account: 1,000 rows spread over 10,000 offers ≤ 700 requests a pass, every change written",
    spreadBad.length === 0,
    spread.map((m) => `${m.order} ${m.passes.map((p) => p.requests).join("/")}`).join(", "),
  );
  say("", "## Large account: one of 10 offers answered 503 for 3 hours, 2,000 offers, hourly runs on", "");
  say(
    ...columns(failing, [
      ["list", label],
      ["requests", (m) => m.requests],
      ["executions", (m) => m.executions],
      ["simulated", (m) => duration(m.simulatedMs)],
      ["others created", (m) => (m.othersCreated ? "✓" : "✗")],
      ["continuations left", (m) => m.continuationsLeft],
      ["created once when the API answers again", (m) => (m.recovered ? "✓" : "✗")],
    ]),
  );
  const failingBad = failing.filter(
    (m) => m.requests > 300 || !m.othersCreated || m.continuationsLeft > 0 || !m.recovered,
  );
  target(
    "large account: one offer 503 for 3 h: ≤ 300 requests, the others created, no continuation left",
    failingBad.length === 0,
    failing.map((m) => `${m.order} ${m.requests} requests`).join(", "),
  );
}
