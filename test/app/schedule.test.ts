// Turning scheduled runs on and off (src/app/schedule.ts) with a Triggers fake that records its calls:
// one hourly trigger per spreadsheet (its owner's), and turning off stops any continuation too.

import { describe, expect, test } from "@jest/globals";
import { hourlyRunEnded, hourlyRunMayGo } from "../../src/app/schedule";
import { disableScheduledRuns, enableScheduledRuns } from "../../src/app/schedule-switch";
import { pick } from "../../src/core/language";
import { emptyCounts } from "../../src/core/plan-run";
import {
  API_KEY,
  RUNS_STOPPED_AT,
  SCHEDULE_HEARTBEAT,
  SCHEDULE_OWNER,
  SCHEDULE_STALE_HOURS as STALE_HOURS,
} from "../../src/core/state-keys";
import { texts } from "../../src/core/texts";
import { SCHEDULE_TEXTS } from "../../src/core/texts-schedule";
import { FakeAccount, type FakeStores, FakeTriggers, fakeContext, fakeStores, virtualClock } from "./fakes";

const NOW = Date.UTC(2026, 11, 1, 9);

/**
 * `me`'s context, with a key of their own; `shared` is another user's in the same spreadsheet (the
 * document store is common).
 */
function world(me: string, shared?: FakeStores, at = NOW) {
  const stores: FakeStores = shared ? { ...fakeStores(), document: shared.document } : fakeStores();
  stores.user.map.set(API_KEY.name, `key-of-${me}`);
  const triggers = new FakeTriggers();
  const ctx = fakeContext(new FakeAccount({ order: "asc", perPage: "ignore" }), virtualClock(at), stores, {
    triggers,
    userEmail: () => me,
  });
  const owner = () => stores.document.map.get(SCHEDULE_OWNER.name) ?? null;
  const stoppedAt = () => stores.user.map.get(RUNS_STOPPED_AT.name) ?? null;
  const beat = () => JSON.parse(stores.document.map.get(SCHEDULE_HEARTBEAT.name) ?? "null");
  return { ctx, triggers, stores, owner, stoppedAt, beat };
}

describe("enableScheduledRuns", () => {
  test("without a key of one's own: installed (CONTRACT §3), and told that the runs create nothing until a key is set", () => {
    const w = world("ann@example.nl");
    w.stores.user.map.delete(API_KEY.name);
    const told = enableScheduledRuns(w.ctx);
    expect(told.stopped).toBe(false);
    expect(told.message).toBe(`${texts().scheduleOn()} ${pick(SCHEDULE_TEXTS).needKey()}`);
    expect(w.triggers.calls).toEqual(["installHourly"]);
    expect(w.owner()).toBe("ann@example.nl");
  });

  test("installs this user's hourly trigger, makes them the owner and forgets an earlier stop", () => {
    const w = world("ann@example.nl");
    w.stores.user.map.set(RUNS_STOPPED_AT.name, JSON.stringify({ at: NOW - 1000 }));
    expect(enableScheduledRuns(w.ctx).message).toBe(texts().scheduleOn());
    expect(w.triggers.calls).toEqual(["installHourly"]);
    expect(w.triggers.hourly).toBe(true);
    expect(w.owner()).toBe("ann@example.nl");
    expect(w.stoppedAt()).toBeNull();
  });

  test("a second time: no second trigger", () => {
    const w = world("ann@example.nl");
    enableScheduledRuns(w.ctx);
    expect(enableScheduledRuns(w.ctx).message).toBe(texts().scheduleAlreadyOn());
    expect(w.triggers.calls).toEqual(["installHourly", "installHourly"]);
    expect(w.triggers.hourly).toBe(true);
  });

  test("someone else's schedule is theirs: no trigger is installed, the owner stays", () => {
    const ann = world("ann@example.nl");
    enableScheduledRuns(ann.ctx);
    const bob = world("bob@example.nl", ann.stores);
    expect(enableScheduledRuns(bob.ctx)).toEqual({
      message: texts().scheduleTakenBy("ann@example.nl"),
      stopped: true,
    });
    expect(bob.triggers.calls).toEqual([]);
    expect(bob.owner()).toBe("ann@example.nl");
  });

  test("when Apps Script does not say who the user is, the trigger is installed but no owner is claimed", () => {
    const w = world("");
    expect(enableScheduledRuns(w.ctx).message).toBe(texts().scheduleOn());
    expect(w.triggers.calls).toEqual(["installHourly"]);
    expect(w.owner()).toBeNull();
  });
});

describe("disableScheduledRuns", () => {
  test("the owner turns them off: every trigger removed, the owner cleared, the stop remembered", () => {
    const w = world("ann@example.nl");
    enableScheduledRuns(w.ctx);
    w.triggers.scheduleContinuation(NOW + 60_000, NOW, "create", true);
    w.triggers.calls.length = 0;
    expect(disableScheduledRuns(w.ctx).message).toBe(texts().scheduleOff());
    expect(w.triggers.calls).toEqual(["removeAll"]);
    expect(w.triggers.hourly).toBe(false);
    expect(w.triggers.continuation).toBeNull();
    expect(w.owner()).toBeNull();
    expect(JSON.parse(w.stoppedAt() ?? "null")).toEqual({ at: NOW });
  });

  test("nothing was on: said so, and a busy run still schedules no continuation", () => {
    const w = world("ann@example.nl");
    expect(disableScheduledRuns(w.ctx).message).toBe(texts().scheduleWasOff());
    expect(w.triggers.calls).toEqual(["removeAll"]);
    expect(JSON.parse(w.stoppedAt() ?? "null")).toEqual({ at: NOW });
  });

  test("another user with no trigger of their own is told whose schedule it is; it stays on", () => {
    const ann = world("ann@example.nl");
    enableScheduledRuns(ann.ctx);
    const bob = world("bob@example.nl", ann.stores);
    expect(disableScheduledRuns(bob.ctx)).toEqual({
      message: texts().scheduleOwnedBy("ann@example.nl"),
      stopped: true,
    });
    expect(bob.owner()).toBe("ann@example.nl");
    expect(ann.triggers.hourly).toBe(true);
  });

  test("another user's own continuation is removed, and the owner's schedule is left alone", () => {
    const ann = world("ann@example.nl");
    enableScheduledRuns(ann.ctx);
    const bob = world("bob@example.nl", ann.stores);
    bob.triggers.scheduleContinuation(NOW + 60_000, NOW, "refresh", true);
    expect(disableScheduledRuns(bob.ctx).message).toBe(texts().scheduleOff());
    expect(bob.triggers.continuation).toBeNull();
    expect(bob.owner()).toBe("ann@example.nl");
  });
});

describe("an owner whose hourly runs stopped (trigger deleted, account gone)", () => {
  const HOUR = 3_600_000;
  const stale = NOW + STALE_HOURS * HOUR + 1;

  const done = { counts: emptyCounts(), message: "" };

  test("each hourly run of the owner notes that it ran; turning on notes it too", () => {
    const ann = world("ann@example.nl");
    enableScheduledRuns(ann.ctx);
    expect(ann.beat()).toEqual({ at: NOW });
    const later = world("ann@example.nl", ann.stores, NOW + HOUR);
    expect(hourlyRunMayGo(later.ctx)).toBe(true);
    hourlyRunEnded(later.ctx, done);
    expect(later.beat()).toEqual({ at: NOW + HOUR });
  });

  test("an hourly run that could not use the owner's key (none, or refused) does not count as running", () => {
    const ann = world("ann@example.nl");
    enableScheduledRuns(ann.ctx);
    const refused = world("ann@example.nl", ann.stores, NOW + HOUR);
    hourlyRunEnded(refused.ctx, { ...done, stopped: true, keyRefused: true });
    expect(refused.beat()).toEqual({ at: NOW });
    const cleared = world("ann@example.nl", ann.stores, NOW + 2 * HOUR);
    cleared.stores.user.map.delete(API_KEY.name);
    hourlyRunEnded(cleared.ctx, { ...done, stopped: true });
    expect(cleared.beat()).toEqual({ at: NOW });
    // Stopped for another reason (another run busy): the runs are alive.
    const busy = world("ann@example.nl", ann.stores, NOW + 3 * HOUR);
    hourlyRunEnded(busy.ctx, { ...done, stopped: true });
    expect(busy.beat()).toEqual({ at: NOW + 3 * HOUR });
  });

  test.each([
    ["just under three hours", NOW + STALE_HOURS * HOUR - 1, false],
    ["over three hours", stale, true],
  ])("another user turning them on %s after the last run: taken over only when stopped", (_l, at, taken) => {
    const ann = world("ann@example.nl");
    enableScheduledRuns(ann.ctx);
    const bob = world("bob@example.nl", ann.stores, at);
    const said = enableScheduledRuns(bob.ctx).message;
    expect(said).toBe(
      taken
        ? pick(SCHEDULE_TEXTS).takenOver("ann@example.nl", STALE_HOURS)
        : texts().scheduleTakenBy("ann@example.nl"),
    );
    expect(bob.triggers.hourly).toBe(taken);
    expect(bob.owner()).toBe(taken ? "bob@example.nl" : "ann@example.nl");
  });

  test("another user turning them off once stopped: the owner is cleared, said why", () => {
    const ann = world("ann@example.nl");
    enableScheduledRuns(ann.ctx);
    const bob = world("bob@example.nl", ann.stores, stale);
    expect(disableScheduledRuns(bob.ctx).message).toBe(
      pick(SCHEDULE_TEXTS).staleOff("ann@example.nl", STALE_HOURS),
    );
    expect(bob.owner()).toBeNull();
  });

  test("without any note (a schedule from before them): not taken now, now noted, taken once stale", () => {
    const ann = world("ann@example.nl");
    enableScheduledRuns(ann.ctx);
    ann.stores.document.map.delete(SCHEDULE_HEARTBEAT.name);
    const bob = world("bob@example.nl", ann.stores, NOW + 50 * HOUR);
    expect(enableScheduledRuns(bob.ctx).message).toBe(texts().scheduleTakenBy("ann@example.nl"));
    expect(bob.beat()).toEqual({ at: NOW + 50 * HOUR });
    const bobLater = world("bob@example.nl", ann.stores, NOW + 54 * HOUR);
    expect(enableScheduledRuns(bobLater.ctx).message).toBe(
      pick(SCHEDULE_TEXTS).takenOver("ann@example.nl", STALE_HOURS),
    );
  });

  test("turned off by another user once stopped: the old owner's trigger, if it comes back, removes itself", () => {
    const ann = world("ann@example.nl");
    enableScheduledRuns(ann.ctx);
    const bob = world("bob@example.nl", ann.stores, stale);
    expect(disableScheduledRuns(bob.ctx).message).toBe(
      pick(SCHEDULE_TEXTS).staleOff("ann@example.nl", STALE_HOURS),
    );
    // Ann's trigger fires again (she authorised the script again): hourly runs were turned off.
    const annBack = world("ann@example.nl", ann.stores, stale + HOUR);
    expect(hourlyRunMayGo(annBack.ctx)).toBe(false);
    expect(annBack.triggers.calls).toEqual(["removeAll"]);
    expect(annBack.owner()).toBeNull();
  });

  test("a schedule without an owner (no e-mail when turned on) keeps running while its runs go on", () => {
    const w = world("");
    enableScheduledRuns(w.ctx);
    const later = world("", w.stores, NOW + HOUR);
    expect(hourlyRunMayGo(later.ctx)).toBe(true);
    const named = world("ann@example.nl", w.stores, NOW + 2 * HOUR);
    expect(hourlyRunMayGo(named.ctx)).toBe(true);
    expect(named.triggers.calls).toEqual([]);
  });

  test("the hourly trigger of someone no longer the owner removes itself and runs nothing", () => {
    const ann = world("ann@example.nl");
    enableScheduledRuns(ann.ctx);
    const bob = world("bob@example.nl", ann.stores, stale);
    enableScheduledRuns(bob.ctx);
    const annBack = world("ann@example.nl", ann.stores, stale + HOUR);
    expect(hourlyRunMayGo(annBack.ctx)).toBe(false);
    expect(annBack.triggers.calls).toEqual(["removeAll"]);
    expect(annBack.beat()).toEqual({ at: stale });
  });
});
