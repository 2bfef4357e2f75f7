// runAction (src/app/run-action.ts) on fakes: the document lock taken and released around the body
// (also when it throws), a busy lock told (and a scheduled run trying again later), a continuation
// scheduled when work is left and removed when not, one Run log row per run, mail on failures.

import { describe, expect, test } from "@jest/globals";
import { createOffers } from "../../src/app/create-offers";
import { runAction } from "../../src/app/run-action";
import type { RunOutcome } from "../../src/app/run-outcome";
import { emptyCounts } from "../../src/core/plan-run";
import { RUNS_STOPPED_AT, saveState } from "../../src/core/state-keys";
import { texts } from "../../src/core/texts";
import { offersHarness } from "./fake-services";

const D = new Date(Date.UTC(2026, 11, 1));
const E = new Date(Date.UTC(2026, 11, 31));

const done = (message = "3 created."): RunOutcome => ({ counts: emptyCounts(), message });

function setup(rows: unknown[][] = []) {
  return offersHarness(rows);
}

describe("runAction", () => {
  test("the lock is taken for the body and released; the user is told; one Run log row", () => {
    const h = setup();
    let heldInside = false;
    const outcome = runAction(h.context(), "create", () => {
      heldInside = h.lock.held;
      return done();
    });
    expect(outcome.message).toBe("3 created.");
    expect(heldInside).toBe(true);
    expect([h.lock.taken, h.lock.released, h.lock.held]).toEqual([1, 1, false]);
    expect(h.notifier.told).toEqual([{ kind: "done", message: "3 created." }]);
    expect(h.workbook.runLog.map((r) => [r.action, r.startedBy, r.message])).toEqual([
      ["create", "menu", "3 created."],
    ]);
  });

  test("an error in the body is reported, logged and the lock still released", () => {
    const h = setup();
    const outcome = runAction(h.context(), "refresh", () => {
      throw new Error("boom");
    });
    expect(outcome.stopped).toBe(true);
    expect(outcome.message).toBe(texts().unexpected("boom"));
    expect(h.lock.released).toBe(1);
    expect(h.notifier.told).toEqual([{ kind: "problem", message: texts().unexpected("boom") }]);
    expect(h.workbook.runLog).toHaveLength(1);
  });

  test("busy: the body does not run; the user is told; logged; no trigger from the menu", () => {
    const h = setup();
    h.lock.busy = true;
    let ran = false;
    const outcome = runAction(
      h.context(),
      "create",
      () => {
        ran = true;
        return done();
      },
      { continuation: "create" },
    );
    expect(ran).toBe(false);
    expect(outcome).toMatchObject({ stopped: true, message: texts().busy() });
    expect(h.notifier.told).toEqual([{ kind: "problem", message: texts().busy() }]);
    expect(h.workbook.runLog.map((r) => r.message)).toEqual([texts().busy()]);
    expect(h.triggers.calls).toEqual([]);
  });

  test("busy in a scheduled run: it tries again in a few minutes", () => {
    const h = setup();
    h.lock.busy = true;
    const outcome = runAction(h.context({ startedBy: "trigger" }), "scheduled", () => done(), {
      continuation: "create",
    });
    expect(outcome.message).toContain(texts().busyRetrying());
    expect(h.triggers.calls).toEqual(["scheduleContinuation create true"]);
    expect(h.triggers.continuation?.atMs).toBe(h.clock.now() + 3 * 60_000);
  });

  test("work left: a continuation at the time the run asks; none left: it is removed", () => {
    const h = setup();
    const at = h.clock.now() + 60_000;
    runAction(h.context(), "create", () => ({ ...done(), continueAt: at, progress: true }), {
      continuation: "create",
    });
    expect(h.triggers.continuation).toEqual({ atMs: at, kind: "create" });
    runAction(h.context(), "create", () => done(), { continuation: "create" });
    expect(h.triggers.continuation).toBeNull();
    expect(h.triggers.calls).toEqual(["scheduleContinuation create true", "clearContinuations"]);
  });

  test("a refresh run with nothing left keeps a create continuation", () => {
    const h = setup();
    h.triggers.continuation = { atMs: h.clock.now() + 60_000, kind: "create" };
    runAction(h.context(), "refresh", () => done(), { continuation: "refresh" });
    expect(h.triggers.continuation?.kind).toBe("create");
    expect(h.triggers.calls).toEqual([]);
  });

  test("scheduled runs turned off while this one ran: no continuation is added", () => {
    const h = setup();
    const ctx = h.context();
    saveState(h.stores, RUNS_STOPPED_AT, { at: ctx.startedAt });
    runAction(ctx, "create", () => ({ ...done(), continueAt: h.clock.now() + 60_000 }), {
      continuation: "create",
    });
    expect(h.triggers.continuation).toBeNull();
    expect(h.triggers.calls).toEqual(["clearContinuations"]);
  });

  test("a scheduled run with failures mails the user once a day", () => {
    const h = setup();
    const failed = (): RunOutcome => ({ counts: { ...emptyCounts(), failed: 1 }, message: "1 failed." });
    runAction(h.context({ startedBy: "trigger" }), "scheduled", failed, { mail: true });
    runAction(h.context({ startedBy: "trigger" }), "scheduled", failed, { mail: true });
    expect(h.mailer.sent.map((m) => m.subject)).toEqual([texts().mailSubject("failed")]);
    expect(h.mailer.sent[0]?.body).toContain("1 failed.");
  });

  test("a real create run under the lock: an answer lost (list down too) leaves work, a continuation follows", () => {
    const h = setup([
      ["K-1", "cst_a", D, E],
      ["K-2", "cst_a", D, E],
    ]);
    h.api.onCreate = (body) => (body.offerNumber === "K-2" ? "created-503" : "create");
    h.api.listDown = true;
    const outcome = runAction(h.context(), "create", (c) => createOffers(c, false), {
      continuation: "create",
    });
    expect(outcome.counts).toMatchObject({ created: 1 });
    expect(outcome.message).toContain(texts().continuesSoon());
    expect(h.triggers.continuation?.kind).toBe("create");
    expect([h.lock.taken, h.lock.released]).toEqual([1, 1]);
    expect(h.workbook.runLog).toHaveLength(1);
  });

  // A 429 whose retry-after outlasts the execution: the row waits, saying why, and a continuation
  // is scheduled no earlier than the retry-after (a batch completes with no further user action).
  test("a 429 asking to wait past the deadline: the row waits, and a continuation is scheduled", () => {
    const h = setup([["K-1", "cst_a", D, E]]);
    h.api.onCreate = (_body, nth) =>
      nth === 1
        ? {
            kind: "response",
            status: 429,
            headers: { "Retry-After": "900", "X-RateLimit-Limit": "60", "X-RateLimit-Remaining": "0" },
            body: JSON.stringify({ message: "Too Many Attempts." }),
          }
        : "create";
    const t0 = h.clock.now();
    const outcome = runAction(h.context(), "create", (c) => createOffers(c, false), {
      continuation: "create",
    });
    expect(outcome.counts).toMatchObject({ created: 0, pending: 1 });
    expect(h.workbook.offerCell(2, "Message")).toBe(texts().notSentRateLimit());
    expect(h.triggers.continuation?.kind).toBe("create");
    expect(h.triggers.continuation?.atMs ?? 0).toBeGreaterThanOrEqual(t0 + 900_000);
  });
});
