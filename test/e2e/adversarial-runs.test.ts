// Adversarial pass (CONTRACT §3, §4, §6, §9): runs on sheets as a team leaves them after months of use
// — a long history with a few new rows, statuses typed by hand, missing sheets and columns, a key
// cleared while a batch continues, and what the sidebar shows of it all.

import { afterAll, describe, expect, test } from "@jest/globals";
import { LINE_HEADERS_NL, OFFER_HEADERS_NL, RUN_LOG_HEADERS } from "../fixtures/headers";
import { batch, expectExactlyOnce, messageOf, statusOf } from "./probes";
import {
  OFFER_HEADERS,
  postedBodies,
  postedNumbers,
  type Row,
  runLogMessages,
  runOk,
  sheetColumn,
  stopDouble,
  world,
} from "./world";

afterAll(stopDouble);

describe("adversarial runs", () => {
  test("a 1,000-row history with 3 new rows: 3 creates, a handful of requests, the history untouched", async () => {
    const offers: Row[] = [];
    const lines: Row[] = [];
    for (let i = 1; i <= 997; i++) {
      const n = `H-${String(i).padStart(4, "0")}`;
      const status = i % 3 === 0 ? "accepted" : "created";
      offers.push([
        n,
        "cst_demo0001",
        "2025-01-10",
        "2025-02-09",
        "",
        status,
        `off_h${i}`,
        "10.00",
        "",
        "",
        "",
        "",
      ]);
      lines.push([n, "Old work", 10, 21]);
    }
    for (const n of ["NEW-1", "NEW-2", "NEW-3"]) {
      offers.splice(400, 0, [n, "cst_demo0001", "2025-04-14"]);
      lines.push([n, "New work", 10, 21]);
    }
    const w = await world({ offers, lines });
    const before = w.ss.displayValues("Offers").filter((r) => !String(r[0]).startsWith("NEW-"));
    runOk(w, "createPendingOffers");
    expect((await postedNumbers(w.api)).sort()).toEqual(["NEW-1", "NEW-2", "NEW-3"]);
    // Creating 3 offers costs about 3 requests, not a pass over the account or the history.
    expect((await w.api.requests()).length).toBeLessThanOrEqual(6);
    const after = w.ss.displayValues("Offers").filter((r) => !String(r[0]).startsWith("NEW-"));
    // The hidden ref column may be added; every other cell of the history is as it was.
    expect(after.map((r) => r.slice(0, OFFER_HEADERS.length))).toEqual(
      before.map((r) => r.slice(0, OFFER_HEADERS.length)),
    );
    for (const n of ["NEW-1", "NEW-2", "NEW-3"]) expect(statusOf(w, n)).toBe("created");
  });

  test("`sending` typed by hand on a new row (and `wordt verzonden` in a Dutch sheet): at most one offer, row explained", async () => {
    const en = await world({
      offers: [["HS-1", "cst_demo0001", "2025-04-14", "", "", "sending"]],
      lines: [["HS-1", "Work", 1, 21]],
    });
    runOk(en, "createPendingOffers");
    runOk(en, "createPendingOffers");
    const sent = await postedNumbers(en.api);
    expect(sent.length).toBeLessThanOrEqual(1);
    const status = statusOf(en, "HS-1");
    if (sent.length === 1) await expectExactlyOnce(en, ["HS-1"]);
    else expect({ status, message: messageOf(en, "HS-1") }).toEqual({ status, message: expect.any(String) });
    // Never left `sending` without a word on the row.
    if (status === "sending") expect(messageOf(en, "HS-1")).not.toBe("");

    const nl = await world({
      locale: "nl_NL",
      sheets: {
        Offertes: [OFFER_HEADERS_NL, ["HS-2", "cst_demo0001", "2025-04-14", "", "", "Wordt verzonden"]],
        Offerteregels: [LINE_HEADERS_NL, ["HS-2", "Werk", 1, 21]],
      },
    });
    runOk(nl, "createPendingOffers");
    runOk(nl, "createPendingOffers");
    expect((await postedNumbers(nl.api)).length).toBeLessThanOrEqual(1);
    const nlStatus = sheetColumn(nl.ss, "Offertes", "Status")[0] ?? "";
    if (/verzonden/i.test(nlStatus)) expect(sheetColumn(nl.ss, "Offertes", "Melding")[0]).not.toBe("");
  });

  test("a pending row sharing its offer number with a `skip` row is a duplicate: neither is sent, both explained", async () => {
    const w = await world({
      offers: [
        ["DUP-1", "cst_demo0001", "2025-04-14", "", "", "skip"],
        ["DUP-1", "cst_demo0002", "2025-04-14"],
        [" dup-1 ", "cst_demo0002", "2025-04-14"],
      ],
      lines: [["DUP-1", "Work", 1, 21]],
    });
    runOk(w, "createPendingOffers");
    expect(await postedBodies(w.api)).toEqual([]);
    const statuses = sheetColumn(w.ss, "Offers", "Status");
    const messages = sheetColumn(w.ss, "Offers", "Message");
    expect(statuses).toEqual(["skip", "invalid", "invalid"]);
    expect(messages[1]).toMatch(/Offer number/);
    expect(messages[2]).toMatch(/Offer number/);
  });

  test("no Offer lines sheet at all: nothing sent, the user is told which sheet is missing, no crash", async () => {
    const w = await world({ sheets: { Offers: [OFFER_HEADERS, ["NL-1", "cst_demo0001", "2025-04-14"]] } });
    const result = runOk(w, "createPendingOffers");
    expect(await postedBodies(w.api)).toEqual([]);
    const told = [
      ...w.ss.alerts.map((a) => a.message),
      ...w.ss.toasts.map((t) => t.message),
      String(result.returned),
    ];
    const rowSays = `${statusOf(w, "NL-1")} ${messageOf(w, "NL-1")}`;
    expect(`${told.join("\n")}\n${rowSays}`).toMatch(/Offer lines|line/i);
    // §3: an error that stops the whole run is written to the Run log too.
    expect(runLogMessages(w.ss).at(-1)).toMatch(/Offer lines/);
  });

  test("Offer lines without a VAT rate column: nothing sent, the missing column is named", async () => {
    const w = await world({
      lineHeaders: ["Offer number", "Description", "Amount excl. VAT", "Notes"],
      offers: [["NV-1", "cst_demo0001", "2025-04-14"]],
      lines: [["NV-1", "Work", 1, "21%"]],
    });
    const result = runOk(w, "createPendingOffers");
    expect(await postedBodies(w.api)).toEqual([]);
    const told = [
      ...w.ss.alerts.map((a) => a.message),
      ...w.ss.toasts.map((t) => t.message),
      String(result.returned),
    ];
    expect(`${told.join("\n")}\n${messageOf(w, "NV-1")}`).toMatch(/VAT rate/);
  });

  test("the key cleared while a batch continues: the continuation stops, marks no row failed, says to set the key", async () => {
    const { offers, lines } = batch(320, "KC");
    const w = await world({ offers, lines });
    runOk(w, "createPendingOffers");
    const firstRound = (await postedNumbers(w.api)).length;
    expect(firstRound).toBeGreaterThan(0);
    expect(firstRound).toBeLessThan(320);
    runOk(w, "clearApiKey");
    const continuation = w.rt.advanceToNextTrigger();
    expect(continuation?.error).toBeUndefined();
    const statuses = sheetColumn(w.ss, "Offers", "Status");
    expect(statuses.filter((s) => s === "failed")).toEqual([]);
    expect(statuses.filter((s) => s === "sending")).toEqual([]);
    expect((await postedNumbers(w.api)).length).toBe(firstRound);
    expect(runLogMessages(w.ss).at(-1)).toMatch(/key/i);
    // The key set again: the batch completes, each offer once.
    w.rt.properties.user().set("MKP_API_KEY", "test-key-0001");
    runOk(w, "createPendingOffers");
    for (let i = 0; i < 6 && sheetColumn(w.ss, "Offers", "Status").some((s) => s !== "created"); i++) {
      w.rt.advanceToNextTrigger();
    }
    await expectExactlyOnce(
      w,
      offers.map((r) => String(r[0])),
    );
  });

  test("the sidebar on a Dutch spreadsheet reads the last runs from Logboek and never shows the key", async () => {
    const w = await world({
      locale: "nl_NL",
      sheets: {
        Offertes: [OFFER_HEADERS_NL, ["SB-1", "cst_demo0001", "2025-04-14"]],
        Offerteregels: [LINE_HEADERS_NL, ["SB-1", "Werk", 1, 21]],
      },
    });
    runOk(w, "createPendingOffers");
    runOk(w, "validateOffers");
    expect(w.ss.findSheet("Logboek")).toBeDefined();
    const state = runOk(w, "getPanelState", [{ withRuns: true }]).returned as {
      lang: string;
      key: { saved: boolean; lastFour: string | null };
      runs: Record<string, string>[] | null;
    };
    expect(state.lang).toBe("nl");
    expect(state.key).toEqual({ saved: true, lastFour: "0001" });
    expect(state.runs?.length).toBe(2);
    expect(JSON.stringify(state)).not.toContain("test-key-0001");
    const logged = w.ss.displayValues("Logboek").slice(1);
    // Newest first, each as the Logboek row holds it.
    const messageCol = w.ss.displayValues("Logboek")[0]?.indexOf("Melding") ?? -1;
    expect(state.runs?.map((r) => Object.values(r))).toEqual(
      expect.arrayContaining([expect.arrayContaining([logged[1]?.[messageCol]])]),
    );
  });

  test("the sidebar reads an English Run log whose columns the team reordered and added to", async () => {
    const reordered = [...RUN_LOG_HEADERS].reverse();
    const w = await world({
      offers: [["SR-1", "cst_demo0001", "2025-04-14"]],
      lines: [["SR-1", "Work", 1, 21]],
    });
    w.ss.addSheet("Run log", [[...reordered.slice(0, 3), "Our notes", ...reordered.slice(3)]]);
    runOk(w, "createPendingOffers");
    const rows = w.ss.displayValues("Run log");
    expect(rows).toHaveLength(2);
    const header = rows[0] ?? [];
    const row = rows[1] ?? [];
    expect(row[header.indexOf("Action")]).toBe("create");
    expect(row[header.indexOf("Created")]).toBe("1");
    expect(row[header.indexOf("Our notes")]).toBe("");
    const state = runOk(w, "getPanelState", [{ withRuns: true }]).returned as {
      runs: Record<string, string>[] | null;
    };
    expect(state.runs).toHaveLength(1);
    expect(Object.values(state.runs?.[0] ?? {})).toEqual(expect.arrayContaining(["create", "1"]));
  });
});
