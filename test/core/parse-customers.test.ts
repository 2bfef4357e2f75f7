// Customers and New customers rows (src/core/parse-customers.ts): the validation table of New
// customers (required fields, e-mail shape, Dutch zip codes `1234 AB`, ISO country code, default
// NL), duplicates, statuses in both languages, and the Customers rows that hold an ID.

import { afterEach, describe, expect, test } from "@jest/globals";
import { matchHeaders } from "../../src/core/columns";
import { CUSTOMER_COLUMNS, NEW_CUSTOMER_COLUMNS } from "../../src/core/customer-columns";
import { useLanguage } from "../../src/core/language";

const matchCustomerHeaders = (row: readonly unknown[]) => matchHeaders(row, CUSTOMER_COLUMNS);
const matchNewCustomerHeaders = (row: readonly unknown[]) => matchHeaders(row, NEW_CUSTOMER_COLUMNS);

import {
  newCustomerStatusOf,
  parseCustomerRows,
  parseNewCustomers,
  parseSent,
} from "../../src/core/parse-customers";
import { CUSTOMER_EN, CUSTOMER_NL } from "../../src/core/texts-customers";
import { type CellLike, table } from "./helpers";

afterEach(() => useLanguage("en"));

const EN = NEW_CUSTOMER_COLUMNS.map((c) => c.header);
const NL = NEW_CUSTOMER_COLUMNS.map((c) => c.nl);
const t = CUSTOMER_EN;

/** A New customers row from named fields (the rest blank). */
type Fields = Partial<Record<(typeof NEW_CUSTOMER_COLUMNS)[number]["key"], CellLike>>;
const GOOD: Fields = {
  companyName: "Bakkerij De Korf B.V.",
  address: "Dorpsstraat 1",
  zipCode: "1234 AB",
  city: "Utrecht",
  email: "info@dekorf.nl",
};

function parse(rows: Fields[], header = EN) {
  const tbl = table(
    header,
    rows.map((r) => NEW_CUSTOMER_COLUMNS.map((c) => r[c.key] ?? "")),
  );
  return parseNewCustomers(tbl, matchNewCustomerHeaders(tbl.header).columns);
}
const one = (fields: Fields, header = EN) => parse([fields], header)[0];

describe("a valid new customer", () => {
  test("becomes the body of POST /customers, country NL by default", () => {
    const r = one(GOOD);
    expect(r?.problems).toEqual([]);
    expect(r?.body).toEqual({
      companyName: "Bakkerij De Korf B.V.",
      address: "Dorpsstraat 1",
      zipCode: "1234 AB",
      city: "Utrecht",
      primaryEmail: "info@dekorf.nl",
      countryCode: "NL",
    });
    expect(r?.sheetRow).toBe(2);
    expect(r?.status).toBe("pending");
  });

  test.each([
    ["1234AB", "1234 AB"],
    ["1234 ab", "1234 AB"],
    ["9999 zz", "9999 ZZ"],
  ])("Dutch zip %j is written %j", (zip, written) => {
    expect(one({ ...GOOD, zipCode: zip })?.body?.zipCode).toBe(written);
  });

  test("a foreign customer keeps its own zip code; the country code may be lower case", () => {
    const r = one({ ...GOOD, zipCode: "B-1000", countryCode: "be" });
    expect(r?.problems).toEqual([]);
    expect(r?.body).toMatchObject({ zipCode: "B-1000", countryCode: "BE" });
  });

  test("a phone number is sent when given", () => {
    expect(one({ ...GOOD, phone: "+31 30 123 4567" })?.body?.phone).toBe("+31 30 123 4567");
    expect(one(GOOD)?.body).not.toHaveProperty("phone");
  });

  test("Dutch headers read the same", () => {
    expect(one(GOOD, NL)?.body).toEqual(one(GOOD)?.body);
  });
});

describe("validation", () => {
  test.each([
    ["company name", { companyName: "" }, [t.missing("Company name")]],
    ["address", { address: "" }, [t.missing("Address")]],
    ["zip code", { zipCode: "" }, [t.missing("Zip code")]],
    ["city", { city: " " }, [t.missing("City")]],
    ["e-mail", { email: "" }, [t.missing("Email")]],
    ["an error cell", { city: "#REF!" }, [t.missing("City")]],
  ] as [string, Fields, string[]][])("%s missing is named", (_, change, problems) => {
    const r = one({ ...GOOD, ...change });
    expect(r?.problems).toEqual(problems);
    expect(r?.body).toBeNull();
  });

  test.each([
    "info",
    "info@dekorf",
    "info@@dekorf.nl",
    "in fo@dekorf.nl",
    "info@dekorf.n",
    "<info>@dekorf.nl",
    "info@-dekorf.nl",
  ])("e-mail %j is refused", (email) => {
    expect(one({ ...GOOD, email })?.problems).toEqual([t.badEmail(email)]);
  });

  test.each(["info@dekorf.nl", "j.de.vries+offers@mail.example.co.uk", "a@b-c.nl"])(
    "e-mail %j is accepted",
    (email) => {
      expect(one({ ...GOOD, email })?.problems).toEqual([]);
    },
  );

  test.each(["0123 AB", "123 AB", "12345", "1234 A", "1234  AB", "1234 SA", "1234 SD", "1234 SS", "AB 1234"])(
    "Dutch zip %j is refused",
    (zipCode) => {
      expect(one({ ...GOOD, zipCode })?.problems).toEqual([t.badZip(zipCode)]);
    },
  );

  test.each(["NLD", "XX", "N", "Nederland", "UK"])("country code %j is refused", (countryCode) => {
    const r = one({ ...GOOD, countryCode });
    expect(r?.problems).toContain(t.badCountry(countryCode));
    expect(r?.body).toBeNull();
  });

  test("a text over 255 characters is too long", () => {
    expect(one({ ...GOOD, address: "x".repeat(256) })?.problems).toEqual([t.tooLong("Address", 255)]);
    expect(one({ ...GOOD, address: "x".repeat(255) })?.problems).toEqual([]);
  });

  test("every problem of a row is listed", () => {
    expect(one({ companyName: "Acme", email: "nope", countryCode: "ZZ" })?.problems).toEqual([
      t.missing("Address"),
      t.missing("Zip code"),
      t.missing("City"),
      t.badCountry("ZZ"),
      t.badEmail("nope"),
    ]);
  });

  test("two rows for one company (by name, legal form aside) are both held back, each naming the other", () => {
    const rows = parse([
      GOOD,
      { ...GOOD, companyName: "bakkerij de korf", email: "a@dekorf.nl" },
      { ...GOOD, companyName: "Other" },
    ]);
    expect(rows[0]?.problems).toEqual([t.duplicateNew([3])]);
    expect(rows[1]?.problems).toEqual([t.duplicateNew([2])]);
    expect(rows[0]?.body).toBeNull();
    expect(rows[2]?.problems).toEqual([]);
  });

  test("blank rows are skipped; rows keep their sheet row", () => {
    const rows = parse([GOOD, {}, { ...GOOD, companyName: "Other" }]);
    expect(rows.map((r) => r.sheetRow)).toEqual([2, 4]);
  });

  test("in Dutch the problems are Dutch", () => {
    useLanguage("nl");
    expect(one({ ...GOOD, email: "nope", zipCode: "12" })?.problems).toEqual([
      CUSTOMER_NL.badEmail("nope"),
      CUSTOMER_NL.badZip("12"),
    ]);
  });

  // Messages name a column as the sheet's own header does.
  test("in a Dutch sheet a missing field is named by its Dutch header", () => {
    useLanguage("nl");
    expect(one({ ...GOOD, companyName: "" }, NL)?.problems).toEqual([CUSTOMER_NL.missing("Bedrijfsnaam")]);
  });
});

describe("what the product wrote back", () => {
  test.each([
    ["", "pending"],
    ["sending", "sending"],
    ["Wordt verzonden", "sending"],
    ["created", "created"],
    ["aangemaakt", "created"],
    ["mislukt", "failed"],
    ["invalid", "invalid"],
    ["ongeldig", "invalid"],
    ["done", "unknown"],
  ])("status %j → %s", (text, status) => {
    expect(newCustomerStatusOf(text)).toBe(status);
  });

  test("the row's status, customer ID and what was sent are read back", () => {
    const sent = JSON.stringify({
      at: 1000,
      companyName: "Bakkerij De Korf B.V.",
      primaryEmail: "info@dekorf.nl",
    });
    const r = one({ ...GOOD, status: "aangemaakt", customerId: "cst_ab12", sent });
    expect(r).toMatchObject({ status: "created", statusText: "aangemaakt", customerId: "cst_ab12" });
    expect(r?.sent).toEqual({
      at: 1000,
      companyName: "Bakkerij De Korf B.V.",
      primaryEmail: "info@dekorf.nl",
    });
    expect(one({ ...GOOD, customerId: "12345" })?.customerId).toBe("");
  });

  test.each(["", "not json", "{}", '{"at":"x","companyName":"A","primaryEmail":"b"}', "null"])(
    "a Sent cell %j that is not ours tells nothing",
    (text) => {
      expect(parseSent(text)).toBeNull();
    },
  );
});

describe("parseCustomerRows", () => {
  const header = CUSTOMER_COLUMNS.map((c) => c.header);
  const tbl = table(header, [
    ["cst_a1", "Acme", "info@acme.nl", "Utrecht", "1234 AB"],
    ["", "Notes row"],
    ["CST-2", "Not an ID"],
    ["cst_b2", "Gone B.V.", "b@gone.nl", "", "", "", "", "No longer in MijnKlantportaal"],
  ]);
  const rows = parseCustomerRows(tbl, matchCustomerHeaders(tbl.header).columns, (m) =>
    m.startsWith("No longer"),
  );

  test("only rows that hold a customer ID, with their sheet rows", () => {
    expect(rows.map((r) => [r.sheetRow, r.id, r.companyName, r.email])).toEqual([
      [2, "cst_a1", "Acme", "info@acme.nl"],
      [5, "cst_b2", "Gone B.V.", "b@gone.nl"],
    ]);
    expect(rows[0]?.shown.zipCode).toBe("1234 AB");
  });

  test("a row marked as gone is known as gone", () => {
    expect(rows.map((r) => r.gone)).toEqual([false, true]);
  });
});
