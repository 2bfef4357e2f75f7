// The local Apps Script runtime: fresh V8 context per execution, no Node globals, virtual clock and
// cost model, the time limit and kills, properties, locks, triggers, Utilities and the strict services.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { callKind, DEFAULT_COSTS, GasRuntime, type RuntimeOptions } from "../../tools/gas-runtime";
import { SpreadsheetModel } from "../../tools/gas-runtime/spreadsheet";

const START = Date.UTC(2025, 3, 14, 8, 0);

const CODE = `
var counter = 0;
function bump() {
  counter++;
  globalThis.leaked = (globalThis.leaked || 0) + 1;
  return { counter: counter, leaked: globalThis.leaked };
}
function nodeGlobals() {
  var names = ["process", "require", "module", "setTimeout", "setInterval", "URL", "URLSearchParams",
    "TextEncoder", "fetch", "btoa", "atob", "Buffer", "global", "structuredClone", "queueMicrotask"];
  return names.filter(function (n) { return typeof globalThis[n] !== "undefined"; });
}
function useProcess() { return process.env; }
function clockInfo() {
  return { now: Date.now(), newDate: new Date().getTime(), fixed: new Date(0).getTime(),
    isDate: new Date() instanceof Date, str: typeof Date(), parsed: Date.parse("2025-01-01T00:00:00Z"),
    utc: Date.UTC(2025, 0, 1) };
}
function localTime() { return [new Date().getHours(), new Date(2025, 3, 14).getTime()]; }
function echo(a, b) { return { a: a, b: b, when: new Date(86400000), list: [1, "x", null] }; }
function thrower() { throw new TypeError("bad thing"); }
function spend() {
  var p = PropertiesService.getScriptProperties();   // free
  p.setProperty("k", "v");                           // 5
  p.getProperty("k");                                // 5
  CacheService.getScriptCache().put("c", "1");       // 5
  Utilities.sleep(1000);                             // 1000
  return Date.now();
}
function sheetWork() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Offers");  // handles: free
  var values = sheet.getRange(1, 1, sheet.getLastRow(), 2).getValues();     // 40 + 40
  sheet.getRange(2, 2).setValues([["done"]]);                                 // 40
  SpreadsheetApp.flush();                                                      // 100
  SpreadsheetApp.getActiveSpreadsheet().toast("Done", "MKP");                  // 40
  return values;
}
function longLoop() {
  var n = 0;
  try {
    for (var i = 0; i < 7; i++) { Utilities.sleep(60000); n++; }
  } finally {
    PropertiesService.getScriptProperties().setProperty("loops", String(n));
  }
}
function catchesDeath() {
  try { for (var i = 0; i < 10; i++) Utilities.sleep(60000); } catch (e) { return "survived: " + e.message; }
}
function threeWrites() {
  var lock = LockService.getDocumentLock();
  lock.waitLock(1000);
  var p = PropertiesService.getScriptProperties();
  p.setProperty("a", "1");
  p.setProperty("b", "2");
  p.setProperty("c", "3");
  lock.releaseLock();
}
function saveKey(key) { PropertiesService.getUserProperties().setProperty("KEY", key); }
function readKey() { return PropertiesService.getUserProperties().getProperty("KEY"); }
function whoAmI() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(), Session.getScriptTimeZone()]; }
function tryDocLock(ms) { var l = LockService.getDocumentLock(); var got = l.tryLock(ms); return [got, l.hasLock()]; }
function waitDocLock() { LockService.getDocumentLock().waitLock(2000); }
function schedule() {
  ScriptApp.newTrigger("tick").timeBased().everyHours(1).create();
  ScriptApp.newTrigger("once").timeBased().after(60000).create();
  return ScriptApp.getProjectTriggers().map(function (t) { return t.getHandlerFunction(); });
}
function listTriggers() {
  return ScriptApp.getProjectTriggers().map(function (t) { return [t.getHandlerFunction(), t.getEventType() === ScriptApp.EventType.CLOCK]; });
}
function unschedule() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); }
function tick(e) { Logger.log("tick %s at %s", e.triggerUid, new Date().toISOString()); return e.authMode; }
function once(e) { console.log("once", Session.getActiveUser().getEmail()); return e.triggerUid; }
function formats(ms) {
  var d = new Date(ms);
  var p = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX EEE MMM d, yy H a z Z 'o''clock'";
  return [Utilities.formatDate(d, "Europe/Amsterdam", p), Utilities.formatDate(d, "America/New_York", p)];
}
function utils() {
  return [Utilities.getUuid(), Utilities.formatString("%s has %d offers (%05.1f%%)", "Ann", 3, 12.345),
    Utilities.base64Encode("héllo"), Utilities.base64Decode("aMOp").join(","), Math.random()];
}
function missing() { try { UrlFetchApp.getBlobby(); } catch (e) { return e.message; } }
function html(name) { var o = HtmlService.createHtmlOutputFromFile(name).setWidth(400); return [o.getContent(), o.getWidth()]; }
function cache() { var c = CacheService.getUserCache(); var v = c.get("x"); if (v === null) c.put("x", "cached", 60); return v; }
function mail() {
  MailApp.sendEmail("a@example.com", "Subject", "Body");
  MailApp.sendEmail({ to: "b@example.com", subject: "S2", body: "B2", htmlBody: "<b>B2</b>" });
  return MailApp.getRemainingDailyQuota();
}
function limitedMode() {
  var out = [];
  [function () { PropertiesService.getUserProperties(); }, function () { ScriptApp.newTrigger("x"); },
   function () { MailApp.sendEmail("a@b.c", "s", "b"); }].forEach(function (f) {
    try { f(); out.push("ok"); } catch (e) { out.push(e.message); }
  });
  return out;
}
`;

function makeDist(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "gas-runtime-"));
  writeFileSync(
    join(dir, "appsscript.json"),
    JSON.stringify({ timeZone: "Europe/Amsterdam", runtimeVersion: "V8" }),
  );
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const dist = makeDist({ "Code.js": CODE, "Dialog.html": "<p>Enter your key</p>" });
const runtime = (opts: Partial<RuntimeOptions> = {}) => new GasRuntime({ distDir: dist, ...opts });

describe("execution context", () => {
  it("gives every execution a fresh global scope", () => {
    const rt = runtime();
    expect(rt.run("bump").returned).toEqual({ counter: 1, leaked: 1 });
    expect(rt.run("bump").returned).toEqual({ counter: 1, leaked: 1 });
    expect(rt.executions).toHaveLength(2);
  });

  it("exposes no Node globals; referencing one fails as in Apps Script", () => {
    const rt = runtime();
    expect(rt.run("nodeGlobals").returned).toEqual([]);
    expect(rt.run("useProcess").error).toMatchObject({
      name: "ReferenceError",
      message: "process is not defined",
    });
  });

  it("captures returns as plain copies and throws as errors; unknown functions fail", () => {
    const rt = runtime();
    const r = rt.run("echo", ["x", { n: 1 }]);
    expect(r.returned).toEqual({ a: "x", b: { n: 1 }, when: new Date(86400000), list: [1, "x", null] });
    expect((r.returned as { when: unknown }).when).toBeInstanceOf(Date);
    expect(rt.run("thrower").error).toMatchObject({ name: "TypeError", message: "bad thing" });
    expect(rt.run("nope").error?.message).toBe("Script function not found: nope");
  });

  it("records service calls made while loading the files", () => {
    const d = makeDist({
      "a.js": "var tz = Session.getScriptTimeZone();",
      "b.js": "function f() { return tz; }",
    });
    const r = new GasRuntime({ distDir: d }).run("f");
    expect(r.returned).toBe("Europe/Amsterdam");
    expect(r.calls).toEqual([
      expect.objectContaining({ service: "Session", method: "getScriptTimeZone", phase: "load" }),
    ]);
  });

  it("patches Date (virtual now, local time in the script time zone) and seeds Math.random", () => {
    const r = runtime({ startTime: START }).run("clockInfo");
    expect(r.returned).toEqual({
      now: START,
      newDate: START,
      fixed: 0,
      isDate: true,
      str: "string",
      parsed: Date.UTC(2025, 0, 1),
      utc: Date.UTC(2025, 0, 1),
    });
    const tzBefore = process.env.TZ;
    expect(runtime({ startTime: START }).run("localTime").returned).toEqual([10, Date.UTC(2025, 3, 13, 22)]);
    const newYork = runtime({ startTime: START, scriptTimeZone: "America/New_York" });
    expect(newYork.run("localTime").returned).toEqual([4, Date.UTC(2025, 3, 14, 4)]);
    expect(process.env.TZ).toBe(tzBefore);
    const a = runtime({ seed: 7 }).run("utils").returned as unknown[];
    const b = runtime({ seed: 7 }).run("utils").returned as unknown[];
    expect(a).toEqual(b);
    expect(runtime({ seed: 8 }).run("utils").returned).not.toEqual(a);
  });
});

describe("virtual clock, costs and limits", () => {
  it("advances the clock by the cost model and counts calls", () => {
    const rt = runtime({ startTime: START });
    const r = rt.run("spend");
    expect(r.returned).toBe(START + 3 * 5 + 1000);
    expect(r.endedAt - r.startedAt).toBe(1015);
    expect(r.counts).toMatchObject({ "Properties.setProperty": 1, "Cache.put": 1, "Utilities.sleep": 1 });
    expect(runtime({ costs: { properties: 100 } }).run("spend").endedAt - START).toBe(1205);
  });

  it("charges Spreadsheet reads and writes, not handles, and runs against the bound spreadsheet", () => {
    const spreadsheet = new SpreadsheetModel();
    spreadsheet.addSheet("Offers", [
      ["Offer number", "Status"],
      ["001", ""],
    ]);
    const rt = runtime({ spreadsheet, startTime: START });
    const r = rt.run("sheetWork");
    expect(r.error).toBeUndefined();
    expect(r.returned).toEqual([
      ["Offer number", "Status"],
      ["001", ""],
    ]);
    expect(r.endedAt - r.startedAt).toBe(4 * 40 + 100);
    expect(r.counts).toMatchObject({
      "Range.getValues": 1,
      "Sheet.getLastRow": 1,
      "SpreadsheetApp.flush": 1,
    });
    expect(rt.spreadsheet.values("Offers")[1]).toEqual(["001", "done"]);
    expect(rt.spreadsheet.toasts).toEqual([expect.objectContaining({ message: "Done", title: "MKP" })]);
  });

  it("classifies calls for the benchmark", () => {
    expect(callKind("Range", "getValues")).toBe("spreadsheet");
    expect(callKind("Sheet", "getLastRow")).toBe("spreadsheet");
    expect(callKind("Spreadsheet", "toast")).toBe("spreadsheet");
    expect(callKind("Sheet", "getRange")).toBe("spreadsheet-handle");
    expect(callKind("SpreadsheetApp", "getActiveSpreadsheet")).toBe("spreadsheet-handle");
    expect(callKind("SpreadsheetApp", "flush")).toBe("flush");
    expect(callKind("UrlFetchApp", "fetchAll")).toBe("fetchAll");
    expect(callKind("Lock", "tryLock")).toBe("lock");
    expect(callKind("Utilities", "sleep")).toBe("sleep");
    expect(DEFAULT_COSTS.spreadsheet).toBe(40);
  });

  it("kills an execution past 6 minutes; later calls (in finally) throw too", () => {
    const rt = runtime({ startTime: START });
    const r = rt.run("longLoop");
    expect(r.killed).toBe("time-limit");
    expect(r.error?.message).toBe("Exceeded maximum execution time");
    expect(r.endedAt - r.startedAt).toBe(360_000);
    expect(rt.properties.script.has("loops")).toBe(false);
    expect(r.counts["Utilities.sleep"]).toBe(6);
  });

  it("reports the kill even when the script catches the error", () => {
    const r = runtime().run("catchesDeath");
    expect(r.killed).toBe("time-limit");
    expect(r.returned).toBeUndefined();
  });

  it("kills at call N without performing it, and releases the execution's locks", () => {
    const rt = runtime();
    const r = rt.run("threeWrites", [], { kill: (c) => c.index === 4 });
    expect(r.killed).toBe("killed");
    expect(r.calls.map((c) => `${c.service}.${c.method}`)).toEqual([
      "LockService.getDocumentLock",
      "Lock.waitLock",
      "PropertiesService.getScriptProperties",
      "Properties.setProperty",
    ]);
    expect([...rt.properties.script]).toEqual([["a", "1"]]);
    expect(rt.run("tryDocLock", [0]).returned).toEqual([true, true]);
  });
});

describe("properties, locks, cache, mail", () => {
  it("keeps user properties per user", () => {
    const rt = runtime();
    rt.run("saveKey", ["alice-key"], { user: "alice@example.com" });
    rt.run("saveKey", ["bob-key"], { user: "bob@example.com" });
    expect(rt.run("readKey", [], { user: "alice@example.com" }).returned).toBe("alice-key");
    expect(rt.run("readKey").returned).toBeNull();
    expect(rt.properties.user("bob@example.com").get("KEY")).toBe("bob-key");
    expect(rt.run("whoAmI", [], { user: "bob@example.com" }).returned).toEqual([
      "bob@example.com",
      "bob@example.com",
      "Europe/Amsterdam",
    ]);
  });

  it("refuses properties, triggers and mail without full authorization", () => {
    const r = runtime().run("limitedMode", [], { authMode: "LIMITED" });
    expect(r.returned).toEqual([
      expect.stringMatching(/^You do not have permission to call PropertiesService.getUserProperties/),
      expect.stringMatching(/^You do not have permission to call ScriptApp.newTrigger/),
      expect.stringMatching(/^You do not have permission to call MailApp.sendEmail/),
    ]);
  });

  it("makes tryLock wait and fail while another execution holds the lock", () => {
    const rt = runtime();
    const release = rt.holdLock("document");
    const r = rt.run("tryDocLock", [5000]);
    expect(r.returned).toEqual([false, false]);
    expect(r.endedAt - r.startedAt).toBe(5000 + 2 * DEFAULT_COSTS.lock);
    expect(rt.run("waitDocLock").error?.message).toBe(
      "Lock timeout: another process was holding the lock for too long.",
    );
    release();
    expect(rt.run("tryDocLock", [5000]).returned).toEqual([true, true]);
    expect(rt.run("tryDocLock", [0]).returned).toEqual([true, true]); // released when the execution ended
  });

  it("expires cache entries on the virtual clock", () => {
    const rt = runtime();
    expect(rt.run("cache").returned).toBeNull();
    expect(rt.run("cache").returned).toBe("cached");
    rt.clock.advance(61_000);
    expect(rt.run("cache").returned).toBeNull();
  });

  it("collects mail", () => {
    const rt = runtime({ startTime: START });
    expect(rt.run("mail").returned).toBe(98);
    expect(rt.mail).toEqual([
      { to: "a@example.com", subject: "Subject", body: "Body", atMs: START },
      { to: "b@example.com", subject: "S2", body: "B2", htmlBody: "<b>B2</b>", atMs: START },
    ]);
  });
});

describe("triggers", () => {
  it("installs hourly and one-off triggers and fires them on the virtual clock", () => {
    const rt = runtime({ startTime: START });
    expect(rt.run("schedule").returned).toEqual(["tick", "once"]);
    expect(rt.runDueTriggers()).toEqual([]);

    const first = rt.advanceToNextTrigger();
    expect(first).toMatchObject({ fn: "once", startedAt: START + 60_000 });
    expect(first?.returned).toBe(rt.triggers.find((t) => t.handler === "once")?.id);
    expect(rt.logs.at(-1)).toMatchObject({ level: "log", text: "once sales@example.com" });

    const second = rt.advanceToNextTrigger();
    expect(second).toMatchObject({ fn: "tick", startedAt: START + 3_600_000, returned: "FULL" });
    expect(rt.triggers.map((t) => [t.handler, Boolean(t.disabled)])).toEqual([
      ["tick", false],
      ["once", true],
    ]);

    // Missed runs are not queued: after 3 idle hours, one run.
    rt.clock.advance(3 * 3_600_000);
    expect(rt.runDueTriggers().map((r) => r.fn)).toEqual(["tick"]);
    expect(rt.runDueTriggers()).toEqual([]);
  });

  it("lists only the current user's triggers, runs them as their owner, and deletes them", () => {
    const rt = runtime();
    rt.run("schedule", [], { user: "owner@example.com" });
    expect(rt.run("listTriggers").returned).toEqual([]);
    expect(rt.run("listTriggers", [], { user: "owner@example.com" }).returned).toEqual([
      ["tick", true],
      ["once", true],
    ]);
    rt.advanceToNextTrigger();
    expect(rt.logs.at(-1)?.text).toBe("once owner@example.com");
    rt.run("unschedule", [], { user: "owner@example.com" });
    expect(rt.triggers).toEqual([]);
    expect(rt.advanceToNextTrigger()).toBeNull();
  });
});

describe("Utilities, HtmlService and strictness", () => {
  it("formats dates in real time zones with Java patterns", () => {
    const summer = Date.UTC(2025, 6, 1, 22, 5, 9, 7);
    expect(runtime().run("formats", [summer]).returned).toEqual([
      "2025-07-02T00:05:09.007+02:00 Wed Jul 2, 25 0 AM CEST +0200 o'clock",
      "2025-07-01T18:05:09.007-04:00 Tue Jul 1, 25 18 PM EDT -0400 o'clock",
    ]);
    const winter = Date.UTC(2025, 0, 15, 12, 0, 0, 0);
    expect(runtime().run("formats", [winter]).returned).toEqual([
      "2025-01-15T13:00:00.000+01:00 Wed Jan 15, 25 13 PM CET +0100 o'clock",
      "2025-01-15T07:00:00.000-05:00 Wed Jan 15, 25 7 AM EST -0500 o'clock",
    ]);
  });

  it("formats strings, base64 and seeded UUIDs", () => {
    const [uuid, text, b64, bytes] = runtime().run("utils").returned as string[];
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(text).toBe("Ann has 3 offers (012.3%)");
    expect(b64).toBe("aMOpbGxv");
    expect(bytes).toBe("104,-61,-87");
  });

  it("reads HTML files from the dist folder", () => {
    const rt = runtime();
    expect(rt.run("html", ["Dialog"]).returned).toEqual(["<p>Enter your key</p>", 400]);
    expect(rt.run("html", ["Nope"]).error?.message).toBe("No HTML file named Nope was found.");
  });

  it("throws for members it does not imitate, and reports them", () => {
    const r = runtime().run("missing");
    expect(r.returned).toBe("[gas-runtime] UrlFetchApp.getBlobby is not implemented");
    expect(r.notImplemented).toEqual(["UrlFetchApp.getBlobby"]);
  });
});
