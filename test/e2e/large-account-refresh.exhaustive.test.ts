// Status refresh of 1,000 rows in a 10,000-offer account (CONTRACT §6, issue 9), every list order ×
// per_page behaviour: ≤ 100 requests a pass for the newest 1,000 (≤ 50 when per_page is honoured),
// ≤ 700 for rows spread over the whole list (a pass over three executions); every acceptance and
// rejection made between two passes written by the second, with offers added and deleted while the
// list is read; no cursor left, and none resumed after an hour.

import { afterAll, describe, expect, test } from "@jest/globals";
import { refreshScenario } from "./large-account-scenarios";
import { stopDouble } from "./world";

afterAll(stopDouble);

const ORDERS = ["asc", "desc"] as const;
const PER_PAGE = ["ignore", "honour", "refuse"] as const;
const both = <A, B>(as: readonly A[], bs: readonly B[]) => as.flatMap((a) => bs.map((b) => [a, b] as const));

describe("the newest 1,000 rows of 10,000 offers", () => {
  test.each(both(ORDERS, PER_PAGE))(
    "list %s, per_page %s: ≤ 100 requests a pass (≤ 50 honoured), every change written",
    async (listOrder, perPageMode) => {
      const r = await refreshScenario({
        listOrder,
        perPageMode,
        accountSize: 10_000,
        rows: 1000,
        spread: "newest",
        listChanges: true,
      });
      const limit = perPageMode === "honour" ? 50 : 100;
      for (const pass of r.passes) expect(pass.requests).toBeLessThanOrEqual(limit);
      expect(r.written).toBe(r.changes);
      expect(r.changes).toBeGreaterThanOrEqual(99);
      expect(r.deletedMarked).toBe(true);
      expect(r.cursorLeft).toBe(false);
    },
  );
});

describe("1,000 rows spread over 10,000 offers", () => {
  test.each(both(ORDERS, PER_PAGE))(
    "list %s, per_page %s: ≤ 700 requests a pass, every change written",
    async (listOrder, perPageMode) => {
      const r = await refreshScenario({
        listOrder,
        perPageMode,
        accountSize: 10_000,
        rows: 1000,
        spread: "whole",
        listChanges: true,
      });
      for (const pass of r.passes) expect(pass.requests).toBeLessThanOrEqual(700);
      expect(r.written).toBe(r.changes);
      expect(r.deletedMarked).toBe(true);
      expect(r.cursorLeft).toBe(false);
    },
  );

  test.each(ORDERS)(
    "list %s: a pass stopped after one execution is not resumed an hour later (its rows may have changed)",
    async (listOrder) => {
      const r = await refreshScenario({
        listOrder,
        perPageMode: "ignore",
        accountSize: 10_000,
        rows: 1000,
        spread: "whole",
        interrupt: true,
      });
      expect(r.passes[0]?.executions).toBe(1);
      expect(r.changes).toBe(100);
      expect(r.written).toBe(100);
      expect(r.passes[1]?.requests).toBeLessThanOrEqual(700);
      expect(r.cursorLeft).toBe(false);
    },
  );

  test.each(ORDERS)(
    "list %s, every offer made in the same second (order unknown): every change written, ≤ pages + rows, the pass ends",
    async (listOrder) => {
      // 5,000 offers (334 pages), 300 rows: a pass over two executions, rows told apart by offer ID.
      const r = await refreshScenario({
        listOrder,
        perPageMode: "ignore",
        accountSize: 5_000,
        rows: 300,
        spread: "whole",
        allAtOnce: true,
        listChanges: true,
      });
      for (const pass of r.passes) {
        expect(pass.executions).toBeGreaterThan(1);
        expect(pass.requests).toBeLessThanOrEqual(334 + 300);
      }
      expect(r.written).toBe(r.changes);
      expect(r.cursorLeft).toBe(false);
    },
  );
});
