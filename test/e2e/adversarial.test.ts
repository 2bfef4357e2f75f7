// Adversarial tests: API variants the double can be configured to, sheets and cells as real users
// have them, statuses typed by people, rows moved while a run waits on the network, secrets and
// formulas, and the limits. Tests marked `test.failing` document product bugs against the contract.

import { afterAll, describe, expect, test } from "@jest/globals";
import type { SpreadsheetModel } from "../../tools/gas-runtime";
import {
  API_KEY,
  allCellTexts,
  cellText,
  LINE_HEADERS,
  OFFER_HEADERS,
  postedBodies,
  postedNumbers,
  type Row,
  runLogMessages,
  runOk,
  sheetColumn,
  stopDouble,
  type World,
  world,
} from "./world";

afterAll(stopDouble);

// ---------------------------------------------------------------------------------------------
// Helpers

function batch(n: number, prefix = "A"): { offers: Row[]; lines: Row[] } {
  const offers: Row[] = [];
  const lines: Row[] = [];
  for (let i = 1; i <= n; i++) {
    const number = `${prefix}-${String(i).padStart(4, "0")}`;
    offers.push([number, "cst_demo0001", "2025-04-14"]);
    lines.push([number, `Work for ${number}`, "10.00", 21]);
  }
  return { offers, lines };
}

/** Offers created through the API (seeds excluded). */
async function apiOffers(w: World) {
  return (await w.api.offers()).filter((o) => o.source === "api");
}

/** Every offer number exists once in the API, and the row holding it shows that offer's ID. */
async function expectExactlyOnce(w: World, numbers: string[]): Promise<void> {
  const stored = await apiOffers(w);
  const storedNumbers = stored.map((o) => o.offerNumber).sort();
  expect(storedNumbers).toEqual([...numbers].sort());
  const ids = new Map(stored.map((o) => [o.offerNumber, o.id]));
  const col = (h: string) => sheetColumn(w.ss, "Offers", h);
  const nums = col("Offer number");
  const statuses = col("Status");
  const offerIds = col("Offer ID");
  nums.forEach((n, i) => {
    if (!numbers.includes(n)) return;
    expect({ n, status: statuses[i], id: offerIds[i] }).toEqual({ n, status: "created", id: ids.get(n) });
  });
}

function formulasIn(ss: SpreadsheetModel): string[] {
  const out: string[] = [];
  for (const sheet of ss.sheets) {
    sheet.forEachCell((cell, r, c) => {
      if (cell.formula !== undefined) out.push(`${sheet.name}!R${r}C${c}: ${cell.formula}`);
    });
  }
  return out;
}

const rowOf = (w: World, n: string): number => sheetColumn(w.ss, "Offers", "Offer number").indexOf(n) + 2;
const statusOf = (w: World, n: string): string => cellText(w.ss, "Offers", rowOf(w, n), "Status");
const messageOf = (w: World, n: string): string => cellText(w.ss, "Offers", rowOf(w, n), "Message");
const lastAlert = (w: World): string => w.ss.alerts.at(-1)?.message ?? "";

async function bodyOf(w: World, n: string): Promise<Record<string, unknown> | undefined> {
  return (await postedBodies(w.api)).find((b) => b.offerNumber === n);
}

async function sentLines(w: World, n: string): Promise<{ amountExclVat: string; vatRate: number }[]> {
  return ((await bodyOf(w, n))?.lines ?? []) as { amountExclVat: string; vatRate: number }[];
}

type Kill = (call: { index: number; service: string; method: string }) => boolean;

/** A hook that runs `act` once, just before the n-th call matching `match`, and never kills. */
function onCall(match: (c: { service: string; method: string }) => boolean, act: () => void, nth = 1): Kill {
  let seen = 0;
  return (call) => {
    if (match(call) && ++seen === nth) act();
    return false;
  };
}

const isFetch = (c: { service: string; method: string }) =>
  c.service === "UrlFetchApp" && c.method.startsWith("fetch");

/** Kills the execution at its first write-back after the requests went out (rows left `sending`). */
function killAtWriteBackAfterSend(): Kill {
  let fetched = false;
  return (c) => {
    if (isFetch(c)) fetched = true;
    return fetched && c.service === "Range" && c.method === "setValues";
  };
}

// ---------------------------------------------------------------------------------------------
// API variants

describe("API variants", () => {
  test("201 is not required: a 200 with the offer counts as created", async () => {
    const w = await world({ ...batch(2), config: { createdStatus: 200 } });
    runOk(w, "createPendingOffers");
    await expectExactlyOnce(w, ["A-0001", "A-0002"]);
    expect(sheetColumn(w.ss, "Offers", "Amount")).toEqual(["10.00", "10.00"]);
  });

  test.each([
    ["only errors (array of strings)", { errors: ["Customer is archived"] }, /Customer is archived/],
    ["only errors (array of objects)", { errors: [{ message: "Offer is locked" }] }, /Offer is locked/],
    [
      "only errors (object)",
      { errors: { "lines.0.vatRate": ["The vat rate must be 21."] } },
      /Line 1 VAT rate.*The vat rate must be 21\./,
    ],
    ["only message", { message: "Customer blocked by administrator" }, /Customer blocked by administrator/],
    ["plain text body", "Customer blocked", /Customer blocked/],
    ["empty body", "", /HTTP 422/],
  ])("a refusal with %s: failed, with the API's reason in Message, not retried", async (_l, body, re) => {
    const w = await world(batch(2));
    await w.api.injectFaults([
      { match: { offerNumber: "A-0001" }, times: null, fault: { kind: "status", status: 422, body } },
    ]);
    runOk(w, "createPendingOffers");
    expect(statusOf(w, "A-0001")).toBe("failed");
    expect(messageOf(w, "A-0001")).toMatch(re);
    expect(statusOf(w, "A-0002")).toBe("created");
    runOk(w, "createPendingOffers");
    expect((await postedNumbers(w.api)).filter((n) => n === "A-0001").length).toBe(1);
  });

  test("a 201 or 200 whose body is not an offer (an error object): looked up in the list, created exactly once", async () => {
    const w = await world(batch(3, "EB"));
    await w.api.injectFaults([
      { match: { offerNumber: "EB-0001" }, fault: { kind: "created-then-status", status: 201 } },
      { match: { offerNumber: "EB-0002" }, fault: { kind: "created-then-status", status: 200 } },
    ]);
    runOk(w, "createPendingOffers");
    runOk(w, "createPendingOffers");
    await expectExactlyOnce(w, ["EB-0001", "EB-0002", "EB-0003"]);
  });

  test("unknown customer answered with 422 (validation style): failed naming the customer", async () => {
    const w = await world({
      offers: [["U-1", "cst_nobody42", "2025-04-14"]],
      lines: [["U-1", "Work", 10, 21]],
      config: { unknownCustomerStatus: 422 },
    });
    runOk(w, "createPendingOffers");
    expect(statusOf(w, "U-1")).toBe("failed");
    expect(messageOf(w, "U-1")).toMatch(/Customer ID/);
    expect(messageOf(w, "U-1")).toMatch(/HTTP 422/);
  });

  test.each([
    ["per_page honoured, ascending", { honourPerPage: true, listOrder: "asc" as const }],
    ["per_page ignored, newest first", { honourPerPage: false, listOrder: "desc" as const }],
    ["per_page honoured, newest first", { honourPerPage: true, listOrder: "desc" as const }],
  ])("reconciling `sending` rows among 300 offers (%s)", async (_l, config) => {
    const w = await world({
      offers: [
        ["S-FOUND", "cst_demo0001", "2025-04-14", "", "", "sending"],
        ["S-LOST", "cst_demo0001", "2025-04-14", "", "", "sending"],
      ],
      lines: [
        ["S-FOUND", "Work", 10, 21],
        ["S-LOST", "Work", 10, 21],
      ],
      config,
    });
    const seeds = Array.from({ length: 300 }, (_, i) => ({
      offerNumber: i === 150 ? "S-FOUND" : `OLD-${i}`,
      customerId: "cst_demo0001",
    }));
    const seeded = await w.api.seedOffers(seeds);
    runOk(w, "createPendingOffers");
    const found = seeded[150];
    expect(statusOf(w, "S-FOUND")).toBe("created");
    expect(cellText(w.ss, "Offers", rowOf(w, "S-FOUND"), "Offer ID")).toBe(found?.id);
    expect(statusOf(w, "S-LOST")).toBe("created");
    expect(await postedNumbers(w.api)).toEqual(["S-LOST"]);
  });

  test.each([
    ["asc", false],
    ["desc", false],
    ["desc", true],
  ] as const)(
    "list %s (per_page honoured: %s): created-then-500, then re-runs: exactly one offer",
    async (listOrder, honourPerPage) => {
      const w = await world({ ...batch(6), config: { listOrder, honourPerPage } });
      await w.api.seedOffers(Array.from({ length: 40 }, (_, i) => ({ offerNumber: `OLD-${i}` })));
      await w.api.injectFaults([
        { match: { offerNumber: "A-0003" }, times: 1, fault: { kind: "created-then-status", status: 500 } },
        { match: { offerNumber: "A-0005" }, times: 1, fault: { kind: "created-then-timeout", holdMs: 3000 } },
      ]);
      runOk(w, "createPendingOffers");
      runOk(w, "createPendingOffers");
      runOk(w, "createPendingOffers");
      await expectExactlyOnce(w, ["A-0001", "A-0002", "A-0003", "A-0004", "A-0005", "A-0006"]);
    },
  );

  test("list newest first, and the list keeps growing between runs: a lost `sending` row is found", async () => {
    const w = await world({ ...batch(3), config: { listOrder: "desc" } });
    await w.api.seedOffers(Array.from({ length: 100 }, (_, i) => ({ offerNumber: `OLD-${i}` })));
    await w.api.injectFaults([
      { match: { offerNumber: "A-0002" }, times: 3, fault: { kind: "created-then-status", status: 502 } },
      { match: { method: "GET" }, times: 8, fault: { kind: "status", status: 503 } },
    ]);
    runOk(w, "createPendingOffers");
    // Someone else creates offers in MijnKlantportaal meanwhile (they appear on top of the list).
    await w.api.seedOffers(Array.from({ length: 40 }, (_, i) => ({ offerNumber: `NEW-${i}` })));
    for (let i = 0; i < 3; i++) runOk(w, "createPendingOffers");
    const stored = await apiOffers(w);
    expect(stored.filter((o) => o.offerNumber === "A-0002").length).toBe(1);
    await expectExactlyOnce(w, ["A-0001", "A-0002", "A-0003"]);
  });

  // A known limit of the design, by decision: before the first answer of a key the product trusts
  // the documented 60 a minute (one round trip for up to 60 offers, the benchmark's target), so a
  // key limited to 30 meets at most one round trip's worth of 429s; after that, pacing follows the
  // headers (remembered between executions) and no further 429 is met.
  test("rate limit of 30 a minute (the headers say so): 429s only in the first round trip", async () => {
    const w = await rateLimited30();
    const limited = (await w.api.requests()).filter((r) => r.status === 429);
    expect(limited.length).toBeLessThanOrEqual(30);
    const firstAt = (await w.api.requests())[0]?.at ?? 0;
    expect(limited.every((r) => r.at === firstAt)).toBe(true);
  });

  test("rate limit of 30 a minute: 200 offers are all created exactly once, across continuations", async () => {
    const w = await rateLimited30();
    expect(w.rt.triggers.filter((t) => !t.disabled).length).toBeLessThanOrEqual(1);
  });

  test("a key whose minute is already half used by another tool: every offer created once", async () => {
    const { offers, lines } = batch(60, "HU");
    const w = await world({ offers, lines });
    // Another tool using the same key, in the same (virtual) minute.
    const now = w.rt.clock.now();
    await Promise.all(
      Array.from({ length: 40 }, () =>
        fetch(`${w.api.baseUrl}/customers?page=1`, {
          headers: { authorization: `Bearer ${API_KEY}`, "x-virtual-now": String(now) },
        }).then((r) => r.text()),
      ),
    );
    runOk(w, "createPendingOffers");
    for (let i = 0; i < 5 && !sheetColumn(w.ss, "Offers", "Status").every((s) => s === "created"); i++) {
      const run = w.rt.advanceToNextTrigger();
      if (run) runOkResult(run);
    }
    await expectExactlyOnce(
      w,
      offers.map((r) => String(r[0])),
    );
  });

  test("a `sending` row while the list keeps failing: never sent blindly; found once the list answers", async () => {
    const w = await world({
      offers: [["LF-1", "cst_demo0001", "2025-04-14", "", "", "sending"]],
      lines: [["LF-1", "Work", 1, 21]],
    });
    const [seeded] = await w.api.seedOffers([{ offerNumber: "LF-1", customerId: "cst_demo0001" }]);
    await w.api.injectFaults([
      { match: { method: "GET" }, times: null, fault: { kind: "status", status: 503 } },
    ]);
    runOk(w, "createPendingOffers");
    runOk(w, "createPendingOffers");
    expect(await postedBodies(w.api)).toEqual([]);
    expect(statusOf(w, "LF-1")).toBe("sending");
    await w.api.clearFaults();
    runOk(w, "createPendingOffers");
    expect(await postedBodies(w.api)).toEqual([]);
    expect(statusOf(w, "LF-1")).toBe("created");
    expect(cellText(w.ss, "Offers", 2, "Offer ID")).toBe(seeded?.id);
  });

  // Debatable (CONTRACT §6 "an offer number is created at most once, whatever happens"): a run is
  // killed after its request went out, the row stays `sending`, and the user then corrects the
  // Customer ID. Reconciliation matches on offer number AND customer, does not find it, and
  // creates the same offer number a second time.
  test("a `sending` row whose Customer ID was edited after a killed run: the offer number is not created twice", async () => {
    const w = await world({
      offers: [["CC-1", "cst_demo0001", "2025-04-14"]],
      lines: [["CC-1", "Work", 1, 21]],
    });
    const killed = w.run("createPendingOffers", [], { kill: killAtWriteBackAfterSend() });
    expect(killed.killed).toBe("killed");
    expect(statusOf(w, "CC-1")).toBe("sending");
    w.ss.setCell("Offers", 2, 2, "cst_demo0002");
    runOk(w, "createPendingOffers");
    runOk(w, "createPendingOffers");
    expect((await apiOffers(w)).filter((o) => o.offerNumber === "CC-1").length).toBe(1);
  });
});

async function rateLimited30(): Promise<World> {
  const n = 200;
  const { offers, lines } = batch(n, "RL");
  const w = await world({ offers, lines, config: { rateLimit: 30 } });
  runOk(w, "createPendingOffers");
  for (let i = 0; i < 20; i++) {
    if (sheetColumn(w.ss, "Offers", "Status").every((s) => s === "created")) break;
    const run = w.rt.advanceToNextTrigger();
    if (!run) break;
    runOkResult(run);
  }
  await expectExactlyOnce(
    w,
    offers.map((r) => String(r[0])),
  );
  return w;
}

function runOkResult(run: { error?: { message: string }; killed?: string; fn: string }): void {
  if (run.error || run.killed) throw new Error(`${run.fn}: ${run.killed ?? ""} ${run.error?.message ?? ""}`);
}

// ---------------------------------------------------------------------------------------------
// Headers and sheet shapes

describe("headers and sheet shapes", () => {
  test("odd header forms (OFFER NUMBER, offer-number, spaces, Amount excl VAT, vat_rate) are matched", async () => {
    const w = await world({
      offerHeaders: [
        " Offer number ",
        "CUSTOMER ID",
        "issued-at",
        "Expires_At",
        "send notification",
        " STATUS ",
        "offer_id",
        "AMOUNT",
        "message:",
        "Created-at",
        "accepted at",
        "REJECTED_AT",
      ],
      lineHeaders: ["offer-number", "DESCRIPTION", "Amount excl VAT", "vat_rate"],
      offers: [["H-1", "cst_demo0001", "2025-04-14", "2025-05-01", "ja"]],
      lines: [["H-1", "Work", "12,50", "9%"]],
    });
    runOk(w, "createPendingOffers");
    expect(await postedBodies(w.api)).toEqual([
      {
        customerId: "cst_demo0001",
        offerNumber: "H-1",
        issuedAt: "2025-04-14",
        expiresAt: "2025-05-01",
        sendNotification: true,
        lines: [{ description: "Work", amountExclVat: "12.50", vatRate: 9 }],
      },
    ]);
    const row = w.ss.displayValues("Offers")[1] ?? [];
    expect(row[5]).toBe("created");
    expect(row[6]).toMatch(/^off_/);
    expect(row[7]).toBe("12.50");
  });

  test("the same header typed as OFFER NUMBER / Offer-Number in the two sheets joins lines", async () => {
    const w = await world({
      offerHeaders: ["OFFER NUMBER", ...OFFER_HEADERS.slice(1)],
      lineHeaders: ["Offer-Number", "Description", "amountExclVat", "VAT RATE"],
      offers: [["J-1", "cst_demo0001", "2025-04-14"]],
      lines: [["J-1", "Work", 1, 21]],
    });
    runOk(w, "createPendingOffers");
    expect(statusOf(w, "J-1")).toBe("created");
  });

  test("columns in reverse order, with extra columns holding data in between, are left alone", async () => {
    const headers = [...OFFER_HEADERS].reverse();
    const withExtras: string[] = [];
    headers.forEach((h, i) => {
      withExtras.push(h);
      if (i % 3 === 0) withExtras.push(`Notes ${i}`);
    });
    const offerRow = (n: string, cst: string): Row =>
      withExtras.map((h) =>
        h === "Offer number"
          ? n
          : h === "Customer ID"
            ? cst
            : h === "Issued at"
              ? "2025-04-14"
              : h.startsWith("Notes")
                ? `=note ${h} ${n}`
                : "",
      );
    const lineHeaders = ["VAT rate", "Remark", "Amount excl. VAT", "Description", "Offer number", "Extra"];
    const w = await world({
      offerHeaders: withExtras,
      lineHeaders,
      offers: [offerRow("R-1", "cst_demo0001"), offerRow("R-2", "cst_demo0002")],
      lines: [
        [21, "keep me", "5,00", "Work", "R-1", true],
        [9, "keep me too", 7, "Other work", "R-2", false],
      ],
    });
    const extrasBefore = withExtras
      .map((h, c) => [h, c] as const)
      .filter(([h]) => h.startsWith("Notes"))
      .map(([, c]) => w.ss.values("Offers").map((r) => r[c]));
    runOk(w, "createPendingOffers");
    expect((await postedBodies(w.api)).map((b) => [b.offerNumber, b.customerId, b.lines])).toEqual([
      ["R-1", "cst_demo0001", [{ description: "Work", amountExclVat: "5.00", vatRate: 21 }]],
      ["R-2", "cst_demo0002", [{ description: "Other work", amountExclVat: "7.00", vatRate: 9 }]],
    ]);
    expect(statusOf(w, "R-1")).toBe("created");
    expect(statusOf(w, "R-2")).toBe("created");
    const extrasAfter = withExtras
      .map((h, c) => [h, c] as const)
      .filter(([h]) => h.startsWith("Notes"))
      .map(([, c]) => w.ss.values("Offers").map((r) => r[c]));
    expect(extrasAfter).toEqual(extrasBefore);
    expect(w.ss.values("Offer lines").map((r) => [r[1], r[5]])).toEqual([
      ["Remark", "Extra"],
      ["keep me", true],
      ["keep me too", false],
    ]);
  });

  test("a sheet without the output columns: a clear message, nothing sent, no crash", async () => {
    const w = await world({
      offerHeaders: ["Offer number", "Customer ID", "Issued at", "Expires at", "Send notification"],
      offers: [["O-1", "cst_demo0001", "2025-04-14"]],
      lines: [["O-1", "Work", 1, 21]],
    });
    runOk(w, "createPendingOffers");
    expect(await postedBodies(w.api)).toEqual([]);
    expect(lastAlert(w)).toMatch(/Status/);
    expect(lastAlert(w)).toMatch(/Set up sheets/);
    expect(runLogMessages(w.ss).at(-1)).toMatch(/Set up sheets/);
    // And after setupSheets it works.
    runOk(w, "setupSheets");
    runOk(w, "createPendingOffers");
    expect(statusOf(w, "O-1")).toBe("created");
  });

  test("a sheet with Status, Offer ID and Message but without Amount / Created at / Accepted / Rejected still works", async () => {
    const w = await world({
      offerHeaders: ["Offer number", "Customer ID", "Issued at", "Status", "Offer ID", "Message"],
      offers: [["P-1", "cst_demo0001", "2025-04-14"]],
      lines: [["P-1", "Work", 1, 21]],
    });
    runOk(w, "createPendingOffers");
    expect(statusOf(w, "P-1")).toBe("created");
    expect(cellText(w.ss, "Offers", 2, "Offer ID")).toMatch(/^off_/);
  });

  test.each([
    ["Offers", { "Offer lines": [LINE_HEADERS] }],
    ["Offer lines", { Offers: [OFFER_HEADERS] }],
  ])("the sheet %s missing: a clear message and a Run log row, no crash", async (missing, sheets) => {
    const w = await world({ sheets });
    runOk(w, "createPendingOffers");
    expect(lastAlert(w)).toContain(`"${missing}"`);
    expect(runLogMessages(w.ss).at(-1)).toContain(missing);
    runOk(w, "validateOffers");
    runOk(w, "refreshOfferStatuses");
    runOk(w, "runScheduledBatch");
    expect(await postedBodies(w.api)).toEqual([]);
  });

  test("an Offers sheet with only headers, and one with 0 pending offers: nothing sent, a summary", async () => {
    const empty = await world({ offers: [], lines: [] });
    runOk(empty, "createPendingOffers");
    runOk(empty, "validateOffers");
    runOk(empty, "refreshOfferStatuses");
    expect(await empty.api.requests()).toEqual([]);
    expect(empty.ss.toasts.map((t) => t.message)).toContainEqual(expect.stringMatching(/0 created/));
    expect(empty.ss.alerts).toEqual([]);

    const done = await world({
      offers: [
        ["D-1", "cst_demo0001", "2025-04-14", "", "", "created", "off_abc"],
        ["D-2", "cst_demo0001", "2025-04-14", "", "", "skip"],
      ],
      lines: [["D-1", "Work", 1, 21]],
    });
    runOk(done, "createPendingOffers");
    expect(await postedBodies(done.api)).toEqual([]);
    expect(done.ss.alerts).toEqual([]);
  });

  // BUG (debatable): the contract's Offer lines sheet has four columns and "extra columns are left
  // alone"; a team's own column that happens to be called "Message" (or "message") is taken over
  // and wiped on every run, even when every line is fine.
  test("a team's own Message column in Offer lines keeps its text when the lines are fine", async () => {
    const w = await world({
      lineHeaders: [...LINE_HEADERS, "Message"],
      offers: [["LM-1", "cst_demo0001", "2025-04-14"]],
      lines: [
        ["LM-1", "Work", 1, 21, "Tekst voor de klant: bedankt!"],
        ["LM-1", "Travel", 2, 21, "Only on weekdays"],
      ],
    });
    runOk(w, "createPendingOffers");
    expect(statusOf(w, "LM-1")).toBe("created");
    expect(sheetColumn(w.ss, "Offer lines", "Message")).toEqual([
      "Tekst voor de klant: bedankt!",
      "Only on weekdays",
    ]);
  });

  test("a completely empty Offers sheet (not even headers): a clear message, no crash", async () => {
    const w = await world({ sheets: { Offers: [], "Offer lines": [LINE_HEADERS] } });
    runOk(w, "createPendingOffers");
    expect(lastAlert(w)).toMatch(/Set up sheets/);
    runOk(w, "setupSheets");
    expect(w.ss.displayValues("Offers")[0]?.slice(0, 3)).toEqual([
      "Offer number",
      "Customer ID",
      "Issued at",
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Cells as real users have them

describe("dates as users have them", () => {
  test("text 2025-4-5, a date cell with a time part, and a date-time format are sent as the day shown", async () => {
    const w = await world({
      offers: [
        ["T-1", "cst_demo0001", "2025-4-5", "2025-4-30"],
        ["T-2", "cst_demo0001", { date: "2025-04-05T13:45", f: "yyyy-mm-dd hh:mm" }, ""],
        [
          "T-3",
          "cst_demo0001",
          { date: "2025-04-05T23:59:59", f: "d/m/yyyy h:mm:ss" },
          { date: "2025-04-05T00:00" },
        ],
        ["T-4", "cst_demo0001", " 2025-04-05 ", "\u00a02025-05-06\u00a0"],
      ],
      lines: ["T-1", "T-2", "T-3", "T-4"].map((n) => [n, "Work", 1, 21]),
    });
    runOk(w, "createPendingOffers");
    expect((await postedBodies(w.api)).map((b) => [b.offerNumber, b.issuedAt, b.expiresAt])).toEqual([
      ["T-1", "2025-04-05", "2025-04-30"],
      ["T-2", "2025-04-05", "2025-05-05"],
      ["T-3", "2025-04-05", "2025-04-05"],
      ["T-4", "2025-04-05", "2025-05-06"],
    ]);
  });

  test("text with a time part or in another order is refused with a message naming the field, never guessed wrong", async () => {
    const w = await world({
      offers: [
        ["X-1", "cst_demo0001", "2025-04-05 13:45"],
        ["X-2", "cst_demo0001", "5-4-2025"],
        ["X-3", "cst_demo0001", "2025-02-29"],
        ["X-4", "cst_demo0001", "2025-04-14", "2025-04-13"],
        ["X-5", "cst_demo0001", { v: 45752, f: "0" }],
      ],
      lines: ["X-1", "X-2", "X-3", "X-4", "X-5"].map((n) => [n, "Work", 1, 21]),
    });
    runOk(w, "createPendingOffers");
    const bodies = await postedBodies(w.api);
    // X-1 may be read as the day 2025-04-05; nothing else may be sent.
    for (const b of bodies) expect([b.offerNumber, b.issuedAt]).toEqual(["X-1", "2025-04-05"]);
    for (const n of ["X-2", "X-3", "X-5"]) {
      expect(statusOf(w, n)).toBe("invalid");
      expect(messageOf(w, n)).toMatch(/Issued at/);
    }
    expect(statusOf(w, "X-4")).toBe("invalid");
    expect(messageOf(w, "X-4")).toMatch(/Expires at/);
    if (bodies.length === 0) expect(messageOf(w, "X-1")).toMatch(/Issued at/);
  });

  test.each([
    ["Pacific/Kiritimati", "Pacific/Pago_Pago"],
    ["Pacific/Pago_Pago", "Pacific/Kiritimati"],
    ["Asia/Kathmandu", "America/St_Johns"],
  ])("date cells near midnight, spreadsheet in %s and script in %s", async (ssZone, scriptZone) => {
    const w = await world({
      timeZone: ssZone,
      runtime: { scriptTimeZone: scriptZone },
      offers: [
        ["M-1", "cst_demo0001", { date: "2025-04-14T00:00" }, { date: "2025-04-30T23:59" }],
        ["M-2", "cst_demo0001", { date: "2025-12-31T23:59:59" }, ""],
        ["M-3", "cst_demo0001", { date: "2025-01-01T00:00:00" }, { date: "2025-01-01T00:00:00" }],
      ],
      lines: ["M-1", "M-2", "M-3"].map((n) => [n, "Work", 1, 21]),
    });
    runOk(w, "createPendingOffers");
    expect((await postedBodies(w.api)).map((b) => [b.offerNumber, b.issuedAt, b.expiresAt])).toEqual([
      ["M-1", "2025-04-14", "2025-04-30"],
      ["M-2", "2025-12-31", "2026-01-30"],
      ["M-3", "2025-01-01", "2025-01-01"],
    ]);
  });
});

describe("offer numbers and customer IDs as users have them", () => {
  test("a number with thousands separators is sent as shown, and joins lines shown the same way", async () => {
    const w = await world({
      offers: [[{ v: 2024001, f: "#,##0" }, "cst_demo0001", "2025-04-14"]],
      lines: [[{ v: 2024001, f: "#,##0" }, "Work", 1, 21]],
    });
    runOk(w, "createPendingOffers");
    const shown = w.ss.displayValues("Offers")[1]?.[0];
    expect(await postedNumbers(w.api)).toEqual([shown]);
    expect(w.ss.displayValues("Offers")[1]?.[5]).toBe("created");
  });

  test("an offer number shown with thousands separators whose lines hold the plain number: never dropped silently", async () => {
    const w = await world({
      offers: [[{ v: 2024001, f: "#,##0" }, "cst_demo0001", "2025-04-14"]],
      lines: [[2024001, "Work", 1, 21]],
    });
    runOk(w, "createPendingOffers");
    const status = w.ss.displayValues("Offers")[1]?.[5];
    if (status === "created") {
      expect((await postedBodies(w.api))[0]?.lines).toHaveLength(1);
    } else {
      expect(status).toBe("invalid");
      expect(w.ss.displayValues("Offers")[1]?.[8]).toMatch(/Lines/);
      expect(runLogMessages(w.ss).at(-1)).toMatch(/match no offer/);
    }
  });

  test("leading zeros typed as text, and a number cell shown as 000, are sent as shown", async () => {
    const w = await world({
      offers: [
        [{ v: "0042", f: "@" }, "cst_demo0001", "2025-04-14"],
        ["007", "cst_demo0001", "2025-04-14"],
        [{ v: 8, f: "000" }, "cst_demo0001", "2025-04-14"],
      ],
      lines: [
        ["0042", "Work", 1, 21],
        [{ v: 7, f: "000" }, "Work", 1, 21],
        ["008", "Work", 1, 21],
      ],
    });
    runOk(w, "createPendingOffers");
    expect(await postedNumbers(w.api)).toEqual(["0042", "007", "008"]);
    expect(sheetColumn(w.ss, "Offers", "Status")).toEqual(["created", "created", "created"]);
  });

  test("a pasted customer ID and offer number with non-breaking spaces around them", async () => {
    const w = await world({
      offers: [["\u00a0NB-1\u00a0", "\u00a0 cst_demo0002\u00a0\t", "2025-04-14"]],
      lines: [[" nb-1\u00a0", "Work", 1, 21]],
    });
    runOk(w, "createPendingOffers");
    expect((await postedBodies(w.api)).map((b) => [b.offerNumber, b.customerId])).toEqual([
      ["NB-1", "cst_demo0002"],
    ]);
    expect(sheetColumn(w.ss, "Offers", "Status")).toEqual(["created"]);
  });

  test("a line whose offer number differs in case and surrounding spaces belongs to the offer", async () => {
    const w = await world({
      offers: [["Ab-001", "cst_demo0001", "2025-04-14"]],
      lines: [
        [" ab-001 ", "One", 1, 21],
        ["AB-001", "Two", 2, 21],
        ["aB-001\u00a0", "Three", 3, 21],
      ],
    });
    runOk(w, "createPendingOffers");
    expect((await bodyOf(w, "Ab-001"))?.lines).toEqual([
      { description: "One", amountExclVat: "1.00", vatRate: 21 },
      { description: "Two", amountExclVat: "2.00", vatRate: 21 },
      { description: "Three", amountExclVat: "3.00", vatRate: 21 },
    ]);
  });

  test("two rows whose offer numbers differ only in case or spaces are duplicates: neither is sent", async () => {
    const w = await world({
      offers: [
        ["DUP-1", "cst_demo0001", "2025-04-14"],
        [" dup-1 ", "cst_demo0002", "2025-04-14"],
      ],
      lines: [["DUP-1", "Work", 1, 21]],
    });
    runOk(w, "createPendingOffers");
    expect(await postedBodies(w.api)).toEqual([]);
    expect(sheetColumn(w.ss, "Offers", "Status")).toEqual(["invalid", "invalid"]);
    expect(sheetColumn(w.ss, "Offers", "Message")[0]).toMatch(/Offer number/);
  });
});

describe("amounts and VAT rates as users type them", () => {
  const CASES: [label: string, amount: unknown, expected: string | null][] = [
    ["€ 12", "€ 12", "12.00"],
    ["EUR 5,5", "EUR 5,5", "5.50"],
    ["-0,01", "-0,01", "-0.01"],
    ["99999999,99", "99999999,99", "99999999.99"],
    ["number 99999999.99", 99999999.99, "99999999.99"],
    ["€ 1.234,56", "€ 1.234,56", "1234.56"],
    ["1,234.56", "1,234.56", "1234.56"],
    ["€12,95", "€12,95", "12.95"],
    ["12.5 EUR", "12.5 EUR", "12.50"],
    ["1.000.000", "1.000.000", "1000000.00"],
    ["- 5", "- 5", "-5.00"],
    ["0.1 (number)", 0.1, "0.10"],
    ["12,345 (3 decimals)", "12,345", null],
    ["12.955 (number, 3 decimals)", 12.955, null],
    ["abc", "abc", null],
    ["€", "€", null],
  ];
  test.each(CASES)("amount %s", async (_label, amount, expected) => {
    const w = await world({
      offers: [["AM-1", "cst_demo0001", "2025-04-14"]],
      lines: [["AM-1", "Work", amount, 21]],
    });
    runOk(w, "createPendingOffers");
    if (expected === null) {
      expect(statusOf(w, "AM-1")).toBe("invalid");
      expect(messageOf(w, "AM-1")).toMatch(/Amount excl\. VAT/);
      expect(await postedBodies(w.api)).toEqual([]);
    } else {
      expect((await sentLines(w, "AM-1")).map((l) => l.amountExclVat)).toEqual([expected]);
    }
  });

  test("1.000 is ambiguous (one or one thousand): never sent as 1.00 without a word", async () => {
    const w = await world({
      offers: [["AMB-1", "cst_demo0001", "2025-04-14"]],
      lines: [["AMB-1", "Work", "1.000", 21]],
    });
    runOk(w, "createPendingOffers");
    const sent = (await sentLines(w, "AMB-1")).map((l) => l.amountExclVat);
    expect(sent).not.toEqual(["1.00"]);
    if (sent.length === 0) expect(messageOf(w, "AMB-1")).toMatch(/Amount excl\. VAT/);
  });

  // BUG: `12,-` is how Dutch people write twelve whole euros; the trailing `-` is read as a minus
  // sign, so a price becomes a discount of -12.00 and is sent without a word.
  test("12,- and € 1.250,- (Dutch for whole euros) are never sent as negative amounts", async () => {
    const w = await world({
      offers: [["DASH-1", "cst_demo0001", "2025-04-14"]],
      lines: [
        ["DASH-1", "Work", "12,-", 21],
        ["DASH-1", "More work", "€ 1.250,-", 21],
      ],
    });
    runOk(w, "createPendingOffers");
    const sent = (await sentLines(w, "DASH-1")).map((l) => l.amountExclVat);
    // Either 12.00 / 1250.00, or refused with a message: a sign flip turns a price into a discount.
    if (sent.length > 0) expect(sent).toEqual(["12.00", "1250.00"]);
    else expect(messageOf(w, "DASH-1")).toMatch(/Amount excl\. VAT/);
  });

  test("VAT rates: 21.0, 21,0, 0%, 9 %, a 0% cell, 0.21 as percent, and refusals", async () => {
    const cases: [string, unknown, number | null][] = [
      ["V-1", "21.0", 21],
      ["V-2", 21.0, 21],
      ["V-3", "21,0", 21],
      ["V-4", "0%", 0],
      ["V-5", "9 %", 9],
      ["V-6", { v: 0, f: "0%" }, 0],
      ["V-7", { v: 0.21, f: "0.00%" }, 21],
      ["V-8", " 9 ", 9],
      ["V-9", "6", null],
      ["V-10", 0.21, null],
      ["V-11", "21.5", null],
      ["V-12", "hoog", null],
    ];
    const w = await world({
      offers: cases.map(([n]) => [n, "cst_demo0001", "2025-04-14"]),
      lines: cases.map(([n, vat]) => [n, "Work", 1, vat]),
    });
    runOk(w, "createPendingOffers");
    for (const [n, , rate] of cases) {
      if (rate === null) {
        expect({ n, status: statusOf(w, n) }).toEqual({ n, status: "invalid" });
        expect({ n, m: messageOf(w, n) }).toEqual({ n, m: expect.stringMatching(/VAT rate/) });
      } else {
        const lines = await sentLines(w, n);
        expect({ n, rates: lines.map((l) => l.vatRate) }).toEqual({ n, rates: [rate] });
      }
    }
  });

  test("money is summed in cents: 0.1 + 0.2 lines give an amount of 0.30, no float artefacts", async () => {
    const w = await world({
      offers: [["C-1", "cst_demo0001", "2025-04-14"]],
      lines: [
        ["C-1", "a", 0.1, 21],
        ["C-1", "b", 0.2, 21],
        ["C-1", "c", "1,005", 21],
      ],
    });
    runOk(w, "createPendingOffers");
    expect(statusOf(w, "C-1")).toBe("invalid");
    expect(messageOf(w, "C-1")).toMatch(/Line 3/);
    w.ss.setCell("Offer lines", 4, 3, "1,01");
    runOk(w, "createPendingOffers");
    expect((await sentLines(w, "C-1")).map((l) => l.amountExclVat)).toEqual(["0.10", "0.20", "1.01"]);
    expect(cellText(w.ss, "Offers", 2, "Amount")).toBe("1.31");
  });
});

describe("odd cells: booleans, formulas, spaces", () => {
  test("TRUE/FALSE in columns that want text, amounts or rates: invalid with the field named, no crash", async () => {
    const w = await world({
      offers: [
        ["B-1", true, "2025-04-14"],
        ["B-2", "cst_demo0001", true],
        ["B-3", "cst_demo0001", "2025-04-14"],
        ["B-4", "cst_demo0001", "2025-04-14"],
        ["B-5", "cst_demo0001", "2025-04-14", "", "misschien"],
      ],
      lines: [
        ["B-1", "Work", 1, 21],
        ["B-2", "Work", 1, 21],
        ["B-3", "Work", true, 21],
        ["B-4", "Work", 1, { v: false, checkbox: false }],
        ["B-5", "Work", 1, 21],
      ],
    });
    runOk(w, "createPendingOffers");
    expect(await postedBodies(w.api)).toEqual([]);
    const expected: [string, RegExp][] = [
      ["B-1", /Customer ID/],
      ["B-2", /Issued at/],
      ["B-3", /Amount excl\. VAT/],
      ["B-4", /VAT rate/],
      ["B-5", /Send notification/],
    ];
    for (const [n, re] of expected) {
      expect({ n, s: statusOf(w, n) }).toEqual({ n, s: "invalid" });
      expect({ n, m: messageOf(w, n) }).toEqual({ n, m: expect.stringMatching(re) });
    }
  });

  test('rows whose only content is formulas returning "", spaces or unchecked boxes are blank, wherever they are', async () => {
    const emptyFormula = { formula: '=IF(Z1="","",Z1)', v: "" };
    const w = await world({
      offers: [
        [emptyFormula, emptyFormula, emptyFormula, emptyFormula, { v: false, checkbox: false }],
        ["F-1", "cst_demo0001", "2025-04-14"],
        ["   ", "\u00a0", " ", "", { v: false, checkbox: false }],
        [emptyFormula, "", "", "", ""],
        ["F-2", "cst_demo0001", "2025-04-14"],
      ],
      lines: [
        [emptyFormula, emptyFormula, emptyFormula, emptyFormula],
        ["F-1", "Work", 1, 21],
        ["  ", " ", "\u00a0", ""],
        ["F-2", "Work", 2, 21],
        [emptyFormula, "", "", ""],
      ],
    });
    runOk(w, "createPendingOffers");
    expect(await postedNumbers(w.api)).toEqual(["F-1", "F-2"]);
    expect(sheetColumn(w.ss, "Offers", "Status")).toEqual(["", "created", "", "", "created"]);
    expect(sheetColumn(w.ss, "Offers", "Message")).toEqual(["", "", "", "", ""]);
    expect(runLogMessages(w.ss).at(-1)).not.toMatch(/match no offer/);
    // The template's formulas are still there.
    expect(w.ss.getCell("Offers", 2, 1)?.formula).toBe('=IF(Z1="","",Z1)');
  });

  test("error cells and formulas returning text where a date or amount is wanted: invalid with a message", async () => {
    const w = await world({
      offers: [
        ["E-1", { formula: "=VLOOKUP(A2,X:Y,2,0)", v: "#N/A" }, "2025-04-14"],
        ["E-2", "cst_demo0001", { formula: '=IF(TRUE,"TBD")', v: "TBD" }],
        ["E-3", "cst_demo0001", "2025-04-14"],
        [{ formula: "=1/0", v: "#DIV/0!" }, "cst_demo0001", "2025-04-14"],
      ],
      lines: [
        ["E-1", "Work", 1, 21],
        ["E-2", "Work", 1, 21],
        ["E-3", "Work", { formula: '=IF(TRUE,"n/a")', v: "n/a" }, 21],
        ["E-3", { formula: "=B99", v: "#REF!" }, 1, 21],
      ],
    });
    runOk(w, "createPendingOffers");
    expect(await postedBodies(w.api)).toEqual([]);
    const st = sheetColumn(w.ss, "Offers", "Status");
    expect(st).toEqual(["invalid", "invalid", "invalid", "invalid"]);
    const m = sheetColumn(w.ss, "Offers", "Message");
    expect(m[0]).toMatch(/Customer ID.*#N\/A/);
    expect(m[1]).toMatch(/Issued at/);
    expect(m[2]).toMatch(/Amount excl\. VAT/);
    expect(m[2]).toMatch(/Description.*#REF!/);
    expect(m[3]).toMatch(/Offer number/);
  });
});

// ---------------------------------------------------------------------------------------------
// Statuses typed by users

describe("statuses typed by users", () => {
  test("Skip, ' SKIP ', created without an ID, and unknown words are never sent; the cells keep what was typed", async () => {
    const rows: [string, string][] = [
      ["ST-1", "Skip"],
      ["ST-2", " SKIP "],
      ["ST-3", "created"],
      ["ST-4", "done"],
      ["ST-5", "verzonden"],
      ["ST-6", "OK"],
      ["ST-7", "Accepted"],
      ["ST-8", "EXPIRED"],
    ];
    const w = await world({
      offers: rows.map(([n, s]) => [n, "cst_demo0001", "2025-04-14", "", "", s]),
      lines: rows.map(([n]) => [n, "Work", 1, 21]),
    });
    runOk(w, "createPendingOffers");
    runOk(w, "createPendingOffers");
    runOk(w, "runScheduledBatch");
    expect(await postedBodies(w.api)).toEqual([]);
    expect(
      w.ss
        .values("Offers")
        .slice(1)
        .map((r) => r[5]),
    ).toEqual(rows.map(([, s]) => s));
    for (const n of ["ST-4", "ST-5", "ST-6"]) expect(messageOf(w, n)).toMatch(/skip|clear/i);
  });

  test("failed, then the user clears Status: sent on the next run, exactly once", async () => {
    const w = await world(batch(1, "FL"));
    await w.api.injectFaults([
      {
        match: { offerNumber: "FL-0001" },
        times: 1,
        fault: { kind: "status", status: 422, body: { message: "Nope" } },
      },
    ]);
    runOk(w, "createPendingOffers");
    expect(statusOf(w, "FL-0001")).toBe("failed");
    runOk(w, "createPendingOffers");
    expect(await postedNumbers(w.api)).toEqual(["FL-0001"]);
    w.ss.setCell("Offers", 2, 6, "");
    runOk(w, "createPendingOffers");
    runOk(w, "createPendingOffers");
    await expectExactlyOnce(w, ["FL-0001"]);
    expect(messageOf(w, "FL-0001")).toBe("");
  });

  test("`sending` rows: found in MijnKlantportaal → created with that ID; not found → sent once", async () => {
    const w = await world({
      offers: [
        ["SE-1", "cst_demo0001", "2025-04-14", "", "", "sending"],
        ["SE-2", "cst_demo0002", "2025-04-14", "", "", " Sending "],
        ["SE-3", "cst_demo0001", "2025-04-14", "", "", "sending", "", "", "no answer in time"],
        ["SE-4", "cst_demo0001", "2025-04-14", "", "", ""],
      ],
      lines: ["SE-1", "SE-2", "SE-3", "SE-4"].map((n) => [n, "Work", 5, 21]),
    });
    const [seeded] = await w.api.seedOffers([
      {
        offerNumber: "SE-1",
        customerId: "cst_demo0001",
        amount: "5.00",
        createdAt: "2025-04-14T09:00:00+02:00",
      },
      // Same number, other customer: not the offer this row sent (CONTRACT §6 links only the
      // number and customer as sent), so SE-2 is created for its own customer.
      { offerNumber: "SE-2", customerId: "cst_demo0003" },
    ]);
    runOk(w, "createPendingOffers");
    runOk(w, "createPendingOffers");
    expect((await postedNumbers(w.api)).sort()).toEqual(["SE-2", "SE-3", "SE-4"]);
    expect(statusOf(w, "SE-1")).toBe("created");
    expect(cellText(w.ss, "Offers", rowOf(w, "SE-1"), "Offer ID")).toBe(seeded?.id);
    expect(cellText(w.ss, "Offers", rowOf(w, "SE-1"), "Amount")).toBe("5.00");
    expect(cellText(w.ss, "Offers", rowOf(w, "SE-1"), "Created at")).toBe("2025-04-14 09:00:00");
    for (const n of ["SE-2", "SE-3", "SE-4"]) expect(statusOf(w, n)).toBe("created");
    expect(sheetColumn(w.ss, "Offers", "Message")).toEqual(["", "", "", ""]);
  });

  test("validateOffers never sends a `sending` row, nor touches it", async () => {
    const w = await world({
      offers: [["SV-1", "cst_demo0001", "2025-04-14", "", "", "sending"]],
      lines: [["SV-1", "Work", 1, 21]],
    });
    runOk(w, "validateOffers");
    expect(await w.api.requests()).toEqual([]);
    expect(statusOf(w, "SV-1")).toBe("sending");
  });
});

// ---------------------------------------------------------------------------------------------
// People moving rows while a run is busy

/** Each offer's row shows the ID MijnKlantportaal gave that offer number (and no other row shows it). */
async function expectRowsMatchApi(w: World): Promise<void> {
  const stored = await w.api.offers();
  const byId = new Map(stored.map((o) => [o.id, o.offerNumber]));
  const nums = sheetColumn(w.ss, "Offers", "Offer number");
  const ids = sheetColumn(w.ss, "Offers", "Offer ID");
  nums.forEach((n, i) => {
    const id = ids[i] ?? "";
    if (id !== "") expect({ row: i + 2, id, n: byId.get(id) }).toEqual({ row: i + 2, id, n });
  });
  expect(new Set(ids.filter((id) => id !== "")).size).toBe(ids.filter((id) => id !== "").length);
}

describe("rows moved by people while a run is busy", () => {
  /** Six offers; MV-3 is `skip`, MV-5 was created earlier (it exists in MijnKlantportaal). */
  async function movedWorld(): Promise<World> {
    const w = await world({
      offers: [
        ["MV-1", "cst_demo0001", "2025-04-14"],
        ["MV-2", "cst_demo0002", "2025-04-14"],
        ["MV-3", "cst_demo0001", "2025-04-14", "", "", "skip", "", "", "keep me"],
        ["MV-4", "cst_demo0003", "2025-04-14"],
        ["MV-5", "cst_demo0001", "2025-04-14", "", "", "created", "", "1.00"],
        ["MV-6", "cst_demo0002", "2025-04-14"],
      ],
      lines: ["MV-1", "MV-2", "MV-3", "MV-4", "MV-5", "MV-6"].map((n) => [n, `Work ${n}`, 1, 21]),
    });
    const [mv5] = await w.api.seedOffers([{ offerNumber: "MV-5", customerId: "cst_demo0001" }]);
    w.ss.setCell("Offers", 6, 7, mv5?.id ?? "");
    return w;
  }

  const mv5Id = async (w: World) => (await w.api.offers()).find((o) => o.offerNumber === "MV-5")?.id;

  test.each([
    ["sorted descending", (ss: SpreadsheetModel) => ss.sortRows("Offers", 1, false)],
    ["rows inserted on top", (ss: SpreadsheetModel) => ss.insertRows("Offers", 2, 3)],
    [
      "a row above deleted and the rest sorted",
      (ss: SpreadsheetModel) => {
        ss.deleteRows("Offers", 4, 1); // MV-3, the skipped one
        ss.sortRows("Offers", 2, true);
      },
    ],
  ])(
    "while the requests are out (%s): results land on the row holding the offer number",
    async (_l, move) => {
      const w = await movedWorld();
      runOk(w, "createPendingOffers", [], { kill: onCall(isFetch, () => move(w.ss)) });
      await expectExactlyOnce(w, ["MV-1", "MV-2", "MV-4", "MV-6"]);
      await expectRowsMatchApi(w);
      if (rowOf(w, "MV-3") > 1) {
        expect(statusOf(w, "MV-3")).toBe("skip");
        expect(messageOf(w, "MV-3")).toBe("keep me");
      }
      expect(statusOf(w, "MV-5")).toBe("created");
      expect(cellText(w.ss, "Offers", rowOf(w, "MV-5"), "Offer ID")).toBe(await mv5Id(w));
    },
  );

  test("the row being sent is deleted meanwhile: nothing lands on another row, and the Run log says so", async () => {
    const w = await movedWorld();
    const before = w.ss.values("Offers").map((r) => JSON.stringify(r));
    runOk(w, "createPendingOffers", [], { kill: onCall(isFetch, () => w.ss.deleteRows("Offers", 3, 1)) });
    await expectRowsMatchApi(w);
    expect(rowOf(w, "MV-2")).toBe(1); // gone
    expect(runLogMessages(w.ss).at(-1)).toMatch(/MV-2/i);
    expect(statusOf(w, "MV-3")).toBe("skip");
    expect(before.length).toBe(7);
  });

  test("killed after the requests went out, rows sorted and moved, then re-run: exactly once, on the right rows", async () => {
    const w = await movedWorld();
    const killed = w.run("createPendingOffers", [], { kill: killAtWriteBackAfterSend() });
    expect(killed.killed).toBe("killed");
    expect(sheetColumn(w.ss, "Offers", "Status").filter((s) => s === "sending").length).toBe(4);
    w.ss.sortRows("Offers", 1, false);
    w.ss.insertRows("Offers", 3, 2);
    w.ss.deleteRows("Offers", rowOf(w, "MV-3"), 1);
    runOk(w, "createPendingOffers");
    runOk(w, "createPendingOffers");
    await expectExactlyOnce(w, ["MV-1", "MV-2", "MV-4", "MV-6"]);
    await expectRowsMatchApi(w);
  });

  // Was a bug: until the first request, the product wrote with the row numbers of its first read.
  // A sort between the read and the marking (here: at the progress toast, after both sheets are
  // read and before anything is written) must not put the `sending` marks on other offers' rows.
  test("sorted between the read and the marking: `sending` marks land on the right rows", async () => {
    const w = await movedWorld();
    const isToast = (c: { service: string; method: string }) =>
      c.service === "Spreadsheet" && c.method === "toast";
    runOk(w, "createPendingOffers", [], { kill: onCall(isToast, () => w.ss.sortRows("Offers", 1, false)) });
    await expectExactlyOnce(w, ["MV-1", "MV-2", "MV-4", "MV-6"]);
    await expectRowsMatchApi(w);
    const after = () => ({
      mv3: [statusOf(w, "MV-3"), messageOf(w, "MV-3")],
      mv5: [statusOf(w, "MV-5"), cellText(w.ss, "Offers", rowOf(w, "MV-5"), "Offer ID")],
    });
    const id5 = await mv5Id(w);
    const snapshot = after();
    // The next run must not send the row the user marked skip.
    runOk(w, "createPendingOffers");
    const sent = await postedNumbers(w.api);
    expect({ snapshot, sent }).toEqual({
      snapshot: { mv3: ["skip", "keep me"], mv5: ["created", id5] },
      sent: ["MV-1", "MV-2", "MV-4", "MV-6"],
    });
  });

  test("sorted between the read and the marking: every offer sent is still created exactly once", async () => {
    const w = await movedWorld();
    const isWrite = (c: { service: string; method: string }) =>
      c.service === "Range" && (c.method === "setValues" || c.method === "setNumberFormat");
    runOk(w, "createPendingOffers", [], { kill: onCall(isWrite, () => w.ss.sortRows("Offers", 1, false)) });
    await expectExactlyOnce(w, ["MV-1", "MV-2", "MV-4", "MV-6"]);
    await expectRowsMatchApi(w);
  });

  test("refreshOfferStatuses: rows sorted while the lookups are out get their own offer's status", async () => {
    const w = await world({ offers: [], lines: [] });
    const seeded = await w.api.seedOffers(
      Array.from({ length: 6 }, (_, i) => ({
        offerNumber: `RF-${i + 1}`,
        issuedAt: "2025-04-01",
        expiresAt: "2025-06-01",
        ...(i % 2 === 0 ? { acceptedAt: "2025-04-10 10:00:00" } : { rejectedAt: "2025-04-11 11:00:00" }),
      })),
    );
    seeded.forEach((o, i) => {
      const row = i + 2;
      const cells = [o.offerNumber, o.customerId, "2025-04-01", "2025-06-01", "", "created", o.id, o.amount];
      cells.forEach((v, c) => {
        w.ss.setCell("Offers", row, c + 1, v);
      });
    });
    runOk(w, "refreshOfferStatuses", [], { kill: onCall(isFetch, () => w.ss.sortRows("Offers", 1, false)) });
    const nums = sheetColumn(w.ss, "Offers", "Offer number");
    const st = sheetColumn(w.ss, "Offers", "Status");
    nums.forEach((n, i) => {
      const k = Number(n.slice(3)) - 1;
      expect({ n, status: st[i] }).toEqual({ n, status: k % 2 === 0 ? "accepted" : "rejected" });
    });
    await expectRowsMatchApi(w);
  });
});

// ---------------------------------------------------------------------------------------------
// Secrets

/** Every place the key could leak to: cells, notes, Run log, toasts, alerts, dialogs, logs, mail. */
function leaks(w: World, key: string): string[] {
  const out: string[] = [];
  for (const { where, text } of allCellTexts(w.ss)) if (text.includes(key)) out.push(where);
  for (const t of w.ss.toasts) if (t.message.includes(key)) out.push(`toast: ${t.message}`);
  for (const a of w.ss.alerts) if (a.message.includes(key)) out.push(`alert: ${a.message}`);
  for (const d of w.ss.dialogs) if (d.html.includes(key)) out.push("dialog");
  for (const l of w.rt.logs) if (l.text.includes(key)) out.push(`log: ${l.text}`);
  for (const m of w.rt.mail) if (JSON.stringify(m).includes(key)) out.push("mail");
  return out;
}

describe("the API key stays secret", () => {
  test("a whole session with faults writes the key to no log line, cell, toast, alert or mail", async () => {
    const w = await world(batch(4, "K"));
    await w.api.injectFaults([
      { match: { offerNumber: "K-0001" }, times: 1, fault: { kind: "status", status: 500 } },
      { match: { offerNumber: "K-0002" }, times: 1, fault: { kind: "created-then-status", status: 502 } },
      { match: { offerNumber: "K-0003" }, times: 1, fault: { kind: "reset" } },
    ]);
    runOk(w, "createPendingOffers");
    runOk(w, "createPendingOffers");
    runOk(w, "enableScheduledRuns");
    w.rt.advanceToNextTrigger();
    runOk(w, "refreshOfferStatuses");
    runOk(w, "showApiKeyDialog");
    await w.api.configure({ apiKeys: ["other"] });
    runOk(w, "createPendingOffers");
    w.rt.advanceToNextTrigger();
    expect(leaks(w, API_KEY)).toEqual([]);
  });

  // BUG: the API's reason is copied verbatim into Message; when the API echoes the Authorization
  // header (or the token) in an error body, the key ends up in a cell everyone with access can read.
  test("an error body that echoes the key (400/422): the key never reaches a cell", async () => {
    const w = await world(batch(3, "EK"));
    await w.api.injectFaults([
      {
        match: { offerNumber: "EK-0001" },
        fault: {
          kind: "status",
          status: 400,
          body: { message: `Malformed header: Authorization: Bearer ${API_KEY}` },
        },
      },
      {
        match: { offerNumber: "EK-0002" },
        fault: {
          kind: "status",
          status: 422,
          body: {
            message: "Invalid",
            errors: { authorization: [`Token ${API_KEY} has no access to cst_demo0001`] },
          },
        },
      },
      {
        match: { offerNumber: "EK-0003" },
        fault: { kind: "status", status: 404, body: `Not found (request from Bearer ${API_KEY})` },
      },
    ]);
    runOk(w, "createPendingOffers");
    expect(sheetColumn(w.ss, "Offers", "Status")).toEqual(["failed", "failed", "failed"]);
    expect(leaks(w, API_KEY)).toEqual([]);
  });

  test("a 401/403 body that echoes the key: the key is not shown in the alert, the Run log or a cell", async () => {
    const w = await world(batch(2, "EA"));
    await w.api.injectFaults([
      {
        match: { path: "/customer-offers" },
        times: null,
        fault: { kind: "status", status: 401, body: { message: `Token ${API_KEY} is revoked` } },
      },
    ]);
    runOk(w, "createPendingOffers");
    runOk(w, "refreshOfferStatuses");
    await w.api.injectFaults([
      {
        match: { path: "/customers" },
        times: null,
        fault: { kind: "status", status: 403, body: { message: `Key new-key-123 lacks scope` } },
      },
    ]);
    const reply = w.run("saveApiKey", ["new-key-123"]);
    expect(String(reply.returned)).not.toContain("new-key-123");
    expect(leaks(w, API_KEY)).toEqual([]);
    expect(leaks(w, "new-key-123")).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Output is never a formula

describe("nothing written is a formula", () => {
  test.each([
    ["on the user's own sheet", false],
    ["after setupSheets", true],
  ])("API values like off_=x, =1+1, +1, @x and -1 stay text (%s)", async (_l, setup) => {
    const w = await world(batch(3, "FX"));
    if (setup) runOk(w, "setupSheets");
    const offer = (id: string, amount: string, createdAt: string) => ({
      id,
      customerId: "cst_demo0001",
      offerNumber: "x",
      issuedAt: "2025-04-14",
      expiresAt: "2025-05-14",
      currency: "EUR",
      amount,
      acceptedAt: null,
      rejectedAt: null,
      createdAt,
    });
    await w.api.injectFaults([
      {
        match: { offerNumber: "FX-0001" },
        fault: { kind: "status", status: 201, body: { id: "off_=x", amount: "=1+1", createdAt: "+1" } },
      },
      {
        match: { offerNumber: "FX-0002" },
        fault: { kind: "status", status: 201, body: offer("off_@x", "@SUM(A1)", "=NOW()") },
      },
      {
        match: { offerNumber: "FX-0003" },
        fault: { kind: "status", status: 200, body: offer("off_-1", "-1+2", "-1") },
      },
    ]);
    runOk(w, "createPendingOffers");
    expect(formulasIn(w.ss)).toEqual([]);
    for (const sheet of w.ss.sheets) {
      expect(
        w.ss
          .formulas(sheet.name)
          .flat()
          .filter((f) => f !== ""),
      ).toEqual([]);
    }
    expect(sheetColumn(w.ss, "Offers", "Offer ID")).toEqual(["off_=x", "off_@x", "off_-1"]);
    expect(sheetColumn(w.ss, "Offers", "Amount")).toEqual(["=1+1", "@SUM(A1)", "-1+2"]);
    expect(
      w.ss
        .values("Offers")
        .slice(1)
        .map((r) => typeof r[7]),
    ).toEqual(["string", "string", "string"]);
    // Created at holds what the API said, not a formula's result.
    expect(sheetColumn(w.ss, "Offers", "Created at")[1]).toBe("=NOW()");
  });

  test("a refusal whose reason starts with = or + stays text in Message, also on rows sorted meanwhile", async () => {
    const w = await world(batch(3, "FR"));
    await w.api.injectFaults([
      {
        match: { offerNumber: "FR-0002" },
        fault: { kind: "status", status: 422, body: { message: '=HYPERLINK("http://x","y")', errors: {} } },
      },
      {
        match: { offerNumber: "FR-0003" },
        fault: { kind: "status", status: 422, body: { errors: ["+31 not allowed"] } },
      },
    ]);
    runOk(w, "createPendingOffers", [], { kill: onCall(isFetch, () => w.ss.sortRows("Offers", 1, false)) });
    expect(formulasIn(w.ss)).toEqual([]);
    expect(messageOf(w, "FR-0002")).toMatch(/^=HYPERLINK/);
    expect(messageOf(w, "FR-0003")).toMatch(/^\+31 not allowed/);
  });
});

// ---------------------------------------------------------------------------------------------
// Limits

describe("limits", () => {
  test("descriptions of 2,000 characters are sent, 2,001 refused; 50-char offer numbers sent, 51 refused", async () => {
    const n50 = `N${"5".repeat(49)}`;
    const n51 = `M${"5".repeat(50)}`;
    const w = await world({
      offers: [
        ["L-2000", "cst_demo0001", "2025-04-14"],
        ["L-2001", "cst_demo0001", "2025-04-14"],
        [n50, "cst_demo0001", "2025-04-14"],
        [n51, "cst_demo0001", "2025-04-14"],
        ["L-SPACES", "cst_demo0001", "2025-04-14"],
      ],
      lines: [
        ["L-2000", "d".repeat(2000), 1, 21],
        ["L-2001", "d".repeat(2001), 1, 21],
        [n50, "Work", 1, 21],
        [n51, "Work", 1, 21],
        ["L-SPACES", `  ${"e".repeat(2000)}  `, 1, 21],
      ],
    });
    runOk(w, "createPendingOffers");
    expect((await postedNumbers(w.api)).sort()).toEqual(["L-2000", "L-SPACES", n50].sort());
    const longLines = ((await bodyOf(w, "L-2000"))?.lines ?? []) as { description: string }[];
    expect(longLines.map((l) => l.description.length)).toEqual([2000]);
    expect(statusOf(w, "L-2001")).toBe("invalid");
    expect(messageOf(w, "L-2001")).toMatch(/Description.*2001/);
    expect(statusOf(w, n51)).toBe("invalid");
    expect(messageOf(w, n51)).toMatch(/Offer number.*51/);
    // The refused long texts are shortened in the Message, not pasted whole.
    expect(messageOf(w, "L-2001").length).toBeLessThan(500);
  });

  test("an offer with 100 lines (mixed rates, discounts) is sent with every line in sheet order", async () => {
    const lines: Row[] = [];
    let cents = 0;
    for (let i = 1; i <= 100; i++) {
      const c = i % 10 === 0 ? -(i * 7) : i * 13 + 1;
      cents += c;
      lines.push(["BIG-1", `Line ${i}`, (c / 100).toFixed(2).replace(".", ","), [21, 9, 0][i % 3]]);
      if (i % 25 === 0) lines.push(["OTHER", "Other", 1, 21]);
    }
    const w = await world({
      offers: [
        ["BIG-1", "cst_demo0001", "2025-04-14"],
        ["OTHER", "cst_demo0001", "2025-04-14"],
      ],
      lines,
    });
    runOk(w, "createPendingOffers");
    const sent = (await bodyOf(w, "BIG-1"))?.lines as { description: string; amountExclVat: string }[];
    expect(sent).toHaveLength(100);
    expect(sent.map((l) => l.description)).toEqual(Array.from({ length: 100 }, (_, i) => `Line ${i + 1}`));
    const total = (cents / 100).toFixed(2);
    expect(cellText(w.ss, "Offers", 2, "Amount")).toBe(total);
    expect(statusOf(w, "OTHER")).toBe("created");
  });
});
