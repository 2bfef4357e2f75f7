// Matching header rows and sheet names to the product's columns (src/core/columns.ts): English,
// Dutch and aliases, in any case or spacing; the language a header row is in.

import { describe, expect, test } from "@jest/globals";
import {
  fieldNames,
  headerIn,
  headerLanguage,
  isSheetNamed,
  LINE_COLUMNS,
  matchHeaders,
  normalizeHeader,
  OFFER_COLUMNS,
  RUN_LOG_COLUMNS,
  SHEET_NAMES,
  type SheetId,
} from "../../src/core/columns";
import {
  LINE_HEADERS,
  LINE_HEADERS_NL,
  OFFER_HEADERS,
  OFFER_HEADERS_NL,
  SHEETS_EN,
  SHEETS_NL,
} from "../fixtures/headers";

describe("normalizeHeader", () => {
  test.each([
    ["Amount excl. VAT", "amountexclvat"],
    ["amountExclVat", "amountexclvat"],
    ["amount_excl_vat", "amountexclvat"],
    ["  Offer  number ", "offernumber"],
    ["Klant-ID", "klantid"],
    ["Duration (s)", "durations"],
    [null, ""],
    [undefined, ""],
    [42, "42"],
  ])("%j → %j", (text, normal) => {
    expect(normalizeHeader(text)).toBe(normal);
  });
});

describe("matchHeaders", () => {
  test("the contract's English headers: every offer column found where it is, only the hidden ref missing", () => {
    const { columns, missing } = matchHeaders(OFFER_HEADERS, OFFER_COLUMNS);
    expect(columns.offerNumber).toBe(0);
    expect(columns.customerId).toBe(1);
    expect(columns.rejectedAt).toBe(11);
    expect(missing.map((s) => s.key)).toEqual(["ref"]);
  });

  test("the Dutch headers map to the same keys", () => {
    expect(matchHeaders(OFFER_HEADERS_NL, OFFER_COLUMNS).columns).toEqual(
      matchHeaders(OFFER_HEADERS, OFFER_COLUMNS).columns,
    );
    expect(matchHeaders(LINE_HEADERS_NL, LINE_COLUMNS).columns).toEqual({
      offerNumber: 0,
      description: 1,
      amountExclVat: 2,
      vatRate: 3,
    });
  });

  test("a mix of languages, other order, odd case and spacing", () => {
    const { columns, missing } = matchHeaders(
      ["BTW-TARIEF", "description", " offer_number ", "Bedrag excl btw", "Message"],
      LINE_COLUMNS,
    );
    expect(columns).toEqual({ vatRate: 0, description: 1, offerNumber: 2, amountExclVat: 3, message: 4 });
    expect(missing).toEqual([]);
  });

  test.each(["Customer", "Klant", "Customer ID", "klant-id"])("the customer column may be headed %j", (h) => {
    expect(matchHeaders(["Offer number", h], OFFER_COLUMNS).columns.customerId).toBe(1);
  });

  test("two columns with names of one key: the leftmost wins", () => {
    expect(matchHeaders(["Klant", "Offer number", "Customer ID"], OFFER_COLUMNS).columns.customerId).toBe(0);
    expect(matchHeaders(["Status", "Status"], OFFER_COLUMNS).columns.status).toBe(0);
  });

  test("unknown and blank headers are ignored; keys not found are listed as missing", () => {
    const { columns, missing } = matchHeaders(["", "Notes", "Offer number", null], LINE_COLUMNS);
    expect(columns).toEqual({ offerNumber: 2 });
    expect(missing.map((s) => s.key)).toEqual(["description", "amountExclVat", "vatRate", "message"]);
  });

  test("the Run log's headers in both languages", () => {
    const en = RUN_LOG_COLUMNS.map((c) => c.header);
    const nl = RUN_LOG_COLUMNS.map((c) => c.nl);
    expect(matchHeaders(en, RUN_LOG_COLUMNS).missing).toEqual([]);
    expect(matchHeaders(nl, RUN_LOG_COLUMNS).columns).toEqual(matchHeaders(en, RUN_LOG_COLUMNS).columns);
  });
});

describe("headerLanguage", () => {
  test("English and Dutch header rows", () => {
    expect(headerLanguage(OFFER_HEADERS, OFFER_COLUMNS)).toBe("en");
    expect(headerLanguage(OFFER_HEADERS_NL, OFFER_COLUMNS)).toBe("nl");
    expect(headerLanguage(LINE_HEADERS, LINE_COLUMNS)).toBe("en");
    expect(headerLanguage(LINE_HEADERS_NL, LINE_COLUMNS)).toBe("nl");
  });

  test("the majority decides; headers the same in both (Status, MKP ref) do not count", () => {
    expect(headerLanguage(["Offertenummer", "Omschrijving", "Amount excl. VAT"], LINE_COLUMNS)).toBe("nl");
    expect(headerLanguage(["Status", "MKP ref", "Offer number"], OFFER_COLUMNS)).toBe("en");
  });

  test("no known header, only shared ones, or a tie: cannot tell", () => {
    expect(headerLanguage([], OFFER_COLUMNS)).toBeNull();
    expect(headerLanguage(["Notes", "Status"], OFFER_COLUMNS)).toBeNull();
    expect(headerLanguage(["Offer number", "Klant-ID"], OFFER_COLUMNS)).toBeNull();
  });
});

describe("fieldNames", () => {
  test("each field in the language its column's header is in; others in the sheet's, else the fallback", () => {
    const mixed = ["offer_number", "KLANT-ID", "Offerte\ndatum", "Expires at", "Status"];
    expect(fieldNames(mixed, OFFER_COLUMNS, "en")).toMatchObject({
      offerNumber: "Offer number",
      customerId: "Klant-ID",
      issuedAt: "Offertedatum",
      expiresAt: "Expires at",
      // Not in the sheet: a tie (2 and 2), so the fallback's.
      sendNotification: "Send notification",
      description: "Description",
    });
    expect(fieldNames(["Offertenummer", "Customer", "Omschrijving"], LINE_COLUMNS, "en")).toMatchObject({
      offerNumber: "Offertenummer",
      description: "Omschrijving",
      amountExclVat: "Bedrag excl. btw",
      vatRate: "Btw-tarief",
    });
    expect(fieldNames(OFFER_HEADERS, OFFER_COLUMNS, "nl").issuedAt).toBe("Issued at");
    expect(fieldNames([], OFFER_COLUMNS, "nl").issuedAt).toBe("Offertedatum");
  });
});

describe("headerIn", () => {
  test("a new column's header in the sheet's language", () => {
    const vat = LINE_COLUMNS.find((c) => c.key === "vatRate");
    expect(vat && headerIn(vat, "en")).toBe("VAT rate");
    expect(vat && headerIn(vat, "nl")).toBe("Btw-tarief");
  });
});

describe("isSheetNamed", () => {
  const ids = Object.keys(SHEET_NAMES) as SheetId[];

  test.each(ids.map((id, i): [SheetId, string, string] => [id, SHEETS_EN[i] ?? "", SHEETS_NL[i] ?? ""]))(
    "%s is recognised as %j and %j, in any case or spacing",
    (id, en, nl) => {
      expect(isSheetNamed(en, id)).toBe(true);
      expect(isSheetNamed(nl, id)).toBe(true);
      expect(isSheetNamed(en.toUpperCase(), id)).toBe(true);
      expect(isSheetNamed(` ${nl.toLowerCase()} `, id)).toBe(true);
    },
  );

  test("other sheets' names, and blank names, are not", () => {
    expect(isSheetNamed("Offer lines", "offers")).toBe(false);
    expect(isSheetNamed("Offertes", "lines")).toBe(false);
    expect(isSheetNamed("Klanten", "newCustomers")).toBe(false);
    expect(isSheetNamed("", "offers")).toBe(false);
    expect(isSheetNamed("---", "runLog")).toBe(false);
  });
});
