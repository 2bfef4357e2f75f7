// The running batch's progress as the sidebar reads it (CONTRACT §9): a create run records it in the
// document cache at each batch, from what it wrote to the rows; a continuation carries it on; the
// last execution clears it. The sidebar's server calls, made while the run waits on the network
// (as Apps Script runs executions side by side), read no sheet but the Run log and take no lock.
import { afterAll, describe, expect, test } from "@jest/globals";
import type { ExecutionResult } from "../../tools/gas-runtime";
import { batch, expectExactlyOnce, fireNext } from "./batches";
import { warmPacing } from "./warm-pacing";
import { runOk, stopDouble, type World, world } from "./world";

afterAll(stopDouble);

interface Seen {
  /** Rows showing `created` in the sheet at that moment. */
  created: number;
  call: ExecutionResult;
  progress: { done: number; toGo: number; startedAt: number } | null;
}

/** Runs getPanelState (as the sidebar's poll) at every request round trip of the execution. */
function polling(w: World, seen: Seen[]) {
  let inside = false;
  return (call: { service: string; method: string }): boolean => {
    if (inside || call.service !== "UrlFetchApp") return false;
    inside = true;
    try {
      const rows = created(w);
      const result = runOk(w, "getPanelState", [{ withRuns: seen.length % 2 === 0 }]);
      const state = result.returned as { progress: Seen["progress"] };
      seen.push({ created: rows, call: result, progress: state.progress });
    } finally {
      inside = false;
    }
    return false;
  };
}

const created = (w: World): number => w.column("Status").filter((s) => s === "created").length;

/** Reads of sheet cells (any range read) in one execution. */
const rangeReads = (r: ExecutionResult): number =>
  Object.entries(r.counts)
    .filter(([k]) => /^Range\.get(Values|DisplayValues|Formulas|NumberFormats|Notes|RichTextValues)$/.test(k))
    .reduce((n, [, c]) => n + c, 0);

describe("progress of the running batch", () => {
  test("300 offers over two executions: done matches the rows created at every poll, then it is cleared", async () => {
    // 40 requests a minute: 300 offers need a continuation.
    const w = await world({ ...batch(300, "PG"), config: { rateLimit: 40 } });
    const seen: Seen[] = [];
    const first = w.run("createPendingOffers", [], { kill: polling(w, seen) });
    expect(first.error).toBeUndefined();
    const inFirst = seen.length;
    expect(inFirst).toBeGreaterThanOrEqual(4);
    const afterFirst = w.column("Status").filter((s) => s === "created").length;
    expect(afterFirst).toBeGreaterThan(0);
    expect(afterFirst).toBeLessThan(300);
    // Kept for the continuation, with what the first execution did.
    const kept = JSON.parse(String(w.rt.cache.document.get("MKP_PROGRESS")?.value)) as Seen["progress"];
    expect(kept).toMatchObject({ done: afterFirst, toGo: 300 - afterFirst });

    for (let i = 0; i < 5 && w.column("Status").some((s) => s !== "created"); i++) {
      const next = fireNext(w, polling(w, seen));
      expect(next?.error).toBeUndefined();
    }
    await expectExactlyOnce(w, 300);
    expect(seen.length).toBeGreaterThan(inFirst);

    // What the sidebar was told is what the rows said, at every moment; one batch from start to end.
    // (After the last row, the hourly part of the continuation refreshes statuses: no batch then.)
    const during = seen.filter((s) => s.progress !== null || s.created < 300);
    expect(during.length).toBeGreaterThanOrEqual(inFirst);
    for (const s of during) {
      expect(s.progress).not.toBeNull();
      expect({ done: s.progress?.done, toGo: s.progress?.toGo }).toEqual({
        done: s.created,
        toGo: 300 - s.created,
      });
      expect(s.progress?.startedAt).toBe(seen[0]?.progress?.startedAt);
    }
    for (const s of seen.filter((x) => !during.includes(x))) {
      expect(s.progress).toBeNull();
    }
    expect(seen[0]?.progress?.startedAt).toBeGreaterThanOrEqual(first.startedAt);
    expect(seen[0]?.progress?.startedAt).toBeLessThan(first.endedAt);
    const moments = new Set(during.map((s) => s.created));
    expect(moments.size).toBeGreaterThanOrEqual(5);
    expect([...moments].some((n) => n > afterFirst)).toBe(true);

    // Done: nothing is shown any more.
    const after = runOk(w, "getPanelState").returned as { progress: unknown; etaMinutes: unknown };
    expect(after.progress).toBeNull();
    expect(after.etaMinutes).toBeNull();

    // The polls: no lock, no sheet read but the Run log (once, when asked for).
    for (const [i, s] of seen.entries()) {
      expect(s.call.error).toBeUndefined();
      expect(Object.keys(s.call.counts).filter((k) => k.startsWith("LockService."))).toEqual([]);
      // Before the first run ends there is no Run log yet to read.
      const logged = i >= inFirst;
      expect(rangeReads(s.call)).toBe(i % 2 === 0 && logged ? 1 : 0);
      // Finding the Run log: by its English name, then its Dutch one (before the first run: neither).
      const lookups = s.call.counts["Spreadsheet.getSheetByName"] ?? 0;
      expect(i % 2 === 0 ? lookups >= 1 && lookups <= 2 : lookups === 0).toBe(true);
    }
  });

  test("after an execution killed mid-batch, the next run carries on the count, rows left `sending` included", async () => {
    const w = await world(batch(250, "PK"));
    let rounds = 0;
    let armed = false;
    // Killed just after the third round trip: its offers exist in MijnKlantportaal, their rows say
    // `sending`; the next run finds them in the list and counts them as created.
    const killed = w.run("createPendingOffers", [], {
      kill: (c) => {
        if (armed) return true;
        if (c.service === "UrlFetchApp" && ++rounds === 3) armed = true;
        return false;
      },
    });
    expect(killed.killed).toBe("killed");
    expect(w.column("Status").filter((x) => x === "sending").length).toBeGreaterThan(0);
    const before = created(w);
    expect(before).toBeGreaterThan(0);
    w.rt.clock.advance(60_000);
    const seen: Seen[] = [];
    runOk(w, "createPendingOffers", [], { kill: polling(w, seen) });
    await expectExactlyOnce(w, 250);
    const during = seen.filter((x) => x.progress !== null);
    expect(during.length).toBeGreaterThanOrEqual(2);
    for (const x of during) expect(x.progress).toMatchObject({ done: x.created, toGo: 250 - x.created });
    // Carried on from the killed run's count (not from 0), and moving past it.
    expect(during.every((x) => (x.progress?.done ?? 0) >= before)).toBe(true);
    expect(during.some((x) => x.created > before)).toBe(true);
    expect(runOk(w, "getPanelState").returned).toMatchObject({ progress: null });
  });

  test("a stale entry of a killed run is not carried on; the entry is gone after the run, and after one with nothing to send", async () => {
    const w = await world(batch(3, "PZ"));
    // A user who has run before: one round trip for the 3 offers (a cold start probes with one first).
    warmPacing(w);
    const now = w.rt.clock.now();
    w.rt.cache.document.set("MKP_PROGRESS", {
      value: JSON.stringify({
        action: "create",
        done: 50,
        toGo: 5,
        startedAt: now - 3_600_000,
        updatedAt: now - 600_000,
      }),
      expiresAt: now + 3_600_000,
    });
    const seen: Seen[] = [];
    runOk(w, "createPendingOffers", [], { kill: polling(w, seen) });
    expect(seen.map((s) => s.progress?.done)).toEqual([0]);
    expect(seen[0]?.progress?.toGo).toBe(3);
    expect(runOk(w, "getPanelState").returned).toMatchObject({ progress: null });
    runOk(w, "createPendingOffers");
    expect(w.rt.cache.document.get("MKP_PROGRESS")?.value ?? "").toBe("");
  });
});
