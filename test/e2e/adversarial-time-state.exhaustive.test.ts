// Adversarial timing: what is left between runs — a sheet deleted or renamed, the hidden ledger
// removed, caches evicted, the daily quota gone, the schedule's owner gone, another user's language.
// CONTRACT §3, §6, §7, §7a, §9.

import { afterAll, describe, expect, test } from "@jest/globals";
import { batch, drain, expectExactlyOnce, KEY_B } from "./batches";
import { expectOk, postedNumbers, runLogMessages, stopDouble, type World, world } from "./world";

afterAll(stopDouble);

const A = "sales@example.com";
const B = "b@example.com";

const dropSheet = (w: World, name: string) => {
  w.ss.sheets = w.ss.sheets.filter((s) => s.name !== name);
};

describe("sheets changed between and during runs", () => {
  test("a continuation left over after Offers was deleted: stops plainly, says to set up sheets, leaves no trigger", async () => {
    const w = await world(batch(400));
    expectOk(w.run("createPendingOffers"));
    expect(w.rt.triggers.filter((t) => t.type === "after").length).toBe(1);
    dropSheet(w, "Offers");
    const r = w.rt.advanceToNextTrigger();
    expect(r?.error).toBeUndefined();
    expect(runLogMessages(w.ss).at(-1)).toMatch(/no sheet named "Offers".*Set up sheets/);
    expect(w.rt.triggers).toEqual([]);
  });

  test("Run log deleted and Offers renamed to Offertes mid-run: results land in the rows, a log is written, nothing twice", async () => {
    const w = await world(batch(20));
    let fetches = 0;
    const r = w.run("createPendingOffers", [], {
      kill: (c) => {
        if (c.service === "UrlFetchApp" && ++fetches === 2) {
          dropSheet(w, "Run log");
          w.ss.sheet("Offers").name = "Offertes";
        }
        return false;
      },
    });
    expectOk(r);
    const rows = w.ss.displayValues("Offertes").slice(1);
    expect(rows.every((row) => row[5] === "created" && String(row[6]).startsWith("off_"))).toBe(true);
    expect((await postedNumbers(w.api)).length).toBe(20);
    const log = w.ss.sheets.find((s) => s.name === "Run log" || s.name === "Logboek");
    expect(log).toBeDefined();
    expect(
      w.ss
        .displayValues(log?.name ?? "")
        .at(-1)
        ?.join(" "),
    ).toContain("20 created.");
  });

  test("the hidden ledger sheet deleted after a run killed mid-batch: the re-run reconciles, nothing is created twice", async () => {
    const w = await world(batch(20));
    let answers = 0;
    const killed = w.run("createPendingOffers", [], {
      kill: (c) => c.service === "HTTPResponse" && ++answers === 5,
    });
    expect(killed.killed).toBe("killed");
    expect(w.column("Status").filter((s) => s === "sending").length).toBeGreaterThan(0);
    dropSheet(w, "MKP ledger");
    expectOk(w.run("createPendingOffers"));
    await expectExactlyOnce(w, 20);
  });
});

describe("caches, stores and quotas", () => {
  test("every cache emptied before each continuation of a 700-offer batch: exactly once, no 429, no oversized stored value", async () => {
    const w = await world(batch(700));
    expectOk(w.run("createPendingOffers"));
    for (let i = 0; i < 10 && w.rt.triggers.length > 0; i++) {
      w.rt.cache.script.clear();
      w.rt.cache.document.clear();
      w.rt.cache.user(A).clear();
      const r = w.rt.advanceToNextTrigger();
      expect(r?.killed).toBeUndefined();
    }
    await expectExactlyOnce(w, 700);
    expect(await w.api.tooManyRequests()).toEqual([]);
    // Apps Script: 9 KB a property value, 100 KB a cache value.
    const props = [...w.rt.properties.document.values(), ...w.rt.properties.user(A).values()];
    expect(props.filter((v) => v.length > 9 * 1024)).toEqual([]);
    const cached = [...w.rt.cache.document.values(), ...w.rt.cache.user(A).values()];
    expect(cached.filter((e) => e.value.length > 100 * 1024)).toEqual([]);
  });

  test("a 400-offer run started with the daily UrlFetch quota used up: nothing sent, rows pending with a message, no continuation loop", async () => {
    const w = await world({ ...batch(400), runtime: { urlFetchDailyQuota: 0 } });
    expectOk(w.run("enableScheduledRuns"));
    const r = w.run("createPendingOffers");
    expectOk(r);
    expect(String(r.returned)).toMatch(/quota is used up/);
    expect(new Set(w.column("Status"))).toEqual(new Set([""]));
    expect(new Set(w.column("Message"))).toEqual(new Set([expect.stringMatching(/quota is used up/)]));
    // Only the hourly trigger: no one-off trigger retrying against the quota.
    expect(w.rt.triggers.map((t) => t.type)).toEqual(["hourly"]);
    const next = w.rt.advanceToNextTrigger();
    expectOk(next ?? ({ fn: "none", error: { message: "no trigger", name: "Error" } } as never));
    expect(w.rt.triggers.map((t) => t.type)).toEqual(["hourly"]);
  });
});

describe("the schedule and the people around it", () => {
  test("a menu batch that needs continuations with hourly runs off: the Run log never promises a later hourly run", async () => {
    const w = await world(batch(400));
    expectOk(w.run("createPendingOffers"));
    expect(drain(w)).toEqual([]);
    await expectExactlyOnce(w, 400);
    const log = runLogMessages(w.ss).join("\n");
    expect(log).not.toMatch(/later hourly run/);
    expect(log).toMatch(
      /not checked for a new status: hourly runs are off\. Use MijnKlantportaal › Refresh offer statuses/,
    );
  });

  test("the same on a Dutch spreadsheet: said in Dutch", async () => {
    const w = await world({ ...batch(400), locale: "nl_NL" });
    expectOk(w.run("createPendingOffers"));
    expect(drain(w)).toEqual([]);
    const log = runLogMessages(w.ss).join("\n");
    expect(log).toMatch(/niet op een nieuwe status gecontroleerd: automatische runs staan uit/);
  });

  // Was a defect: SCHEDULE_OWNER stayed A's when A's trigger disappeared without disableScheduledRuns
  // (deleted in the script editor, A's account removed or authorization revoked): B could not see A's
  // triggers, was told to ask A, and nobody could turn hourly runs on again. Each hourly run now notes
  // that it ran; three hours without one, B may take over (or turn them off).
  test("A's hourly trigger gone without A turning runs off (deleted in the editor, account removed): B can turn hourly runs on with B's key", async () => {
    const w = await world(batch(2));
    w.rt.properties.user(B).set("MKP_API_KEY", KEY_B);
    expectOk(w.run("enableScheduledRuns"));
    // A's trigger disappears; nothing runs any more.
    w.rt.triggers.splice(0, w.rt.triggers.length);
    w.rt.clock.advance(2 * 3_600_000);
    // Two hours: A's runs may just be late or busy; B is still told to ask A.
    expect(String(w.run("enableScheduledRuns", [], { user: B }).returned)).toMatch(
      /already on.*sales@example\.com/,
    );
    expect(w.rt.triggers).toEqual([]);
    w.rt.clock.advance(3 * 3_600_000);
    const r = w.run("enableScheduledRuns", [], { user: B });
    expectOk(r);
    expect(String(r.returned)).toMatch(
      /hourly runs of sales@example\.com have not run for more than 3 hours.*your API key/,
    );
    expect(w.rt.triggers.map((t) => [t.type, t.owner])).toEqual([["hourly", B]]);
    // B's hourly run creates the offers with B's key.
    w.rt.advanceToNextTrigger();
    expect((await postedNumbers(w.api)).length).toBe(2);
  });

  test("an hourly run that keeps running stays A's: B is refused however long it has been on", async () => {
    const w = await world(batch(2));
    w.rt.properties.user(B).set("MKP_API_KEY", KEY_B);
    expectOk(w.run("enableScheduledRuns"));
    for (let h = 0; h < 6; h++) w.rt.advanceToNextTrigger();
    expect(String(w.run("enableScheduledRuns", [], { user: B }).returned)).toMatch(
      /already on.*sales@example\.com/,
    );
    expect(String(w.run("disableScheduledRuns", [], { user: B }).returned)).toMatch(
      /only they can turn them off/,
    );
    expect(w.rt.triggers.map((t) => [t.type, t.owner])).toEqual([["hourly", A]]);
  });

  test("A's stopped hourly runs can be turned off by B; A's trigger, back after B took over, removes itself", async () => {
    const w = await world(batch(2));
    w.rt.properties.user(B).set("MKP_API_KEY", KEY_B);
    expectOk(w.run("enableScheduledRuns"));
    const [aTrigger] = w.rt.triggers.splice(0, w.rt.triggers.length);
    w.rt.clock.advance(4 * 3_600_000);
    expect(String(w.run("disableScheduledRuns", [], { user: B }).returned)).toMatch(
      /have not run for more than 3 hours.*Hourly runs are off/,
    );
    expect(w.rt.properties.document.has("MKP_SCHEDULE_OWNER")).toBe(false);
    // B turns them on, then A's trigger comes back (restored access): it removes itself, runs nothing.
    expectOk(w.run("enableScheduledRuns", [], { user: B }));
    if (aTrigger) w.rt.triggers.unshift(aTrigger);
    const fired = w.rt.advanceToNextTrigger();
    expect(fired?.error).toBeUndefined();
    expect(w.rt.triggers.map((t) => [t.type, t.owner])).toEqual([["hourly", B]]);
  });

  test("a schedule from before the notes (no heartbeat): B is refused now, and may take over three hours later", async () => {
    const w = await world(batch(2));
    w.rt.properties.user(B).set("MKP_API_KEY", KEY_B);
    expectOk(w.run("enableScheduledRuns"));
    w.rt.properties.document.delete("MKP_SCHEDULE_HEARTBEAT");
    w.rt.triggers.splice(0, w.rt.triggers.length);
    w.rt.clock.advance(10 * 3_600_000);
    expect(String(w.run("enableScheduledRuns", [], { user: B }).returned)).toMatch(/already on/);
    w.rt.clock.advance(3 * 3_600_000 + 60_000);
    expect(String(w.run("enableScheduledRuns", [], { user: B }).returned)).toMatch(/your API key/);
    expect(w.rt.triggers.map((t) => [t.type, t.owner])).toEqual([["hourly", B]]);
  });

  test("B's language choice does not change A's texts, nor what B is told about A's schedule", async () => {
    const w = await world(batch(2));
    w.rt.properties.user(B).set("MKP_API_KEY", KEY_B);
    expect(w.run("setLanguage", ["nl"], { user: B }).returned).toMatchObject({ ok: true, lang: "nl" });
    const a = w.run("validateOffers");
    expect(String(a.returned)).toMatch(/^2 offers ready to send/);
    expectOk(w.run("enableScheduledRuns"));
    const b = w.run("enableScheduledRuns", [], { user: B });
    expect(String(b.returned)).toMatch(
      /^Automatische runs staan in deze spreadsheet al aan.*sales@example\.com/,
    );
    expect(w.rt.triggers.map((t) => [t.type, t.owner])).toEqual([["hourly", A]]);
    // A's hourly run writes the Run log in A's language, not B's.
    w.rt.advanceToNextTrigger();
    expect(runLogMessages(w.ss).at(-1)).toMatch(/^2 created\./);
  });
});

describe("actions that must change nothing they should not", () => {
  test("validateOffers leaves sending, created, failed, skip, accepted and 'send anyway' rows as they are, and sends nothing", async () => {
    const rows = [
      ["V-1", "cst_demo0001", "2025-04-14", "", "", "sending", "", "", "", "", "", ""],
      ["V-2", "bad", "2025-04-14", "", "", "created", "off_x1", "12.00", "", "2025-04-14 10:00:00", "", ""],
      ["V-3", "cst_demo0001", "2025-04-14", "", "", "failed", "", "", "The API said no", "", "", ""],
      ["V-4", "nope", "2025-04-14", "", "", "skip", "", "", "", "", "", ""],
      ["V-5", "cst_demo0001", "2024-01-01", "", "", "send anyway", "", "", "", "", "", ""],
      ["V-6", "cst_demo0001", "2025-04-14", "", "", "accepted", "off_x6", "", "", "", "2025-04-15", ""],
      ["V-7", "", "2025-04-14", "", "", "", "", "", "", "", "", ""],
    ];
    const w = await world({ offers: rows, lines: rows.map((r) => [r[0], "Licence", "1.00", 21]) });
    const before = w.offers();
    expectOk(w.run("validateOffers"));
    const after = w.offers();
    // Rows 1-6 keep every cell but Message of the 'send anyway' row (a note that it is ready).
    for (const i of [1, 2, 3, 4, 6]) expect(after[i]).toEqual(before[i]);
    expect(after[5]?.slice(0, 8)).toEqual(before[5]?.slice(0, 8));
    expect(after[7]?.[5]).toBe("invalid");
    expect((await w.api.requests()).length).toBe(0);
  });

  test("createSelectedOffers with only the header row selected sends nothing and says what to select", async () => {
    const w = await world(batch(3));
    w.ss.setSelection("Offers", ["A1:L1"]);
    const r = w.run("createSelectedOffers");
    expectOk(r);
    expect((await w.api.requests()).length).toBe(0);
    expect(String(r.returned)).toMatch(/select/i);
  });
});
