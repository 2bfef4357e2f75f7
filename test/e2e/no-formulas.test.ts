// Everything written to cells is written as a value, never a formula (CONTRACT §6): text from the
// API or from the user that starts with `=`, `+`, `-` or `@` stays text, shown verbatim.

import { afterAll, describe, expect, test } from "@jest/globals";
import type { SpreadsheetModel } from "../../tools/gas-runtime";
import { cellText, postedBodies, type Row, runOk, stopDouble, type World, world } from "./world";

afterAll(stopDouble);

/** Every formula in every sheet, as "Sheet!R1C1: =…" (the fixture's own formulas excluded by caller). */
function formulasIn(ss: SpreadsheetModel): string[] {
  const out: string[] = [];
  for (const sheet of ss.sheets) {
    ss.formulas(sheet.name).forEach((row, r) => {
      row.forEach((f, c) => {
        if (f !== "") out.push(`${sheet.name}!R${r + 1}C${c + 1}: ${f}`);
      });
    });
    sheet.forEachCell((cell, r, c) => {
      if (cell.formula !== undefined) out.push(`${sheet.name}!R${r}C${c} (stored): ${cell.formula}`);
    });
  }
  return [...new Set(out)];
}

/** Every cell that holds an error value (what a string written as a formula would become). */
function errorCells(ss: SpreadsheetModel): string[] {
  const out: string[] = [];
  for (const sheet of ss.sheets) {
    sheet.forEachCell((cell, r, c) => {
      if (typeof cell.value === "string" && /^#[A-Z/0!?]+[!?]?$/.test(cell.value))
        out.push(`${sheet.name}!R${r}C${c}: ${cell.value}`);
    });
  }
  return out;
}

const refusal = (number: string, message: unknown, errors: unknown = {}) => ({
  match: { offerNumber: number },
  fault: { kind: "status" as const, status: 422, body: { message, errors } },
});

const API_TEXTS: [number: string, message: string][] = [
  ["API-EQ", '=HYPERLINK("x")'],
  ["API-PLUS", "+31 6 1234 5678 is not a valid phone number"],
  ["API-MINUS", "-1 is not allowed"],
  ["API-AT", "@customer unknown"],
];

async function scenario(withSetup: boolean): Promise<World> {
  const text = (v: string) => ({ v, f: "@" });
  const offers: Row[] = [
    ...API_TEXTS.map(([n]) => [n, "cst_demo0001", "2025-04-14", "", ""]),
    ["API-LIST", "cst_demo0001", "2025-04-14", "", ""],
    [text("+31612345678"), "cst_demo0002", "2025-04-14", "", ""],
    // An offer number starting with = and a discount-only offer are held back as warnings (§5)
    // unless confirmed: confirmed here, so that what is tested is how they are sent and written.
    [text("=1+1"), "cst_demo0003", "2025-04-14", "", "", "send anyway"],
    [text("-42"), "cst_demo0001", "2025-04-14", "", ""],
    [text("@home"), "cst_demo0002", "2025-04-14", "", ""],
    ["DISCOUNT", "cst_demo0003", "2025-04-14", "", "", "send anyway"],
    // An invalid row whose Message quotes the user's text.
    [text("=BAD()"), "=cst", "2025-04-14", "", ""],
    // A Status the tool does not know, typed as text: the row is left alone but gets a Message.
    [text("=ODD()"), "cst_demo0001", "2025-04-14", "", "", text("=weird")],
  ];
  const lines: Row[] = [
    ...API_TEXTS.map(([n]) => [n, "Work", 10, 21]),
    ["API-LIST", "Work", 10, 21],
    ["+31612345678", '=SUM(A1:A3) "quoted"', 10, 21],
    ["=1+1", "+ extra support", "5", 9],
    ["-42", "-10% off", 1, 0],
    ["@home", "@mention", 2, 21],
    ["DISCOUNT", "Discount", -25, 21],
    ["=BAD()", "=1/0", 1, 21],
    ["=ODD()", "Work", 1, 21],
    // A line that matches no offer, named by a formula-like offer number.
    [text("=ORPHAN()"), "-dangling", 1, 21],
  ];
  const w = await world({ offers, lines });
  await w.api.injectFaults([
    ...API_TEXTS.map(([n, message]) => refusal(n, message)),
    refusal("API-LIST", "=ignored", ["@first problem", "=second problem"]),
  ]);
  if (withSetup) runOk(w, "setupSheets");
  expect(formulasIn(w.ss)).toEqual([]);
  runOk(w, "createPendingOffers");
  runOk(w, "validateOffers");
  runOk(w, "createPendingOffers");
  return w;
}

describe.each([
  ["on sheets as the user made them", false],
  ["after setupSheets", true],
])("nothing the product writes becomes a formula (%s)", (_label, withSetup) => {
  test("API refusals, formula-like offer numbers and descriptions stay text, shown verbatim", async () => {
    const w = await scenario(withSetup);

    expect(formulasIn(w.ss)).toEqual([]);
    expect(errorCells(w.ss)).toEqual([]);

    const rowOf = (n: string) => w.column("Offer number").indexOf(n) + 2;
    // The API's reasons, verbatim, in Message.
    for (const [n, message] of API_TEXTS) {
      expect({ n, status: cellText(w.ss, "Offers", rowOf(n), "Status") }).toEqual({ n, status: "failed" });
      const shown = cellText(w.ss, "Offers", rowOf(n), "Message");
      expect({ n, shown }).toEqual({ n, shown: expect.stringContaining(message) });
      expect(w.ss.getCell("Offers", rowOf(n), 9)?.value).toEqual(expect.stringContaining(message));
    }
    const listMessage = cellText(w.ss, "Offers", rowOf("API-LIST"), "Message");
    expect(listMessage).toContain("@first problem");
    expect(listMessage).toContain("=second problem");

    // Formula-like offer numbers typed as text were sent as typed and their rows written back.
    const bodies = new Map((await postedBodies(w.api)).map((b) => [b.offerNumber, b]));
    for (const n of ["+31612345678", "=1+1", "-42", "@home"]) {
      expect({ n, sent: bodies.has(n) }).toEqual({ n, sent: true });
      expect({ n, status: cellText(w.ss, "Offers", rowOf(n), "Status") }).toEqual({ n, status: "created" });
      expect(w.ss.getCell("Offers", rowOf(n), 1)?.value).toBe(n);
    }
    const descriptions = (n: string) =>
      ((bodies.get(n)?.lines ?? []) as { description: string }[]).map((l) => l.description);
    expect(descriptions("+31612345678")).toEqual(['=SUM(A1:A3) "quoted"']);
    expect(descriptions("=1+1")).toEqual(["+ extra support"]);
    expect(descriptions("-42")).toEqual(["-10% off"]);
    expect(descriptions("@home")).toEqual(["@mention"]);

    // A negative amount from the API stays the text "-25.00", not the number -25 or a formula.
    const discountRow = rowOf("DISCOUNT");
    expect(cellText(w.ss, "Offers", discountRow, "Status")).toBe("created");
    expect(cellText(w.ss, "Offers", discountRow, "Amount")).toBe("-25.00");
    expect(w.ss.getCell("Offers", discountRow, 8)?.value).toBe("-25.00");

    // The invalid row: its Message (quoting user text) and its unknown Status are left as text.
    const badRow = rowOf("=BAD()");
    expect(cellText(w.ss, "Offers", badRow, "Status")).toBe("invalid");
    expect(cellText(w.ss, "Offers", badRow, "Message")).toMatch(/Customer ID/);
    expect(cellText(w.ss, "Offers", badRow, "Message")).toContain("=cst");
    const oddRow = rowOf("=ODD()");
    expect(cellText(w.ss, "Offers", oddRow, "Status")).toBe("=weird");
    expect(w.ss.getCell("Offers", oddRow, 6)?.value).toBe("=weird");
    expect(bodies.has("=ODD()")).toBe(false);

    // Created at / Offer ID written as text values.
    for (let row = 2; row <= w.offers().length; row++) {
      for (const col of [6, 7, 8, 9, 10]) {
        const cell = w.ss.getCell("Offers", row, col);
        if (cell && cell.value !== null) expect(typeof cell.value).toBe("string");
      }
    }
    // Every Run log message is text too.
    expect(w.ss.displayValues("Run log").length).toBeGreaterThan(1);
  });
});
