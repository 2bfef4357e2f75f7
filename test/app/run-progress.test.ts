// The create batch's progress for the sidebar (src/app/run-progress.ts): counted from the rows as
// written, carried on by a continuation that starts within PROGRESS_STALE_MS, cleared by the last one.

import { describe, expect, test } from "@jest/globals";
import { ProgressRecorder } from "../../src/app/run-progress";
import { PROGRESS_STALE_MS } from "../../src/core/panel";
import type { Stores } from "../../src/core/ports";
import { loadState, PROGRESS } from "../../src/core/state-keys";
import type { RowUpdate } from "../../src/core/write-back";
import { FakeAccount, fakeContext, fakeStores, virtualClock } from "./fakes";

const START = Date.UTC(2026, 11, 1, 9);

function recorder(stores: Stores = fakeStores(), at = START) {
  const clock = virtualClock(at);
  const ctx = fakeContext(new FakeAccount({ order: "asc", perPage: "ignore" }), clock, stores);
  return { r: new ProgressRecorder(ctx), clock, stores, progress: () => loadState(stores, PROGRESS) };
}

const upd = (key: string, status: string): RowUpdate => ({
  key,
  sheetRow: 2,
  values: { status, message: "" },
});

describe("one execution", () => {
  test("nothing to send: no entry", () => {
    const { r, progress } = recorder();
    r.start([]);
    r.written([upd("a", "created")], []);
    expect(progress()).toBeNull();
  });

  test("the entry counts created rows as done and final rows as no longer to go", () => {
    const { r, clock, progress } = recorder();
    r.start(["a", "b", "c", "d"]);
    expect(progress()).toEqual({ action: "create", done: 0, toGo: 4, startedAt: START, updatedAt: START });
    clock.sleep(5_000);
    r.written([upd("a", "sending"), upd("b", "sending")], []);
    expect(progress()?.updatedAt).toBe(START);
    r.written([upd("a", "created"), upd("b", "failed"), upd("c", "sending")], []);
    expect(progress()).toEqual({
      action: "create",
      done: 1,
      toGo: 2,
      startedAt: START,
      updatedAt: START + 5_000,
    });
    r.written([upd("c", "invalid"), upd("d", "")], []);
    expect(progress()).toMatchObject({ done: 1, toGo: 1 });
  });

  test("a row written twice counts once; rows not of this batch and rows whose write was lost do not count", () => {
    const { r, progress } = recorder();
    r.start(["a", "b"]);
    const lost = upd("b", "created");
    r.written([upd("a", "created"), upd("a", "created"), upd("x", "created"), lost], [lost]);
    expect(progress()).toMatchObject({ done: 1, toGo: 1 });
  });

  test("the last execution clears the entry; one with a continuation keeps it, freshly dated", () => {
    const a = recorder();
    a.r.start(["a"]);
    a.clock.sleep(30_000);
    a.r.finish(true);
    expect(a.progress()?.updatedAt).toBe(START + 30_000);
    a.r.finish(false);
    expect(a.progress()).toBeNull();
  });
});

describe("across executions", () => {
  test("a continuation that starts in time carries on the count and the start", () => {
    const stores = fakeStores();
    const first = recorder(stores);
    first.r.start(["a", "b", "c"]);
    first.r.written([upd("a", "created"), upd("b", "created")], []);
    first.r.finish(true);

    const next = recorder(stores, START + PROGRESS_STALE_MS);
    next.r.start(["c", "d"]);
    expect(next.progress()).toEqual({
      action: "create",
      done: 2,
      toGo: 2,
      startedAt: START,
      updatedAt: START + PROGRESS_STALE_MS,
    });
    next.r.written([upd("c", "created")], []);
    expect(next.progress()).toMatchObject({ done: 3, toGo: 1 });
  });

  test("an entry older than PROGRESS_STALE_MS belongs to a killed execution: a new batch starts from 0", () => {
    const stores = fakeStores();
    const first = recorder(stores);
    first.r.start(["a", "b"]);
    first.r.written([upd("a", "created")], []);

    const later = START + PROGRESS_STALE_MS + 1;
    const next = recorder(stores, later);
    next.r.start(["c"]);
    expect(next.progress()).toEqual({
      action: "create",
      done: 0,
      toGo: 1,
      startedAt: later,
      updatedAt: later,
    });
  });

  test("an execution with nothing to send still clears what a killed one left", () => {
    const stores = fakeStores();
    recorder(stores).r.start(["a"]);
    const next = recorder(stores, START + 60_000);
    next.r.finish(false);
    expect(next.progress()).toBeNull();
  });

  test("a cache that cannot be written never fails the run", () => {
    const stores: Stores = {
      ...fakeStores(),
      documentCache: {
        get: () => null,
        put: () => {
          throw new Error("Cache full");
        },
      },
    };
    const { r } = recorder(stores);
    expect(() => {
      r.start(["a"]);
      r.written([upd("a", "created")], []);
      r.finish(true);
      r.finish(false);
    }).not.toThrow();
  });
});
