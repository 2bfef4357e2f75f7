// Name matching and New customers validation (pure).

import { describe, expect, test } from "@jest/globals";
import { indexCustomers, matchCustomer, nameKey } from "../../src/core/customer-match";
import { parseNewCustomers } from "../../src/core/parse-customers";

const index = indexCustomers([
  { id: "cst_a1", companyName: "Bakkerij de Vries B.V.", email: "info@vries.nl" },
  { id: "cst_b2", companyName: "Jansen Bouw", email: "a@jansen.nl" },
  { id: "cst_b3", companyName: "Jansen Bouw V.O.F.", email: "b@jansen.nl" },
  { id: "cst_c4", companyName: "Smit N.V.", email: "smit@x.nl" },
]);

describe("nameKey", () => {
  test("case, spaces, punctuation, accents and a legal-form suffix are ignored", () => {
    expect(nameKey("Bakkerij de Vries B.V.")).toBe("bakkerijdevries");
    expect(nameKey("  bakkerij  DE-vries bv ")).toBe("bakkerijdevries");
    expect(nameKey("Café Zoë VOF")).toBe("cafezoe");
    expect(nameKey("BV")).toBe("bv");
  });

  test("a legal form typed with spaces (B. V., v. o. f.) is still a legal form", () => {
    expect(nameKey("Jansen Techniek B. V.")).toBe("jansentechniek");
    expect(nameKey("Smit v. o. f.")).toBe("smit");
    expect(nameKey("Smit B. V. Holding")).toBe("smitbvholding");
  });

  test("letters of other scripts count: two Cyrillic or Greek names never become one", () => {
    expect(nameKey("Ромашка B.V.")).toBe("ромашка");
    expect(nameKey("Василёк BV")).not.toBe(nameKey("Ромашка BV"));
    expect(nameKey("Ωmega Trading")).not.toBe(nameKey("Mega Trading"));
    expect(nameKey("Straße GmbH")).toBe("straße");
  });
});

describe("matchCustomer", () => {
  test("an ID, a name and an e-mail matching one customer", () => {
    expect(matchCustomer(index, "cst_zz9")).toEqual({ kind: "id", id: "cst_zz9" });
    expect(matchCustomer(index, "bakkerij de vries")).toMatchObject({
      kind: "one",
      customer: { id: "cst_a1" },
    });
    expect(matchCustomer(index, "Smit NV")).toMatchObject({ kind: "one", customer: { id: "cst_c4" } });
    expect(matchCustomer(index, "INFO@vries.nl")).toMatchObject({ kind: "one", customer: { id: "cst_a1" } });
  });
  test("several: all named; none: up to three suggestions, closest first", () => {
    const several = matchCustomer(index, "jansen bouw");
    expect(several.kind).toBe("several");
    if (several.kind === "several") expect(several.candidates.map((c) => c.id)).toEqual(["cst_b2", "cst_b3"]);
    const none = matchCustomer(index, "Bakkerij de Vris");
    expect(none.kind).toBe("none");
    if (none.kind === "none") expect(none.suggestions[0]?.id).toBe("cst_a1");
    const far = matchCustomer(index, "Totally different company");
    expect(far).toEqual({ kind: "none", suggestions: [] });
  });
});

describe("parseNewCustomers", () => {
  const columns = {
    companyName: 0,
    address: 1,
    zipCode: 2,
    city: 3,
    email: 4,
    countryCode: 5,
    phone: 6,
    status: 7,
  };
  const row = (values: string[]) => values.map((v) => ({ value: v, display: v, format: "" }));
  const parse = (values: string[]) => parseNewCustomers({ header: [], rows: [row(values)] }, columns)[0];

  test("a valid row: zip code as 1234 AB, country NL by default", () => {
    expect(parse(["Nieuw B.V.", "Straat 1", "1234ab", "Utrecht", "a@b.nl", "", "", ""])?.body).toEqual({
      companyName: "Nieuw B.V.",
      address: "Straat 1",
      zipCode: "1234 AB",
      city: "Utrecht",
      primaryEmail: "a@b.nl",
      countryCode: "NL",
    });
  });
  test("every problem named; a foreign zip code is not checked as Dutch", () => {
    const bad = parse(["Nieuw", "", "0123 AB", "Utrecht", "a@b", "XX", "", ""]);
    expect(bad?.body).toBeNull();
    expect(bad?.problems.join("; ")).toMatch(/Address: missing.*country code.*e-mail address/);
    expect(parse(["Neu GmbH", "Str 1", "10115", "Berlin", "a@b.de", "de", "", ""])?.body?.countryCode).toBe(
      "DE",
    );
    expect(parse(["X", "S 1", "1234 SA", "Y", "a@b.nl", "", "", ""])?.problems[0]).toMatch(/zip code/);
  });
});
