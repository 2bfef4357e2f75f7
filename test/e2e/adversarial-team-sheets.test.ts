// Adversarial pass (CONTRACT §4, §5, §7a) over sheets as sales teams keep them, over the built
// bundle: formulas filled down into rows nobody typed in, headers in either language in one sheet,
// lines whose offer number is an error, a title above the headers, a Belgian team's own headers and
// values, dates typed month first, and checkboxes with their own values.

import { afterAll, describe, expect, test } from "@jest/globals";
import { LINE_HEADERS, OFFER_HEADERS_NL } from "../fixtures/headers";
import {
  cellText,
  postedBodies,
  postedNumbers,
  type Row,
  runOk,
  sheetColumn,
  stopDouble,
  world,
} from "./world";

afterAll(stopDouble);

const OFFERTES = "Offertes";
const REGELS = "Offerteregels";
const lastToast = (w: Awaited<ReturnType<typeof world>>) => w.ss.toasts.at(-1)?.message ?? "";

describe("formulas filled down the columns, into rows nobody typed in", () => {
  // A Dutch team's sheets: Vervaldatum = Offertedatum + 30, an offer number made by a formula, the
  // customer looked up by name; on the lines Bedrag excl. btw = Aantal × Prijs and the description
  // looked up by product code. Filled down to row 8, past the rows anyone typed.
  const LINE_H = [
    "Offertenummer",
    "Product",
    "Omschrijving",
    "Aantal",
    "Prijs",
    "Bedrag excl. btw",
    "Btw-tarief",
    "Melding",
  ];
  const expires = (row: number, value: unknown) => ({ v: value, f: "dd-mm-yyyy", formula: `=C${row}+30` });

  test("are blank rows: nothing is marked, no line is reported, the typed rows are sent or told", async () => {
    const offers: Row[] = [
      // Row 2: typed, with the formula's expiry.
      ["OF-2", "cst_demo0001", "2025-04-14", expires(2, 45791)],
      // Row 3: every input a formula (pulled from another tab): still an offer, still sent.
      [
        { v: "OF-3", formula: "=CRM!A3" },
        { v: "cst_demo0002", formula: "=CRM!B3" },
        { v: "2025-04-14", formula: "=CRM!C3" },
      ],
      // Row 4: typed, but the customer forgotten: told.
      ["OF-4", "", "2025-04-14", expires(4, 45791)],
      // Row 5: the formula number has lines, nothing else is filled in: told, not ignored.
      [{ v: "OF-5", formula: '="OF-"&ROW()' }, "", "", expires(5, 30)],
      // Rows 6–8: only what the formulas put in empty rows (a number without lines, #N/A, 30).
      [
        { v: "OF-6", formula: '="OF-"&ROW()' },
        { v: "#N/A", formula: "=VLOOKUP(X6;Klanten!A:B;2;0)" },
        "",
        expires(6, 30),
      ],
      ["", { v: "#N/A", formula: "=VLOOKUP(X7;Klanten!A:B;2;0)" }, "", { v: 30, formula: "=C7+30" }],
      ["", "", "", expires(8, 30)],
    ];
    const amount = (row: number, value: unknown) => ({ v: value, formula: `=D${row}*E${row}` });
    const lookup = (row: number) => ({ v: "#N/A", formula: `=VLOOKUP(B${row};Producten!A:B;2;0)` });
    const lines: Row[] = [
      ["OF-2", "P1", "Ontwerp", 2, 50, amount(2, 100), 21],
      ["OF-3", "P1", "Ontwerp", 1, 50, amount(3, 50), 21],
      ["OF-4", "P1", "Ontwerp", 1, 50, amount(4, 50), 21],
      ["OF-5", "P1", "Ontwerp", 1, 50, amount(5, 50), 21],
      // Rows 6–8: formulas only.
      ["", "", lookup(6), "", "", amount(6, 0), ""],
      ["", "", lookup(7), "", "", amount(7, 0), ""],
      ["", "", "", "", "", { v: 0, f: "€ #,##0.00", formula: "=D8*E8" }, ""],
      // Row 9: a price typed without an offer number: still reported.
      ["", "", "", "", "", 25, 21],
    ];
    const w = await world({
      locale: "nl_NL",
      sheets: { [OFFERTES]: [OFFER_HEADERS_NL, ...offers], [REGELS]: [LINE_H, ...lines] },
    });
    const run = runOk(w, "createPendingOffers");
    // Asked once per sheet, since some rows lack a key field.
    expect(run.counts["Range.getFormulas"]).toBe(2);

    const bodies = await postedBodies(w.api);
    expect(bodies.map((b) => [b.offerNumber, b.customerId, b.issuedAt, b.expiresAt])).toEqual([
      ["OF-2", "cst_demo0001", "2025-04-14", "2025-05-14"],
      ["OF-3", "cst_demo0002", "2025-04-14", "2025-05-14"],
    ]);
    expect(sheetColumn(w.ss, OFFERTES, "Status")).toEqual([
      "aangemaakt",
      "aangemaakt",
      "ongeldig",
      "ongeldig",
      "",
      "",
      "",
    ]);
    expect(sheetColumn(w.ss, OFFERTES, "Melding").slice(2)).toEqual([
      "Klant-ID ontbreekt",
      expect.stringMatching(/^Klant-ID ontbreekt; Offertedatum ontbreekt/),
      "",
      "",
      "",
    ]);
    expect(sheetColumn(w.ss, REGELS, "Melding")).toEqual([
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "Offertenummer ontbreekt: vul in bij welke offerte deze regel hoort",
    ]);
    expect(lastToast(w)).toBe(
      "2 aangemaakt, 2 met fouten om te verbeteren (zie Melding). Regels die bij geen enkele offerte horen: rij 9 in Offerteregels. Verbeter het offertenummer.",
    );

    // The next run reads the same: nothing new is marked or sent.
    runOk(w, "createPendingOffers");
    expect(await postedNumbers(w.api)).toEqual(["OF-2", "OF-3"]);
    expect(sheetColumn(w.ss, OFFERTES, "Status").slice(4)).toEqual(["", "", ""]);
  });

  test("a run whose rows all hold a key field asks Sheets for no formulas", async () => {
    const w = await world({
      offers: [["FD-1", "cst_demo0001", "2025-04-14", { v: 45791, f: "yyyy-mm-dd", formula: "=C2+30" }]],
      lines: [["FD-1", "Work", { v: 10, formula: "=2*5" }, 21]],
    });
    const run = runOk(w, "createPendingOffers");
    expect(await postedNumbers(w.api)).toEqual(["FD-1"]);
    expect(run.counts["Range.getFormulas"] ?? 0).toBe(0);
  });
});

describe("messages name each column as the sheet's own header does", () => {
  // Today in the runtime is 2025-04-14: an issue date in 2020 and a validity of two years are warnings.
  const odd: Row[] = [
    ["W-1", "cst_demo0001", "2020-01-01"],
    ["W-2", "cst_demo0001", "2025-04-14", "2027-01-01"],
    ["=W-3", "cst_demo0001", "2025-04-14"],
  ];
  const oddLines: Row[] = odd.map((o) => [o[0], "Werk", "10", 21]);

  test("warnings on English headers in a Dutch spreadsheet name Issued at and Expires at", async () => {
    const w = await world({ locale: "nl_NL", offers: odd, lines: oddLines });
    runOk(w, "validateOffers");
    expect(w.column("Status")).toEqual(["warning", "warning", "warning"]);
    expect(w.column("Message")).toEqual([
      'Niet verstuurd: Issued at 2020-01-01 ligt meer dan een jaar in het verleden. Pas de rij aan, of typ "toch versturen" in Status als de offerte zo klopt.',
      'Niet verstuurd: Expires at 2027-01-01 ligt meer dan een jaar na Issued at (2025-04-14). Pas de rij aan, of typ "toch versturen" in Status als de offerte zo klopt.',
      'Niet verstuurd: Offer number "=W-3" begint met "=" (een formule die als tekst is getypt?). Pas de rij aan, of typ "toch versturen" in Status als de offerte zo klopt.',
    ]);
  });

  test("warnings on Dutch headers in an English spreadsheet name Offertedatum and Vervaldatum", async () => {
    const w = await world({
      locale: "en_US",
      sheets: {
        [OFFERTES]: [OFFER_HEADERS_NL, ...odd],
        [REGELS]: [["Offertenummer", "Omschrijving", "Bedrag excl. btw", "Btw-tarief"], ...oddLines],
      },
    });
    runOk(w, "validateOffers");
    expect(sheetColumn(w.ss, OFFERTES, "Melding")).toEqual([
      'Not sent: Offertedatum 2020-01-01 is more than a year in the past. Fix the row, or type "send anyway" in Status if it is right as it is.',
      'Not sent: Vervaldatum 2027-01-01 is more than a year after Offertedatum (2025-04-14). Fix the row, or type "send anyway" in Status if it is right as it is.',
      'Not sent: Offertenummer "=W-3" starts with "=" (a formula typed as text?). Fix the row, or type "send anyway" in Status if it is right as it is.',
    ]);
  });

  test("a sheet whose headers mix English and Dutch: each field named as its column is", async () => {
    const w = await world({
      locale: "nl_NL",
      sheets: {
        [OFFERTES]: [
          [
            "Offer number",
            "Klant-ID",
            "Offertedatum",
            "Expires at",
            "Status",
            "Melding",
            "Offer ID",
            "Bedrag",
          ],
          ["M-1", "", "2025-04-14", "2025-01-01"],
          ["M-2", "cst_demo0001", "2025-04-14", "14-4"],
        ],
        [REGELS]: [
          ["Offertenummer", "Description", "Bedrag excl. btw", "VAT rate"],
          ["M-1", "", "10", 20],
          ["M-2", "Werk", "10", 21],
        ],
      },
    });
    runOk(w, "validateOffers");
    expect(sheetColumn(w.ss, OFFERTES, "Status")).toEqual(["ongeldig", "ongeldig"]);
    expect(sheetColumn(w.ss, OFFERTES, "Melding")).toEqual([
      "Klant-ID ontbreekt; Expires at 2025-01-01 ligt vóór Offertedatum 2025-04-14: verbeter een van beide, of maak Expires at leeg (dan geldt 30 dagen na Offertedatum); Regel 1 (rij 2 in Offerteregels): Description ontbreekt, VAT rate: 20 is geen toegestaan tarief (gebruik 21, 9 of 0)",
      'Expires at: "14-4" is geen datum (typ bijvoorbeeld 14-4-2025 of 2025-04-14, of gebruik een datumcel)',
    ]);
    expect(await w.api.requests()).toEqual([]);
  });
});

describe("a line whose offer number is an error", () => {
  test("is told what the error means, not that its offer number is missing", async () => {
    const w = await world({
      locale: "nl_NL",
      sheets: {
        [OFFERTES]: [OFFER_HEADERS_NL, ["E-1", "cst_demo0001", "2025-04-14"]],
        [REGELS]: [
          ["Offertenummer", "Omschrijving", "Bedrag excl. btw", "Btw-tarief", "Melding"],
          ["E-1", "Werk", "10", 21],
          [{ v: "#N/A", formula: "=VLOOKUP(F3;Offertes!A:B;1;0)" }, "Installatie", "25", 21],
          ["", "Korting", "-5", 21],
        ],
      },
    });
    runOk(w, "createPendingOffers");
    expect(await postedNumbers(w.api)).toEqual(["E-1"]);
    expect(sheetColumn(w.ss, REGELS, "Melding")).toEqual([
      "",
      "Offertenummer toont #N/A: een zoekformule vond niets: controleer wat er wordt opgezocht, of typ de waarde",
      "Offertenummer ontbreekt: vul in bij welke offerte deze regel hoort",
    ]);
    expect(sheetColumn(w.ss, "Logboek", "Melding").at(-1)).toMatch(/rijen 3, 4 in Offerteregels/);

    // Fixed, the line's Melding is cleared on the next run.
    w.ss.setCell(REGELS, 3, 1, "E-2");
    w.ss.setCell(OFFERTES, 3, 1, "E-2");
    w.ss.setCell(OFFERTES, 3, 2, "cst_demo0001");
    w.ss.setCell(OFFERTES, 3, 3, "2025-04-14");
    runOk(w, "createPendingOffers");
    expect(await postedNumbers(w.api)).toEqual(["E-1", "E-2"]);
    expect(cellText(w.ss, REGELS, 3, "Melding")).toBe("");
  });
});

describe("a title above the headers", () => {
  test("a run says the headers are in row 3 and what to do, and sends nothing", async () => {
    const w = await world({
      locale: "nl_NL",
      sheets: {
        [OFFERTES]: [
          ["Offertes 2025 – team Noord"],
          [],
          OFFER_HEADERS_NL,
          ["T-1", "cst_demo0001", "2025-04-14"],
        ],
        [REGELS]: [
          ["Offertenummer", "Omschrijving", "Bedrag excl. btw", "Btw-tarief"],
          ["T-1", "Werk", "10", 21],
        ],
      },
    });
    runOk(w, "createPendingOffers");
    expect(await w.api.requests()).toEqual([]);
    expect(w.ss.alerts.at(-1)?.message).toBe(
      "Op het tabblad Offertes staan de kolomkoppen in rij 3, niet in rij 1. Verwijder de rijen boven de kolomkoppen (een titel kan in een notitie). Er is niets verstuurd.",
    );
  });

  test("in English, for the lines", async () => {
    const w = await world({
      lineHeaders: ["Offer lines"],
      lines: [LINE_HEADERS, ["T-2", "Work", "10", 21]],
      offers: [["T-2", "cst_demo0001", "2025-04-14"]],
    });
    runOk(w, "validateOffers");
    expect(w.ss.alerts.at(-1)?.message).toBe(
      "The sheet Offer lines has its headers in row 2, not in row 1. Delete the rows above the headers (a title can go in a note). Nothing was sent.",
    );
  });
});

describe("a Belgian team's own sheets (nl_BE): headers typed their way, columns in their order", () => {
  test("every header is found; bodies exact; each bad row told in Dutch which field, why and what to do", async () => {
    const OFF_H = [
      "Opmerking",
      "KLANT",
      "offertenummer ",
      "Offerte\ndatum",
      "VERVALDATUM",
      "Status",
      "Melding",
      "Offerte-ID",
      "Bedrag",
    ];
    const LINE_H = ["Omschrijving", "Offerte nummer", "Aantal", "Bedrag excl. BTW", "btw tarief", "Melding"];
    const offers: Row[] = [
      ["", "cst_demo0001", 2024001, "14/04/2025", ""],
      ["", "cst_demo0001", { v: 1e6 }, "2025-4-14", "14-5-2025"],
      ["bel terug", "cst_demo0001", "BE-3", "31-02-2025", ""],
      ["", "cst_demo0001", "BE-4", "14-4-2025", ""],
      ["", "cst_demo0001", "B".repeat(51), "14-4-2025", ""],
    ];
    const lines: Row[] = [
      ["Ontwerp", 2024001, 1, "(12,95)", "21 %"],
      ["Licentie", 2024001, 1, "EUR 1 234,50", "btw 21"],
      ["Werk", "1000000", 1, "12,-", "9,0"],
      ["Werk", "BE-3", 1, "10", 21],
      ["Werk", "BE-4", 1, "10", "0,21"],
      ["Werk", "B".repeat(51), 1, "10", 21],
    ];
    const w = await world({
      locale: "nl_BE",
      sheets: { [OFFERTES]: [OFF_H, ...offers], [REGELS]: [LINE_H, ...lines] },
    });
    runOk(w, "createPendingOffers");
    expect(await postedBodies(w.api)).toEqual([
      {
        customerId: "cst_demo0001",
        offerNumber: "1000000",
        issuedAt: "2025-04-14",
        expiresAt: "2025-05-14",
        lines: [{ description: "Werk", amountExclVat: "12.00", vatRate: 9 }],
      },
    ]);
    expect(sheetColumn(w.ss, OFFERTES, "Status")).toEqual([
      "ongeldig",
      "aangemaakt",
      "ongeldig",
      "ongeldig",
      "ongeldig",
    ]);
    expect(sheetColumn(w.ss, OFFERTES, "Melding")).toEqual([
      'Regel 2 (rij 3 in Offerteregels): Btw-tarief: "btw 21" is geen btw-tarief (gebruik 21, 9 of 0)',
      "",
      'Offertedatum: "31-02-2025" bestaat niet: februari 2025 heeft 28 dagen',
      "Regel 1 (rij 6 in Offerteregels): Btw-tarief: 0,21 is geen toegestaan tarief (gebruik 21, 9 of 0)",
      "Offertenummer is 51 tekens lang (maximaal 50): maak de tekst korter",
    ]);
    // The extra column the team keeps is left alone.
    expect(sheetColumn(w.ss, OFFERTES, "Opmerking")).toEqual(["", "", "bel terug", "", ""]);

    // Fixed, the first offer's negative first line (a discount) goes out as typed.
    w.ss.setCell(REGELS, 3, 5, 21);
    runOk(w, "createPendingOffers");
    const first = (await postedBodies(w.api)).find((b) => b.offerNumber === "2024001");
    expect(first?.lines).toEqual([
      { description: "Ontwerp", amountExclVat: "-12.95", vatRate: 21 },
      { description: "Licentie", amountExclVat: "1234.50", vatRate: 21 },
    ]);
  });
});

test("a date typed month first in a Dutch sheet (4/14/2025) says how to type it day first", async () => {
  const w = await world({
    locale: "nl_NL",
    sheets: {
      [OFFERTES]: [OFFER_HEADERS_NL, ["D-1", "cst_demo0001", "4/14/2025", "5-13-2025"]],
      [REGELS]: [
        ["Offertenummer", "Omschrijving", "Bedrag excl. btw", "Btw-tarief"],
        ["D-1", "Werk", "10", 21],
      ],
    },
  });
  runOk(w, "validateOffers");
  expect(cellText(w.ss, OFFERTES, 2, "Melding")).toBe(
    'Offertedatum: "4/14/2025" is geen datum: maand 14 bestaat niet; bedoel je 14 april 2025, typ dan 14/4/2025 (dag eerst); Vervaldatum: "5-13-2025" is geen datum: maand 13 bestaat niet; bedoel je 13 mei 2025, typ dan 13-5-2025 (dag eerst)',
  );
});

test("checkboxes with their own values (Ja / Nee) down Notificatie versturen: unticked rows are blank", async () => {
  // Data validation › Checkbox › custom values: an unticked box holds "Nee", a ticked one "Ja".
  const box = (ticked: boolean) => (ticked ? "Ja" : "Nee");
  const w = await world({
    locale: "nl_NL",
    sheets: {
      [OFFERTES]: [
        OFFER_HEADERS_NL,
        ["J-1", "cst_demo0001", "2025-04-14", "", box(true)],
        ["J-2", "cst_demo0001", "2025-04-14", "", box(false)],
        ["", "", "", "", box(false)],
        ["", "", "", "", box(false)],
        ["", "", "", "", box(false)],
      ],
      [REGELS]: [
        ["Offertenummer", "Omschrijving", "Bedrag excl. btw", "Btw-tarief"],
        ["J-1", "Werk", "10", 21],
        ["J-2", "Werk", "10", 21],
      ],
    },
  });
  for (let row = 2; row <= 6; row++) {
    const cell = w.ss.getCell(OFFERTES, row, 5);
    if (cell) cell.validation = { criteria: "CHECKBOX", values: ["Ja", "Nee"], allowInvalid: true };
  }
  const run = runOk(w, "createPendingOffers");
  expect((await postedBodies(w.api)).map((b) => [b.offerNumber, b.sendNotification])).toEqual([
    ["J-1", true],
    ["J-2", false],
  ]);
  expect(sheetColumn(w.ss, OFFERTES, "Status")).toEqual(["aangemaakt", "aangemaakt", "", "", ""]);
  expect(lastToast(w)).toBe("2 aangemaakt.");
  // Telling them apart needs no extra read of the sheet.
  expect(run.counts["Range.getFormulas"] ?? 0).toBe(0);
});
