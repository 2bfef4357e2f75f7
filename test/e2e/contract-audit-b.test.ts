// Contract audit of §5–§9 over the built bundle: the statements no other test proved in full (every
// writing action under the lock, in both languages; the base-URL check on every path that sends the
// key; the key of the user who turned on hourly runs; nl_BE; the sidebar offering every menu action).

import { afterAll, describe, expect, test } from "@jest/globals";
import { LINE_HEADERS_NL, OFFER_HEADERS_NL } from "../fixtures/headers";
import { batch, lastAlert } from "./probes";
import {
  API_KEY,
  postedNumbers,
  type Row,
  runLogMessages,
  runOk,
  sheetColumn,
  spreadsheetState,
  stopDouble,
  type World,
  type WorldOptions,
  world,
} from "./world";

afterAll(stopDouble);

const fetches = (w: World): number =>
  w.rt.executions.reduce(
    (n, e) => n + (e.counts["UrlFetchApp.fetch"] ?? 0) + (e.counts["UrlFetchApp.fetchAll"] ?? 0),
    0,
  );

/** A world in English or in Dutch (Dutch sheets and headers, locale nl_NL). */
async function worldIn(
  lang: "en" | "nl",
  offers: Row[],
  lines: Row[],
  more: WorldOptions = {},
): Promise<World> {
  if (lang === "en") return world({ offers, lines, ...more });
  return world({
    locale: "nl_NL",
    sheets: { Offertes: [OFFER_HEADERS_NL, ...offers], Offerteregels: [LINE_HEADERS_NL, ...lines] },
    ...more,
  });
}

const BUSY = {
  en: /Another MijnKlantportaal run is in progress/,
  nl: /Er loopt al een andere run van MijnKlantportaal/,
};
const LOG = { en: "Run log", nl: "Logboek" };
const logMessages = (w: World, lang: "en" | "nl"): string[] =>
  w.ss.findSheet(LOG[lang]) ? sheetColumn(w.ss, LOG[lang], lang === "nl" ? "Melding" : "Message") : [];

// §6 "One run at a time: every action that writes takes LockService.getDocumentLock(); a run that
// cannot get it within a few seconds stops and says that another run is in progress."
describe("§6 every action that writes stops when another run holds the document lock", () => {
  const WRITERS = [
    "validateOffers",
    "createSelectedOffers",
    "createPendingOffers",
    "refreshOfferStatuses",
    "retryFailedOffers",
    "syncCustomers",
    "setupSheets",
  ];

  describe.each(["en", "nl"] as const)("in %s", (lang) => {
    test.each(WRITERS)("%s: sends nothing, changes no offer, tells the user and the log", async (fn) => {
      const { offers, lines } = batch(2, "LK");
      // One failed row, so that retryFailedOffers has something it would clear.
      offers[1] = [...(offers[1] ?? []), "", "", lang === "nl" ? "mislukt" : "failed"];
      const w = await worldIn(lang, offers, lines);
      if (fn === "retryFailedOffers") w.ss.alertReplies.push("YES");
      const sheets = lang === "nl" ? ["Offertes", "Offerteregels"] : ["Offers", "Offer lines"];
      const before = sheets.map((s) => w.ss.displayValues(s));
      const release = w.rt.holdLock("document");
      const start = w.rt.clock.now();
      const result = w.run(fn);
      release();
      expect(result.error).toBeUndefined();
      expect(result.killed).toBeUndefined();
      expect(result.counts["LockService.getDocumentLock"] ?? 0).toBeGreaterThan(0);
      // "within a few seconds": it waited, but not for minutes.
      expect(w.rt.clock.now() - start).toBeLessThan(30_000);
      expect(await w.api.requests()).toEqual([]);
      expect(sheets.map((s) => w.ss.displayValues(s))).toEqual(before);
      expect(w.ss.findSheet(lang === "nl" ? "Klanten" : "Customers")).toBeFalsy();
      const told = [...w.ss.alerts.map((a) => a.message), ...w.ss.toasts.map((t) => t.message)];
      expect(told.filter((m) => BUSY[lang].test(m))).toHaveLength(1);
      const log = logMessages(w, lang);
      // setupSheets is no run of the Run log's actions (create, validate, refresh, scheduled): it
      // creates no Logboek while another run holds the lock.
      if (fn === "setupSheets") expect(log).toEqual([]);
      else expect(log.at(-1)).toMatch(BUSY[lang]);
    });

    test("the sidebar's buttons: the reply says stopped, in the user's language", async () => {
      const w = await worldIn(lang, batch(1, "LS").offers, batch(1, "LS").lines);
      const release = w.rt.holdLock("document");
      for (const fn of ["createPendingOffers", "validateOffers", "refreshOfferStatuses", "setupSheets"]) {
        const reply = runOk(w, "runFromSidebar", [fn]).returned as { message: string; stopped: boolean };
        expect({ fn, ...reply }).toEqual({ fn, message: expect.stringMatching(BUSY[lang]), stopped: true });
      }
      release();
      expect(await w.api.requests()).toEqual([]);
    });

    test("runScheduledBatch (the hourly trigger): no UI, the log says so, nothing sent", async () => {
      const w = await worldIn(lang, batch(2, "LT").offers, batch(2, "LT").lines);
      runOk(w, "enableScheduledRuns");
      const release = w.rt.holdLock("document");
      const hourly = w.rt.triggers.find((t) => t.type === "hourly");
      const result = runOk(w, "runScheduledBatch", [], { trigger: hourly ?? true });
      release();
      expect(result.counts["SpreadsheetApp.getUi"] ?? 0).toBe(0);
      expect(await w.api.requests()).toEqual([]);
      expect(sheetColumn(w.ss, lang === "nl" ? "Offertes" : "Offers", "Status")).toEqual(["", ""]);
      expect(logMessages(w, lang).at(-1)).toMatch(BUSY[lang]);
    });
  });
});

// §7 "Anything else … is refused with a message, before any request": every path that would send the
// key (base-url.test.ts proves create, refresh and the key check).
describe("§7 a foreign MKP_BASE_URL is refused on every path that sends the key", () => {
  const FOREIGN = "https://api.mijnklantportaal.nl.evil.example/v1";
  test.each([
    ["createSelectedOffers", "menu"],
    ["syncCustomers", "menu"],
    ["retryFailedOffers", "menu"],
    ["saveApiKey", "menu"],
    ["runScheduledBatch", "trigger"],
  ] as const)("%s (%s): no request, and the message names MKP_BASE_URL", async (fn, by) => {
    const { offers, lines } = batch(2, "BU");
    offers[1] = [...(offers[1] ?? []), "", "", "failed"];
    const w = await world({ offers, lines });
    if (fn === "retryFailedOffers") w.ss.alertReplies.push("YES");
    w.ss.setSelection("Offers", ["A2:A3"]);
    if (by === "trigger") runOk(w, "enableScheduledRuns");
    w.rt.properties.script.set("MKP_BASE_URL", FOREIGN);
    const result =
      by === "trigger"
        ? runOk(w, fn, [], { trigger: w.rt.triggers.find((t) => t.type === "hourly") ?? true })
        : runOk(w, fn, fn === "saveApiKey" ? ["mkp_live_other00000000001"] : []);
    expect(fetches(w)).toBe(0);
    expect(await w.api.requests()).toEqual([]);
    expect(w.rt.properties.user().get("MKP_API_KEY")).toBe(API_KEY);
    const told = fn === "saveApiKey" ? String(result.returned) : (runLogMessages(w.ss).at(-1) ?? "");
    expect(told).toContain("MKP_BASE_URL");
    if (by === "menu" && fn !== "saveApiKey") expect(lastAlert(w)).toContain("MKP_BASE_URL");
    expect(sheetColumn(w.ss, "Offers", "Status")).toEqual(["", "failed"]);
  });
});

// §7 "a scheduled run uses the key of the user who enabled it".
describe("§7 the hourly run sends the key of the user who turned it on", () => {
  test("user B's key (set, and used by B's own menu run) is never sent by A's hourly run", async () => {
    const B = "b@example.com";
    const KEY_B = "demo-key-0001";
    const w = await world(batch(3, "KY"));
    w.rt.properties.user(B).set("MKP_API_KEY", KEY_B);
    runOk(w, "enableScheduledRuns");
    runOk(w, "validateOffers", [], { user: B });
    await w.api.clearRequests();
    const hourly = w.rt.triggers.find((t) => t.type === "hourly");
    expect(hourly?.owner).toBe(w.rt.user);
    // B is the one at the keyboard when the trigger fires; the trigger still runs as A.
    runOk(w, "runScheduledBatch", [], { trigger: hourly ?? true });
    const requests = await w.api.requests();
    expect(requests.length).toBeGreaterThan(0);
    expect(new Set(requests.map((r) => r.headers.authorization))).toEqual(new Set([`Bearer ${API_KEY}`]));
    expect(sheetColumn(w.ss, "Offers", "Status")).toEqual(["created", "created", "created"]);
    const all = JSON.stringify(spreadsheetState(w.ss));
    expect(all).not.toContain(KEY_B);
    expect(all).not.toContain(API_KEY);
  });
});

// §9 "It offers every menu action as a button": the menu onOpen adds (both languages) against the
// buttons of the page showSidebar serves, and each button's action run through runFromSidebar.
describe("§9 the sidebar offers every menu action", () => {
  // Opening the panel is where the buttons are; the key's removal is the key dialog's Remove button.
  const NOT_A_BUTTON: Record<string, string> = {
    showSidebar: "the panel itself",
    clearApiKey: "showApiKeyDialog",
  };

  test.each(["en_US", "nl_NL"] as const)(
    "%s: every menu item is a button of the sidebar (or of the key dialog it opens)",
    async (locale) => {
      const w = await world({ locale });
      runOk(w, "onOpen");
      const items = w.ss.menus[0]?.items ?? [];
      expect(items.length).toBeGreaterThan(5);
      runOk(w, "showSidebar");
      const html = w.ss.dialogs.find((d) => d.kind === "sidebar")?.html ?? "";
      const buttons = [...html.matchAll(/<button[^>]*data-fn="(\w+)"/g)].map((m) => m[1]);
      for (const { functionName } of items) {
        const offered = NOT_A_BUTTON[functionName] ?? functionName;
        expect({
          functionName,
          offered: buttons.includes(offered) || offered === "the panel itself",
        }).toEqual({
          functionName,
          offered: true,
        });
      }
      // The key dialog the sidebar opens has the Remove button that clearApiKey stands for.
      runOk(w, "showApiKeyDialog");
      expect(w.ss.dialogs.at(-1)?.html).toMatch(/<button[^>]*id="remove"/);
    },
  );

  test("Update customer list from the sidebar fills Customers and says how it went", async () => {
    const w = await world(batch(1, "SC"));
    const reply = runOk(w, "runFromSidebar", ["syncCustomers"]).returned as {
      message: string;
      stopped: boolean;
    };
    expect(reply.stopped).toBe(false);
    expect(reply.message).toBe(runLogMessages(w.ss).at(-1));
    expect(sheetColumn(w.ss, "Customers", "Customer ID").length).toBeGreaterThan(0);
    expect((await w.api.requests()).some((r) => r.path.endsWith("/customers"))).toBe(true);
  });
});

// §7a "Dutch when the spreadsheet's locale is Dutch (nl_NL, nl_BE)": every other test uses nl_NL.
describe("§7a a Belgian spreadsheet (nl_BE) is Dutch throughout", () => {
  test("menu, setupSheets' sheets and headers, text dates and amounts, statuses, toasts and Logboek", async () => {
    const w = await world({ locale: "nl_BE" as "nl_NL", sheets: {} });
    runOk(w, "onOpen", [{ authMode: "LIMITED", source: {} }], { authMode: "LIMITED" });
    const items = w.ss.menus[0]?.items ?? [];
    expect(items.find((i) => i.functionName === "createPendingOffers")?.label).toBe(
      "Openstaande offertes aanmaken",
    );
    runOk(w, "setupSheets");
    expect(w.ss.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["Offertes", "Offerteregels", "Logboek"]),
    );
    expect(w.ss.findSheet("Offers")).toBeFalsy();
    expect(w.ss.displayValues("Offertes")[0]).toEqual(OFFER_HEADERS_NL);
    const put = (sheet: string, row: number, values: string[]) =>
      values.forEach((v, i) => {
        w.ss.setCell(sheet, row, i + 1, { v, f: "@" });
      });
    put("Offertes", 2, ["BE-1", "cst_demo0001", "14-4-2025", "14/5/2025", "ja"]);
    put("Offertes", 3, ["BE-2", "cst_demo0002", "31-04-2025"]);
    put("Offerteregels", 2, ["BE-1", "Werk", "€ 1.234,50", "21"]);
    put("Offerteregels", 3, ["BE-1", "Korting", "-0,50", "9"]);
    put("Offerteregels", 4, ["BE-2", "Werk", "10", "21"]);
    runOk(w, "createPendingOffers");
    const [body] = (await w.api.requests()).filter((r) => r.method === "POST").map((r) => r.body);
    expect(body).toMatchObject({
      offerNumber: "BE-1",
      issuedAt: "2025-04-14",
      expiresAt: "2025-05-14",
      sendNotification: true,
      lines: [
        { description: "Werk", amountExclVat: "1234.50", vatRate: 21 },
        { description: "Korting", amountExclVat: "-0.50", vatRate: 9 },
      ],
    });
    expect(sheetColumn(w.ss, "Offertes", "Status")).toEqual(["aangemaakt", "ongeldig"]);
    expect(sheetColumn(w.ss, "Offertes", "Melding")[1]).toMatch(/^Offertedatum/);
    expect(w.ss.toasts.at(-1)?.message).toMatch(/aangemaakt/);
    expect(sheetColumn(w.ss, "Logboek", "Melding").at(-1)).toMatch(/aangemaakt/);
  });
});

// §7a "Sheets and headers are recognised in both languages (matched as in section 4, so `Klant-ID` =
// `klant id`)": Dutch headers typed in other forms.
describe("§7a Dutch headers in other spellings", () => {
  test("klant id, OFFERTE DATUM, offerte_nummer, bedrag excl btw, BTW tarief … are the Dutch columns", async () => {
    const offerHeaders = [
      "offerte_nummer",
      "klant id",
      "OFFERTE DATUM",
      "vervaldatum",
      "Notificatie-versturen",
      "status",
      "Offerte ID",
      "bedrag",
      "MELDING",
      "aangemaakt op",
      "Geaccepteerd op",
      "afgewezen-op",
    ];
    const lineHeaders = ["Offerte nummer", "omschrijving", "Bedrag excl btw", "BTW tarief"];
    const w = await world({
      locale: "nl_NL",
      sheets: {
        Offertes: [
          offerHeaders,
          ["HV-1", "cst_demo0001", "2025-04-14", "", "nee"],
          ["HV-2", "abc", "2025-04-14"],
        ],
        Offerteregels: [lineHeaders, ["HV-1", "Werk", "12,95", 21], ["HV-2", "Werk", "1", 21]],
      },
    });
    runOk(w, "createPendingOffers");
    expect(await postedNumbers(w.api)).toEqual(["HV-1"]);
    const [offer] = await w.api.offers();
    expect(offer?.lines).toEqual([{ description: "Werk", amountExclVat: "12.95", vatRate: 21 }]);
    expect(sheetColumn(w.ss, "Offertes", "status")).toEqual(["aangemaakt", "ongeldig"]);
    expect(sheetColumn(w.ss, "Offertes", "Offerte ID")[0]).toBe(offer?.id);
    expect(sheetColumn(w.ss, "Offertes", "bedrag")[0]).toBe("12.95");
    expect(sheetColumn(w.ss, "Offertes", "MELDING")[1]).toMatch(/^klant id: geen klant "abc"/);
    // The headers as typed: never renamed, no column doubled.
    expect(w.ss.displayValues("Offertes")[0]?.slice(0, offerHeaders.length)).toEqual(offerHeaders);
    runOk(w, "setupSheets");
    expect(w.ss.displayValues("Offertes")[0]?.slice(0, offerHeaders.length)).toEqual(offerHeaders);
    expect(w.ss.displayValues("Offerteregels")[0]?.slice(0, 4)).toEqual(lineHeaders);
  });
});

// §5 "Lines whose Offer number matches no offer are reported in Run log (and, where possible, marked
// on the line row)": validation.test.ts proves it in English only.
describe("§5 a line that matches no offer, on a Dutch sheet", () => {
  test("Offerteregels' Melding and the Logboek name it in Dutch; the offer itself is sent", async () => {
    const w = await worldIn(
      "nl",
      [["OR-1", "cst_demo0001", "2025-04-14"]],
      [
        ["OR-1", "Werk", "10", 21],
        ["SPOOK-9", "Verdwaalde regel", "25", 21],
      ],
    );
    runOk(w, "setupSheets");
    runOk(w, "createPendingOffers");
    expect(await postedNumbers(w.api)).toEqual(["OR-1"]);
    const lineMessages = sheetColumn(w.ss, "Offerteregels", "Melding");
    expect(lineMessages[0]).toBe("");
    expect(lineMessages[1]).toContain("SPOOK-9");
    expect(lineMessages[1]).toMatch(/offerte/i);
    expect(lineMessages[1]).not.toMatch(/\b(the|no offer|line)\b/i);
    const log = logMessages(w, "nl").join("\n");
    expect(log).toMatch(/SPOOK-9|rij 3/);
    expect(log).toMatch(/regel/i);
  });
});

// §5 "Implausible but valid offers get Status `warning` and are not sent until confirmed": the
// hourly trigger holds them too, and sends them after `send anyway`.
describe("§5 the hourly run holds a warning until it is confirmed", () => {
  test.each(["en", "nl"] as const)(
    "%s: warning, not sent; send anyway / toch versturen: sent by the next hour",
    async (lang) => {
      const w = await worldIn(
        lang,
        [
          ["WH-1", "cst_demo0001", "2024-01-10"],
          ["WH-2", "cst_demo0001", "2025-04-14"],
        ],
        [
          ["WH-1", "Work", "10", 21],
          ["WH-2", "Work", "10", 21],
        ],
      );
      runOk(w, "enableScheduledRuns");
      const hourly = () => w.rt.triggers.find((t) => t.type === "hourly") ?? true;
      runOk(w, "runScheduledBatch", [], { trigger: hourly() });
      const sheet = lang === "nl" ? "Offertes" : "Offers";
      expect(await postedNumbers(w.api)).toEqual(["WH-2"]);
      expect(sheetColumn(w.ss, sheet, "Status")).toEqual(
        lang === "nl" ? ["waarschuwing", "aangemaakt"] : ["warning", "created"],
      );
      expect(sheetColumn(w.ss, sheet, lang === "nl" ? "Melding" : "Message")[0]).toMatch(
        lang === "nl" ? /toch versturen/ : /send anyway/,
      );
      w.rt.clock.advance(3_600_000);
      runOk(w, "runScheduledBatch", [], { trigger: hourly() });
      expect(await postedNumbers(w.api)).toEqual(["WH-2"]);
      w.ss.setCell(sheet, 2, 6, lang === "nl" ? "toch versturen" : "send anyway");
      w.rt.clock.advance(3_600_000);
      runOk(w, "runScheduledBatch", [], { trigger: hourly() });
      expect(await postedNumbers(w.api)).toEqual(["WH-2", "WH-1"]);
      expect(sheetColumn(w.ss, sheet, "Status")[0]).toBe(lang === "nl" ? "aangemaakt" : "created");
    },
  );
});

// §6 "Auth errors (401/403) stop the run at once: no row is marked failed for them, the user is told
// to set the API key again": proven for create runs; here the status refresh and the customer sync.
describe("§6 a revoked key stops a refresh and a customer sync", () => {
  const SET_AGAIN = { en: /Set API key/, nl: /API-sleutel instellen/ };
  test.each(["en", "nl"] as const)(
    "%s: nothing changed, no row failed, told to set the key again",
    async (lang) => {
      const { offers, lines } = batch(3, "AU");
      const w = await worldIn(lang, offers, lines);
      runOk(w, "createPendingOffers");
      const sheet = lang === "nl" ? "Offertes" : "Offers";
      const created = w.ss.displayValues(sheet);
      const [first] = await w.api.offers();
      await w.api.updateOffer(first?.id ?? "", { acceptedAt: "2025-04-14T09:00:00+00:00" });
      await w.api.configure({ apiKeys: ["someone-elses-key"] });
      w.rt.clock.advance(3_600_000);
      for (const fn of ["refreshOfferStatuses", "syncCustomers"]) {
        const alerts = w.ss.alerts.length;
        runOk(w, fn);
        expect({ fn, told: w.ss.alerts.slice(alerts).map((a) => a.message) }).toEqual({
          fn,
          told: [expect.stringMatching(SET_AGAIN[lang])],
        });
        expect(logMessages(w, lang).at(-1)).toMatch(SET_AGAIN[lang]);
        expect(w.ss.displayValues(sheet)).toEqual(created);
      }
      // The sync wrote no customer (at most its sheet's headers).
      const customers = lang === "nl" ? "Klanten" : "Customers";
      const ids = w.ss.findSheet(customers)
        ? sheetColumn(w.ss, customers, lang === "nl" ? "Klant-ID" : "Customer ID")
        : [];
      expect(ids.filter((id) => id !== "")).toEqual([]);
    },
  );
});

// §7a "a user can choose the other language in the sidebar (kept in user properties)": the choice is
// that user's only; another user of the same spreadsheet keeps the locale's language.
describe("§7a the sidebar's language choice is the user's own", () => {
  test("A chooses English on a Dutch spreadsheet: A's runs speak English, B's stay Dutch; '' follows the locale again", async () => {
    const B = "b@example.com";
    const w = await world({
      locale: "nl_NL",
      offers: [["LC-1", "", "2025-04-14"]],
      lines: [["LC-1", "Werk", "10", 21]],
    });
    w.rt.properties.user(B).set("MKP_API_KEY", "demo-key-0001");
    runOk(w, "setLanguage", ["en"]);
    expect(w.rt.properties.user().get("MKP_LANGUAGE")).toBe("en");
    expect([...w.rt.properties.script.keys()]).not.toContain("MKP_LANGUAGE");
    expect([...w.rt.properties.document.keys()]).not.toContain("MKP_LANGUAGE");
    runOk(w, "validateOffers");
    expect(w.column("Message")).toEqual(["Customer ID missing"]);
    expect(w.ss.toasts.at(-1)?.message).toMatch(/mistakes to fix/);
    runOk(w, "validateOffers", [], { user: B });
    expect(w.column("Message")).toEqual(["Customer ID ontbreekt"]);
    expect(w.ss.toasts.at(-1)?.message).toMatch(/fouten om te verbeteren/);
    runOk(w, "setLanguage", [""]);
    runOk(w, "validateOffers");
    expect(w.column("Message")).toEqual(["Customer ID ontbreekt"]);
  });
});
