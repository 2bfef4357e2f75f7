// Adversarial pass over hourly runs with several users and the clock: turning them on without a key,
// a key cleared or refused while they are on, two people turning them on at the same moment, and
// Google's daily UrlFetch quota in scheduled and menu runs. CONTRACT §3, §6, §7, §9.

import { afterAll, describe, expect, test } from "@jest/globals";
import type { ExecutionResult } from "../../tools/gas-runtime/types";
import { USER_B as B, KEY_B, batch as twoLineBatch } from "./batches";
import { expectOk, postedNumbers, runLogMessages, runOk, stopDouble, type World, world } from "./world";

afterAll(stopDouble);

const A = "sales@example.com";
const HOUR = 3_600_000;
const batch = (n: number) => twoLineBatch(n, "H");
const triggers = (w: World) => w.rt.triggers.filter((t) => !t.disabled).map((t) => [t.type, t.owner]);
const said = (r: ExecutionResult) => String(r.returned);
const fetchCalls = (r: ExecutionResult) => r.calls.filter((c) => c.service === "UrlFetchApp").length;

interface Panel {
  schedule: { on: boolean; owner: string | null; mine: boolean; stalled: boolean };
  key: { saved: boolean };
}
const panel = (w: World, user = A) => runOk(w, "getPanelState", [], { user }).returned as Panel;

describe("turning hourly runs on without a key of one's own", () => {
  // Was a defect: B, with no key, was told "Hourly runs are on … with your API key"; every hourly run
  // then stopped on "no API key", B got a mail, and A was refused ("ask b@example.com to turn them off").
  // The trigger is installed (CONTRACT §3), and B is told plainly that the runs create nothing yet.
  test("B without a key: told to set a key; the runs do nothing, and A may take them over after three hours", async () => {
    const w = await world(batch(2));
    const r = runOk(w, "enableScheduledRuns", [], { user: B });
    expect(said(r)).toMatch(
      /^Hourly runs are on.*But no API key is set for you yet.*Set API key…, they create nothing\.$/,
    );
    expect(triggers(w)).toEqual([["hourly", B]]);
    expect(panel(w, B).schedule).toMatchObject({ on: true, owner: B, mine: true });
    for (let h = 0; h < 4; h++) expectOk(w.rt.advanceToNextTrigger() as ExecutionResult);
    expect(w.column("Status")).toEqual(["", ""]);
    expect(said(runOk(w, "enableScheduledRuns"))).toMatch(/have not run for more than 3 hours.*your API key/);
    for (let h = 0; h < 2; h++) expectOk(w.rt.advanceToNextTrigger() as ExecutionResult);
    expect(triggers(w)).toEqual([["hourly", A]]);
    expect(w.column("Status")).toEqual(["created", "created"]);
  });

  test("the same on a Dutch spreadsheet, in Dutch", async () => {
    const w = await world({ ...batch(1), locale: "nl_NL", withKey: false });
    const r = runOk(w, "enableScheduledRuns");
    expect(said(r)).toMatch(
      /^Automatische runs staan aan.*nog geen API-sleutel.*API-sleutel instellen…, maken ze niets aan\.$/,
    );
    expect(triggers(w)).toEqual([["hourly", A]]);
  });
});

describe("the owner's key stops working while hourly runs are on", () => {
  test("A clears the key: told the runs can do nothing without it; runs stop plainly; B may take over after three hours", async () => {
    const w = await world(batch(2));
    w.rt.properties.user(B).set("MKP_API_KEY", KEY_B);
    runOk(w, "enableScheduledRuns");
    expect(said(runOk(w, "clearApiKey"))).toMatch(/removed.*hourly runs are still on.*without a key/i);
    for (let h = 0; h < 2; h++) expectOk(w.rt.advanceToNextTrigger() as ExecutionResult);
    expect(runLogMessages(w.ss).at(-1)).toMatch(/No MijnKlantportaal API key is set/);
    expect(w.column("Status")).toEqual(["", ""]);
    expect(w.rt.mail.map((m) => m.to)).toEqual([A]);
    // Hourly runs that cannot use a key are not running: after three hours B may take over.
    expect(said(runOk(w, "enableScheduledRuns", [], { user: B }))).toMatch(/already on.*sales@example\.com/);
    for (let h = 0; h < 2; h++) expectOk(w.rt.advanceToNextTrigger() as ExecutionResult);
    expect(panel(w, B).schedule).toMatchObject({ on: true, owner: A, stalled: true });
    expect(said(runOk(w, "enableScheduledRuns", [], { user: B }))).toMatch(
      /hourly runs of sales@example\.com have not run.*your API key/,
    );
    expect(triggers(w)).toEqual(
      expect.arrayContaining([
        ["hourly", A],
        ["hourly", B],
      ]),
    );
    // A's trigger removes itself when it next fires; B's run creates the offers with B's key.
    for (let i = 0; i < 2; i++) expectOk(w.rt.advanceToNextTrigger() as ExecutionResult);
    expect(triggers(w)).toEqual([["hourly", B]]);
    expect(w.column("Status")).toEqual(["created", "created"]);
  });

  test("A's key refused (401) by every hourly run: no row failed, one mail to A, then B may take over", async () => {
    const w = await world(batch(2));
    w.rt.properties.user(B).set("MKP_API_KEY", KEY_B);
    runOk(w, "enableScheduledRuns");
    await w.api.configure({ apiKeys: [KEY_B] });
    for (let h = 0; h < 4; h++) expectOk(w.rt.advanceToNextTrigger() as ExecutionResult);
    expect(runLogMessages(w.ss).at(-1)).toMatch(/refused the API key/);
    expect(w.column("Status")).not.toContain("failed");
    expect(w.rt.mail.map((m) => [m.to, m.subject])).toEqual([[A, expect.stringMatching(/stopped/)]]);
    expect(panel(w, A).schedule).toMatchObject({ on: true, mine: true, stalled: true });
    expect(said(runOk(w, "enableScheduledRuns", [], { user: B }))).toMatch(/your API key/);
    for (let i = 0; i < 2; i++) expectOk(w.rt.advanceToNextTrigger() as ExecutionResult);
    expect(triggers(w)).toEqual([["hourly", B]]);
    expect(w.column("Status")).toEqual(["created", "created"]);
  });
});

describe("two executions turning hourly runs on at the same moment", () => {
  /** Runs `second` while `first` is between looking at the triggers and installing its own. */
  const together = (w: World, first: string, second: { fn: string; user: string }) => {
    let inner: ExecutionResult | null = null;
    const outer = w.run(first, [], {
      kill: (c) => {
        if (inner === null && c.service === "ClockTriggerBuilder" && c.method === "create")
          inner = w.run(second.fn, [], { user: second.user });
        return false;
      },
    });
    expectOk(outer);
    if (inner === null) throw new Error("the second execution did not run");
    expectOk(inner);
    return { outer, inner: inner as ExecutionResult };
  };

  // Was a defect: a double click on the menu item (two executions) installed two hourly triggers.
  test("the menu item chosen twice quickly: one hourly trigger, the second told plainly", async () => {
    const w = await world(batch(1));
    const { outer, inner } = together(w, "enableScheduledRuns", { fn: "enableScheduledRuns", user: A });
    expect(triggers(w)).toEqual([["hourly", A]]);
    expect(said(outer)).toMatch(/Hourly runs are on/);
    expect(said(inner)).toMatch(/being turned on or off.*try again/i);
  });

  test("A and B at the same moment: one hourly trigger, one owner, B told it was not turned on", async () => {
    const w = await world(batch(1));
    w.rt.properties.user(B).set("MKP_API_KEY", KEY_B);
    const { inner } = together(w, "enableScheduledRuns", { fn: "enableScheduledRuns", user: B });
    expect(triggers(w)).toEqual([["hourly", A]]);
    expect(w.rt.properties.document.get("MKP_SCHEDULE_OWNER")).toBe(A);
    expect(said(inner)).not.toMatch(/Hourly runs are on/);
    // Once A's is done, B is told whose runs they are.
    expect(said(runOk(w, "enableScheduledRuns", [], { user: B }))).toMatch(/already on.*sales@example\.com/);
  });
});

describe("Google's daily UrlFetch quota", () => {
  // Was a defect: after the create step met the quota, the hourly run went on to refresh statuses
  // and sync customers, each trying again against the quota, and the Run log spoke of lists that
  // "could not be read completely".
  test("an hourly run meeting the quota ends there: one try, no refresh or customer sync, rows pending", async () => {
    const w = await world({ ...batch(30), runtime: { urlFetchDailyQuota: 0 } });
    runOk(w, "enableScheduledRuns");
    const run = w.rt.advanceToNextTrigger() as ExecutionResult;
    expectOk(run);
    expect(fetchCalls(run)).toBe(1);
    const message = runLogMessages(w.ss).at(-1) ?? "";
    expect(message).toMatch(/quota is used up/);
    expect(message).not.toMatch(/Statuses|Customers/);
    expect(new Set(w.column("Status"))).toEqual(new Set([""]));
    expect(triggers(w)).toEqual([["hourly", A]]);
  });

  test("a menu refresh meeting the quota says so, and tries nothing more", async () => {
    const w = await world(batch(3));
    runOk(w, "createPendingOffers");
    w.rt.clock.advance(2 * HOUR);
    // The rest of today's quota is used by something else (another script of the same user).
    (w.rt as unknown as { fetchSettings: { quota: { limit: number } } }).fetchSettings.quota.limit = 0;
    const r = runOk(w, "refreshOfferStatuses");
    expect(said(r)).toMatch(/quota is used up/);
    expect(fetchCalls(r)).toBe(1);
    expect(w.column("Status")).toEqual(["created", "created", "created"]);
  });

  // Was a defect: with hourly runs off, a menu batch meeting the quota left its rows saying "will
  // retry tomorrow", and nothing ever did.
  test("a menu batch meeting the quota with hourly runs off: the rest is created the next days, one try a day", async () => {
    const w = await world({ ...batch(300), runtime: { urlFetchDailyQuota: 120 } });
    const r = runOk(w, "createPendingOffers");
    expect(said(r)).toMatch(/120 created, 180 still pending.*quota is used up.*tomorrow/);
    const starts = [r.startedAt];
    while (w.rt.clock.now() - (starts[0] ?? 0) < 4 * 24 * HOUR) {
      const next = w.rt.advanceToNextTrigger();
      if (!next) break;
      expectOk(next);
      starts.push(next.startedAt);
      expect(w.rt.triggers.filter((t) => !t.disabled).length).toBeLessThanOrEqual(1);
    }
    expect(w.column("Status").every((s) => s === "created")).toBe(true);
    const posted = await postedNumbers(w.api);
    expect(new Set(posted).size).toBe(300);
    expect(posted.length).toBe(300);
    // No loop against the quota: each try at least a day after the one before.
    const gaps = starts.slice(1).map((s, i) => s - (starts[i] ?? 0));
    expect(gaps.filter((g) => g < 24 * HOUR)).toEqual([]);
    expect(starts.length).toBe(3);
    expect(w.rt.triggers).toEqual([]);
  });
});
