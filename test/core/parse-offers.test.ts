import { LINE_COLUMNS, matchHeaders, OFFER_COLUMNS } from "../../src/core/columns";
import { foldLedger } from "../../src/core/ledger";
import { parseLines } from "../../src/core/parse-lines";
import { orphanLines, parseOffers } from "../../src/core/parse-offers";
import { planRun } from "../../src/core/plan-run";
import { LINE_HEADERS, OFFER_HEADERS } from "../fixtures/headers";
import { type CellLike, table, utcYmd } from "./helpers";

function parse(
  offerRows: CellLike[][],
  lineRows: CellLike[][],
  offerHeader = OFFER_HEADERS,
  lineHeader = LINE_HEADERS,
) {
  const ot = table(offerHeader, offerRows);
  const lt = table(lineHeader, lineRows);
  const lines = parseLines(lt, matchHeaders(lt.header, LINE_COLUMNS).columns);
  const offers = parseOffers(ot, matchHeaders(ot.header, OFFER_COLUMNS).columns, lines, utcYmd);
  return { offers, lines };
}

const LINE: CellLike[] = ["A1", "Website", "12.95", 21];

describe("parsing offers", () => {
  test("a valid offer becomes the exact request body", () => {
    const { offers } = parse(
      [[{ value: 2024001, display: "2024001" }, " cst_abc1 ", new Date(Date.UTC(2025, 3, 14)), "", true]],
      [
        ["2024001", "Website template", 12.95, 21],
        [
          "2024001",
          "Hosting",
          { value: "€ 1.234,50", display: "€ 1.234,50" },
          { value: 0.09, display: "9%", format: "0%" },
        ],
        [2024001, "Discount", -5, "0"],
      ],
    );
    expect(offers[0]?.problems).toEqual([]);
    expect(offers[0]?.body).toEqual({
      customerId: "cst_abc1",
      offerNumber: "2024001",
      issuedAt: "2025-04-14",
      expiresAt: "2025-05-14",
      lines: [
        { description: "Website template", amountExclVat: "12.95", vatRate: 21 },
        { description: "Hosting", amountExclVat: "1234.50", vatRate: 9 },
        { description: "Discount", amountExclVat: "-5.00", vatRate: 0 },
      ],
      sendNotification: true,
    });
  });

  test("the offer number is sent as the cell shows it", () => {
    const { offers } = parse(
      [[{ value: 1, display: "001", format: "000" }, "cst_a", "2025-04-14"]],
      [["001", "x", 1, 21]],
    );
    expect(offers[0]?.body?.offerNumber).toBe("001");
  });

  test.each([
    [[true], true],
    [["ja"], true],
    [["Nee"], false],
    [[false], false],
    [[""], undefined],
  ])("send notification %j → %j", ([cellValue], expected) => {
    const { offers } = parse([["A1", "cst_a", "2025-04-14", "", cellValue]], [LINE]);
    expect(offers[0]?.body?.sendNotification).toBe(expected);
    expect(offers[0]?.body && "sendNotification" in offers[0].body).toBe(expected !== undefined);
  });

  test.each([
    [["A1", "cst_a", "2025-04-31"], /Issued at: "2025-04-31" is not a real calendar date/],
    [["A1", "cst_a", "2025-04-14", "2025-04-01"], /Expires at 2025-04-01 is before Issued at 2025-04-14/],
    [["A1", "abc", "2025-04-14"], /Customer ID "abc" is not a customer ID/],
    [["A1", "", "2025-04-14"], /Customer ID missing/],
    [["A1", "cst_a", ""], /Issued at missing/],
    [["A1", "cst_a", "#N/A"], /Issued at shows #N\/A: a lookup formula found nothing/],
    [["A1", "cst_a", "2025-04-14", "", "maybe"], /Send notification: "maybe" is not yes or no/],
    [["x".repeat(51), "cst_a", "2025-04-14"], /Offer number is 51 characters long/],
  ])("row %j is invalid: %s", (row, problem) => {
    const { offers } = parse([row], [LINE, ["x".repeat(51), "y", 1, 21]]);
    expect(offers[0]?.body).toBeNull();
    expect(offers[0]?.problems.join("; ")).toMatch(problem);
  });

  test.each([
    [["A1", "", "12.95", 21], /^Line 1 \(row 2 of Offer lines\): Description missing$/],
    [["A1", "x", "12.955", 21], /Amount excl. VAT: has more than 2 decimals/],
    [["A1", "x", "", 21], /Amount excl. VAT missing/],
    [["A1", "x", "1", 20], /VAT rate: 20 is not an allowed rate/],
    [["A1", "x", "1", ""], /VAT rate missing/],
    [["A1", "x", "#REF!", 21], /Amount excl. VAT shows #REF!/],
    [["A1", "y".repeat(2001), "1", 21], /Description is 2001 characters long/],
  ])("line %j makes the offer invalid: %s", (line, problem) => {
    const { offers } = parse([["A1", "cst_a", "2025-04-14"]], [line]);
    expect(offers[0]?.body).toBeNull();
    expect(offers[0]?.problems.join("; ")).toMatch(problem);
  });

  test("an offer without lines, duplicates and orphan lines are reported", () => {
    const { offers, lines } = parse(
      [
        ["A1", "cst_a", "2025-04-14"],
        ["B2", "cst_a", "2025-04-14"],
        ["b2", "cst_a", "2025-04-14"],
        ["", "", ""],
        ["C3", "cst_a", "2025-04-14"],
      ],
      [LINE, ["B2", "x", 1, 21], ["Z9", "orphan", 1, 21], ["", "no number", 1, 21]],
    );
    expect(offers.map((o) => o.sheetRow)).toEqual([2, 3, 4, 6]);
    expect(offers[0]?.body).not.toBeNull();
    expect(offers[1]?.problems.join()).toMatch(/also used in row 4/);
    expect(offers[2]?.problems.join()).toMatch(/also used in row 3/);
    expect(offers[3]?.problems.join()).toMatch(/Lines missing: add rows with offer number C3 to Offer lines/);
    expect(orphanLines(offers, lines).map((l) => l.sheetRow)).toEqual([4, 5]);
  });

  test("headers match in any order, case and punctuation", () => {
    const { offers } = parse(
      [["cst_a", "", "A1", "2025-04-14", "extra"]],
      [[21, "12,95", "x", "A1"]],
      ["customer_id", "STATUS", "offerNumber", "issued-at", "Notes"],
      ["vat rate", "AMOUNT_EXCL_VAT", "description", "Offer Number"],
    );
    expect(offers[0]?.body?.lines).toEqual([{ description: "x", amountExclVat: "12.95", vatRate: 21 }]);
  });

  test("the plan sends valid pending rows, marks invalid ones and skips the rest", () => {
    const { offers } = parse(
      [
        ["A1", "cst_a", "2025-04-14"],
        ["B2", "bad", "2025-04-14"],
        ["C3", "cst_a", "2025-04-14", "", "", "created", "off_1"],
        ["D4", "cst_a", "2025-04-14", "", "", "Skip"],
        ["E5", "cst_a", "2025-04-14", "", "", "sending"],
        ["F6", "cst_a", "2025-04-14", "", "", "", "off_2"],
        ["G7", "cst_a", "2025-04-14", "", "", "whatever"],
      ],
      ["A1", "B2", "C3", "D4", "E5", "F6", "G7"].map((n) => [n, "x", 1, 21]),
    );
    const options = {
      selected: null,
      validateOnly: false,
      ledger: foldLedger([]),
      nowMs: 0,
      today: "2025-04-14",
      formatTime: String,
      respectBackoff: true,
    };
    const plan = planRun(offers, options);
    expect(plan.toSend.map((s) => s.offerNumber)).toEqual(["A1"]);
    expect(plan.toReconcile.map((s) => s.row.offerNumber)).toEqual(["E5"]);
    expect(plan.updates.map((u) => [u.key, u.values.status])).toEqual([
      ["b2", "invalid"],
      ["f6", "created"],
      ["g7", undefined],
    ]);
    expect(plan.counts).toEqual({ created: 0, failed: 0, invalid: 1, skipped: 4, pending: 0 });
    const selected = planRun(offers, { ...options, selected: new Set([3]) });
    expect(selected.toSend).toEqual([]);
    expect(selected.updates.map((u) => u.key)).toEqual(["b2"]);
  });
});
