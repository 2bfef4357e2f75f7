// The menu (onOpen / onInstall under restricted auth modes) and the API key (CONTRACT §3, §6, §7):
// checked before it is stored, stored trimmed in the user's own properties only, never shown or
// written anywhere; auth errors stop a run without marking rows failed.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "@jest/globals";
import {
  API_KEY,
  allCellTexts,
  DIST,
  postedNumbers,
  type Row,
  runLogMessages,
  runLogRows,
  runOk,
  stopDouble,
  type World,
  world,
} from "./world";

afterAll(stopDouble);

const KEY_PROPERTY = "MKP_API_KEY";
const FORBIDDEN_IN_ON_OPEN = new Set([
  "PropertiesService",
  "Properties",
  "UrlFetchApp",
  "ScriptApp",
  "LockService",
  "Lock",
  "CacheService",
  "Cache",
  "Range",
  "Sheet",
]);
const MENU_ACTIONS = [
  "createPendingOffers",
  "createSelectedOffers",
  "validateOffers",
  "setupSheets",
  "showApiKeyDialog",
  "clearApiKey",
];

/** Names of the top-level function declarations of the built bundle. */
function bundleFunctions(): Set<string> {
  const code = readFileSync(join(DIST, "Code.js"), "utf8");
  return new Set([...code.matchAll(/^function ([A-Za-z_$][\w$]*)\s*\(/gm)].map((m) => m[1]!));
}

const storedKeys = (w: World) => ({
  user: [...w.rt.properties.user().entries()],
  script: [...w.rt.properties.script.entries()],
  document: [...w.rt.properties.document.entries()],
});

describe("the menu", () => {
  test.each([
    ["onOpen", "NONE"],
    ["onOpen", "LIMITED"],
    ["onInstall", "NONE"],
    ["onInstall", "LIMITED"],
    ["onOpen", "FULL"],
  ] as const)(
    "%s with authMode %s adds the MijnKlantportaal menu and does nothing else",
    async (fn, authMode) => {
      const w = await world({ offers: [["M-1", "cst_demo0001", "2025-04-14", "", ""]] });
      const before = w.offers();
      const result = runOk(w, fn, [{ authMode, source: {} }], { authMode });

      expect(w.ss.menus.map((m) => m.name)).toEqual(["MijnKlantportaal"]);
      const items = w.ss.menus[0]!.items;
      const globals = bundleFunctions();
      for (const item of items) {
        expect({ item: item.functionName, exists: globals.has(item.functionName) }).toEqual({
          item: item.functionName,
          exists: true,
        });
        expect(item.label.trim()).not.toBe("");
      }
      expect(items.map((i) => i.functionName)).toEqual(expect.arrayContaining(MENU_ACTIONS));

      const forbidden = result.calls.filter((c) => FORBIDDEN_IN_ON_OPEN.has(c.service));
      expect(forbidden.map((c) => `${c.service}.${c.method}`)).toEqual([]);
      expect(result.notImplemented).toEqual([]);
      expect(await w.api.requests()).toEqual([]);
      expect(w.rt.triggers).toEqual([]);
      expect(w.offers()).toEqual(before);
      expect(w.ss.alerts).toEqual([]);
    },
  );
});

describe("saveApiKey", () => {
  test("a key the API refuses (401) is not stored, and the message says why", async () => {
    const w = await world({ withKey: false });
    const result = runOk(w, "saveApiKey", ["wrong-key"]);
    const message = String(result.returned);
    expect(message).toMatch(/refused|rejected|not accepted|invalid|401/i);
    expect(message).toMatch(/not (been )?saved|nothing was saved|not stored/i);
    expect(message).not.toContain("wrong-key");
    expect(storedKeys(w)).toEqual({
      user: [],
      script: [["MKP_BASE_URL", w.api.baseUrl]],
      document: [],
    });
    // It was checked with one authenticated GET.
    const requests = await w.api.requests();
    expect(requests.map((r) => [r.method, r.status])).toEqual([["GET", 401]]);
    expect(requests[0]?.headers.authorization).toBe("Bearer wrong-key");
  });

  test("a read-only key (403) is refused too", async () => {
    const w = await world({ withKey: false, config: { readOnlyKeys: ["read-only-key-1"] } });
    await w.api.injectFaults([
      {
        match: { method: "GET" },
        fault: { kind: "status", status: 403, body: { code: 403, message: "Forbidden." } },
      },
    ]);
    const message = String(runOk(w, "saveApiKey", ["read-only-key-1"]).returned);
    expect(message).toMatch(/403|refused|permission/i);
    expect(w.rt.properties.user().has(KEY_PROPERTY)).toBe(false);
  });

  test("a good key is stored trimmed, in the user's properties only, and not echoed", async () => {
    const w = await world({ withKey: false });
    const message = String(runOk(w, "saveApiKey", [`  ${API_KEY}\t\n `]).returned);
    expect(message).not.toContain(API_KEY);
    expect(message).toMatch(/saved|stored/i);
    expect(storedKeys(w)).toEqual({
      user: [[KEY_PROPERTY, API_KEY]],
      script: [["MKP_BASE_URL", w.api.baseUrl]],
      document: [],
    });
    // Another user of the spreadsheet does not have it.
    expect([...w.rt.properties.user("colleague@example.com").entries()]).toEqual([]);
    const [check] = await w.api.requests();
    expect(check?.method).toBe("GET");
    expect(check?.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });

  test.each([
    ["", /empty|paste|enter/i],
    ["   ", /empty|paste|enter/i],
    ["test key-0001", /space|whitespace/i],
    ["test-key\n0001", /space|whitespace|line break/i],
  ])("refuses %j without asking the API", async (input, why) => {
    const w = await world({ withKey: false });
    const message = String(runOk(w, "saveApiKey", [input]).returned);
    expect(message).toMatch(why);
    expect(w.rt.properties.user().has(KEY_PROPERTY)).toBe(false);
    expect(await w.api.requests()).toEqual([]);
  });

  test("when the API cannot be reached, the key is stored and the message says it could not be verified", async () => {
    const w = await world({ withKey: false });
    w.rt.properties.script.set("MKP_BASE_URL", "http://127.0.0.1:9/v1");
    const message = String(runOk(w, "saveApiKey", [API_KEY]).returned);
    expect(message).toMatch(
      /could not be (verified|checked)|couldn't (verify|check)|not (been )?(verified|checked)/i,
    );
    expect(message).not.toContain(API_KEY);
    expect(w.rt.properties.user().get(KEY_PROPERTY)).toBe(API_KEY);
  });

  test.each(["http://127.0.0.2:8080/v1", "http://api.mijnklantportaal.nl/v1", "ftp://127.0.0.1/v1"])(
    "an MKP_BASE_URL that is not https (%s) gets no key: nothing stored, nothing sent, the user told why",
    async (base) => {
      const w = await world({ withKey: false, offers: [["U-1", "cst_demo0001", "2025-04-14", "", ""]] });
      w.rt.properties.script.set("MKP_BASE_URL", base);
      const saved = runOk(w, "saveApiKey", [API_KEY]);
      expect(String(saved.returned)).toMatch(/MKP_BASE_URL|https/);
      expect(w.rt.properties.user().has(KEY_PROPERTY)).toBe(false);
      expect(saved.calls.filter((c) => c.service === "UrlFetchApp")).toEqual([]);

      w.rt.properties.user().set(KEY_PROPERTY, API_KEY);
      const run = runOk(w, "createPendingOffers");
      expect(run.calls.filter((c) => c.service === "UrlFetchApp")).toEqual([]);
      expect(w.ss.alerts.at(-1)?.message).toMatch(/MKP_BASE_URL|https/);
      expect(runLogMessages(w.ss).at(-1)).toMatch(/MKP_BASE_URL|https/);
      expect(w.column("Status")).toEqual([""]);
    },
  );

  test("showApiKeyDialog opens a password field and never shows the key (at most its last 4 characters)", async () => {
    const secret = "Zq7SECRETkEy4242wxyz";
    const w = await world({ withKey: false, config: { apiKeys: [secret] } });
    runOk(w, "showApiKeyDialog");
    runOk(w, "saveApiKey", [secret]);
    runOk(w, "showApiKeyDialog");
    expect(w.ss.dialogs).toHaveLength(2);
    for (const dialog of w.ss.dialogs) {
      expect(dialog.kind).toBe("modal");
      expect(dialog.html).toMatch(/<input[^>]*type=["']?password/i);
      // No 5 consecutive characters of the key appear.
      for (let i = 0; i + 5 <= secret.length; i++) expect(dialog.html).not.toContain(secret.slice(i, i + 5));
    }
  });

  test("clearApiKey removes the stored key", async () => {
    const w = await world();
    expect(w.rt.properties.user().get(KEY_PROPERTY)).toBe(API_KEY);
    const result = runOk(w, "clearApiKey");
    expect(w.rt.properties.user().has(KEY_PROPERTY)).toBe(false);
    expect(String(result.returned ?? "")).not.toContain(API_KEY);
  });
});

describe("runs and the key", () => {
  const OFFERS: Row[] = [
    ["K-1", "cst_demo0001", "2025-04-14", "", ""],
    ["K-2", "cst_demo0002", "2025-04-14", "", ""],
  ];
  const LINES: Row[] = [
    ["K-1", "Work", 10, 21],
    ["K-2", "Work", 20, 21],
  ];

  test("a run without a key tells the user, writes the Run log and sends nothing", async () => {
    const w = await world({ withKey: false, offers: OFFERS, lines: LINES });
    const before = w.offers();
    runOk(w, "createPendingOffers");
    expect(await w.api.requests()).toEqual([]);
    expect(w.offers()).toEqual(before);
    expect(w.ss.alerts).toHaveLength(1);
    expect(w.ss.alerts[0]?.message).toMatch(/API key/i);
    expect(runLogRows(w.ss)).toHaveLength(1);
    expect(runLogMessages(w.ss)[0]).toMatch(/API key/i);
  });

  test("a 401 mid-batch stops the run, marks no row failed, and tells the user to set the key again", async () => {
    // 61 offers: more than the first batch the documented limit (60 a minute) allows.
    const numbers = Array.from({ length: 61 }, (_, i) => `A-${String(i + 1).padStart(2, "0")}`);
    const w = await world({
      offers: numbers.map((n) => [n, "cst_demo0001", "2025-04-14", "", ""]),
      lines: numbers.map((n) => [n, "Work", 10, 21]),
    });
    await w.api.injectFaults([
      {
        match: { offerNumber: "A-02" },
        fault: { kind: "status", status: 401, body: { code: 401, message: "Unauthenticated." } },
      },
    ]);
    runOk(w, "createPendingOffers");
    const posted = await postedNumbers(w.api);
    expect(posted.length).toBeLessThan(61);
    expect(posted).toContain("A-02");
    const status = w.column("Status");
    expect(status).not.toContain("failed");
    expect(status[1]).not.toBe("created");
    // What was not sent stays pending.
    const unsent = numbers.filter((n) => !posted.includes(n));
    expect(unsent.length).toBeGreaterThan(0);
    for (const n of unsent) expect(status[numbers.indexOf(n)]).toBe("");
    // The ones the API did create are recorded as created.
    const created = new Set((await w.api.offers()).map((o) => o.offerNumber));
    numbers.forEach((n, i) => {
      if (created.has(n)) expect({ n, status: status[i] }).toEqual({ n, status: "created" });
    });
    expect(w.ss.alerts).toHaveLength(1);
    expect(w.ss.alerts[0]?.message).toMatch(/API key/i);
    expect(w.ss.alerts[0]?.message).toMatch(/set|enter|again/i);
    expect(runLogMessages(w.ss).at(-1)).toMatch(/API key/i);
  });

  test("a revoked key: the run stops, nothing is marked failed, the user is told to set the key again", async () => {
    const w = await world({ offers: OFFERS, lines: LINES });
    await w.api.configure({ apiKeys: ["some-other-key"] });
    runOk(w, "createPendingOffers");
    expect(await w.api.offers()).toEqual([]);
    expect(w.column("Status")).not.toContain("failed");
    expect(w.column("Status")).not.toContain("created");
    expect(w.ss.alerts.at(-1)?.message).toMatch(/API key/i);
    expect(w.ss.alerts.at(-1)?.message).toMatch(/set|enter|again/i);
    expect(runLogMessages(w.ss).at(-1)).toMatch(/API key/i);

    // With a working key again, the offers are created on the next run.
    await w.api.configure({ apiKeys: [API_KEY] });
    runOk(w, "createPendingOffers");
    expect((await w.api.offers()).map((o) => o.offerNumber).sort()).toEqual(["K-1", "K-2"]);
  });
});

describe("the key is never shown or written anywhere", () => {
  test("after a whole session, the key appears in no cell, note, log line, toast, alert, dialog or Run log", async () => {
    const secret = "Zq7-SECRET-kEy-4242-Tango";
    const w = await world({
      withKey: false,
      config: { apiKeys: [secret] },
      offers: [
        ["SEC-1", "cst_demo0001", "2025-04-14", "", true],
        ["SEC-2", "cst_demo0002", "2025-04-14", "", ""],
        ["SEC-BAD", "abc", "2025-04-14", "", ""],
      ],
      lines: [
        ["SEC-1", "Work", 10, 21],
        ["SEC-2", "Work", 20, 21],
        ["SEC-BAD", "Work", 5, 21],
      ],
    });
    const returned: unknown[] = [];
    const errors: unknown[] = [];
    const run = (fn: string, args: unknown[] = []) => {
      const r = w.run(fn, args);
      returned.push(r.returned);
      errors.push(r.error);
      return r;
    };
    run("onOpen", [{ authMode: "LIMITED" }]);
    run("setupSheets");
    run("showApiKeyDialog");
    run("saveApiKey", [`  ${secret}  `]);
    expect(w.rt.properties.user().get(KEY_PROPERTY)).toBe(secret);
    run("showApiKeyDialog");
    run("validateOffers");
    // The API refuses one offer.
    await w.api.injectFaults([
      {
        match: { offerNumber: "SEC-2" },
        fault: {
          kind: "status",
          status: 422,
          body: { message: "The given data was invalid.", errors: { customerId: ["Unknown customer."] } },
        },
      },
    ]);
    run("createPendingOffers");
    expect(w.column("Status").slice(0, 3)).toEqual(["created", "failed", "invalid"]);
    // The key is revoked: a 401 run.
    w.ss.typeCell("Offers", 4, 2, "cst_demo0003");
    w.ss.typeCell("Offers", 3, 6, "");
    await w.api.configure({ apiKeys: ["another-key"] });
    run("createPendingOffers");
    expect(w.ss.alerts.length).toBeGreaterThan(0);
    // Saving the wrong key again, then a run with no key at all.
    run("saveApiKey", [secret]);
    run("clearApiKey");
    run("createPendingOffers");
    expect(errors.filter((e) => e !== undefined)).toEqual([]);

    // Sanity: the session did write to cells, the log sheet, toasts and dialogs.
    expect(runLogRows(w.ss).length).toBeGreaterThanOrEqual(4);
    expect(w.ss.toasts.length).toBeGreaterThan(0);
    expect(w.ss.dialogs.length).toBe(2);
    const authHeaders = (await w.api.requests()).map((r) => r.headers.authorization);
    expect(authHeaders).toContain(`Bearer ${secret}`);

    const leaks: string[] = [];
    const check = (where: string, text: unknown) => {
      const s = typeof text === "string" ? text : JSON.stringify(text ?? "");
      if (s?.includes(secret) || s?.includes(secret.slice(0, 12))) leaks.push(where);
    };
    for (const { where, text } of allCellTexts(w.ss)) check(where, text);
    for (const [i, l] of w.rt.logs.entries()) check(`log ${i}`, l.text);
    for (const [i, t] of w.ss.toasts.entries()) check(`toast ${i}`, `${t.title} ${t.message}`);
    for (const [i, a] of w.ss.alerts.entries()) check(`alert ${i}`, `${a.title ?? ""} ${a.message}`);
    for (const [i, d] of w.ss.dialogs.entries()) check(`dialog ${i}`, `${d.title} ${d.html}`);
    for (const [i, m] of w.ss.menus.entries()) check(`menu ${i}`, m);
    for (const [i, r] of returned.entries()) check(`returned ${i}`, r);
    for (const [i, e] of w.rt.executions.entries()) check(`execution ${i} error`, e.error);
    check("script properties", [...w.rt.properties.script.entries()]);
    check("document properties", [...w.rt.properties.document.entries()]);
    expect(leaks).toEqual([]);
  });
});
