// The bookkeeping of a status refresh pass that spans executions: rows stamped by Created at, the
// rows a resumed pass still has to do, and where a stopped pass says it stopped (core/refresh.ts),
// and the cursor as stored (LIST_CURSOR).

import { describe, expect, test } from "@jest/globals";
import { createdStamp, MAX_RECHECK, newestFirst, rowsToDo, stoppedAt } from "../../src/core/refresh";
import { LIST_CURSOR } from "../../src/core/state-keys";

interface R {
  offerId: string;
  stamp: string | null;
}
const row = (offerId: string, stamp: string | null): R => ({ offerId, stamp });
const stampOf = (r: R) => r.stamp;

describe("createdStamp", () => {
  test("the product's Created at text, with or without seconds, or a T; anything else is null", () => {
    expect(createdStamp("2025-04-14 09:05:00")).toBe("2025-04-14 09:05:00");
    expect(createdStamp(" 2025-04-14 09:05 ")).toBe("2025-04-14 09:05:00");
    expect(createdStamp("2025-04-14T09:05:07")).toBe("2025-04-14 09:05:07");
    expect(createdStamp("14-04-2025 09:05")).toBeNull();
    expect(createdStamp("")).toBeNull();
    expect(createdStamp("2025-04-14")).toBeNull();
  });

  test("stamps sort as the times they show", () => {
    const texts = [
      "2025-04-14 09:05:00",
      "2024-12-31 23:59:59",
      "2025-04-14 10:00:00",
      "2025-01-01 00:00:00",
    ];
    const sorted = texts.map((t) => createdStamp(t) ?? "").sort();
    expect(sorted).toEqual([
      "2024-12-31 23:59:59",
      "2025-01-01 00:00:00",
      "2025-04-14 09:05:00",
      "2025-04-14 10:00:00",
    ]);
  });
});

describe("a pass across executions", () => {
  const rows = [
    row("off_a", "2025-04-10 10:00:00"),
    row("off_b", "2025-03-01 10:00:00"),
    row("off_c", "2025-02-01 10:00:00"),
    row("off_d", null),
    row("off_e", "2025-01-01 10:00:00"),
  ];

  test("a new pass does every row", () => {
    expect(rowsToDo(rows, stampOf, null)).toEqual(rows);
  });

  test("a resumed pass does the rows stamped no later than where it stopped, and those to recheck", () => {
    const left = rowsToDo(rows, stampOf, { doneAfter: "2025-02-01 10:00:00 off_c", recheck: ["off_a"] });
    expect(left.map((r) => r.offerId)).toEqual(["off_a", "off_c", "off_e"]);
    expect(rowsToDo(rows, stampOf, { doneAfter: null, recheck: [] })).toEqual([]);
  });

  test("where it stopped: after the latest row not reached, so that every later row is done", () => {
    const notReached = [rows[4] as R, rows[2] as R];
    const point = stoppedAt(notReached, [rows[0] as R], stampOf);
    expect(point).toEqual({ doneAfter: "2025-02-01 10:00:00 off_c", recheck: ["off_a"] });
    // Resuming from there does exactly the rows left.
    expect(rowsToDo(rows, stampOf, point).map((r) => r.offerId)).toEqual(["off_a", "off_c", "off_e"]);
    expect(stoppedAt([], [], stampOf)).toEqual({ doneAfter: null, recheck: [] });
  });

  test("too many rows passed unseen to keep by ID: they are kept by stamp (done again rather than lost)", () => {
    const passed = Array.from({ length: MAX_RECHECK + 1 }, (_, i) => row(`off_p${i}`, "2025-04-01 10:00:00"));
    const point = stoppedAt([rows[4] as R], passed, stampOf);
    expect(point.recheck).toEqual([]);
    expect(point.doneAfter).toBe("2025-04-01 10:00:00 off_p9"); // the latest place: off_p9 sorts after off_p50
    expect(rowsToDo([...passed, ...rows], stampOf, point)).toHaveLength(passed.length + 3);
  });

  test("rows of one second (a batch) are told apart by offer ID: each lookup moves the cursor back", () => {
    const batch = ["off_x3", "off_x1", "off_x2"].map((id) => row(id, "2025-04-01 10:00:00"));
    const order = newestFirst(batch, stampOf);
    expect(order.map((r) => r.offerId)).toEqual(["off_x3", "off_x2", "off_x1"]);
    // The first looked up, the other two left: resuming does exactly those two.
    const point = stoppedAt(order.slice(1), [], stampOf);
    expect(rowsToDo(batch, stampOf, point).map((r) => r.offerId)).toEqual(["off_x1", "off_x2"]);
  });

  test("newest first by stamp, rows without one last: lookups in this order move the cursor back", () => {
    expect(newestFirst(rows, stampOf).map((r) => r.offerId)).toEqual([
      "off_a",
      "off_b",
      "off_c",
      "off_e",
      "off_d",
    ]);
  });
});

describe("LIST_CURSOR", () => {
  const cursor = {
    purpose: "refresh",
    order: "asc",
    perPage: 15,
    nextPage: 120,
    doneAfter: "2025-02-01 10:00:00",
    recheck: ["off_a"],
    pagesLeft: 400,
    at: 1_744_617_600_000,
  } as const;

  test("round-trips; a walk that is over has no next page", () => {
    expect(LIST_CURSOR.parse(LIST_CURSOR.serialize(cursor))).toEqual(cursor);
    const over = { ...cursor, nextPage: null, doneAfter: null };
    expect(LIST_CURSOR.parse(LIST_CURSOR.serialize(over))).toEqual(over);
  });

  test("an old or damaged cursor reads as none (the pass starts over)", () => {
    expect(LIST_CURSOR.parse(JSON.stringify({ ...cursor, purpose: "reconcile" }))).toBeNull();
    expect(
      LIST_CURSOR.parse(
        JSON.stringify({ purpose: "refresh", nextPage: 3, perPage: 15, lastId: "x", refs: [] }),
      ),
    ).toBeNull();
    expect(LIST_CURSOR.parse(JSON.stringify({ ...cursor, order: "sideways" }))).toBeNull();
    expect(LIST_CURSOR.parse(JSON.stringify({ ...cursor, nextPage: 0 }))).toBeNull();
    expect(LIST_CURSOR.parse("{not json")).toBeNull();
    expect(LIST_CURSOR.parse(null)).toBeNull();
  });
});
