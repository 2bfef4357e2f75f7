// Adversarial pass on customers by name (CONTRACT §4a): names as sales people type them (legal forms
// with odd dots and spaces, accents, non-Latin scripts), e-mails shared by two customers, customers gone
// from MijnKlantportaal and a mix of IDs, names and e-mails in one batch — each offer reaches exactly
// the customer meant, or is held naming the candidates.

import { afterAll, describe, expect, test } from "@jest/globals";
import { customer, customerWorld, lineRow, offerRow } from "./customers-world";
import { cellText, postedBodies, runOk, stopDouble } from "./world";

afterAll(stopDouble);

const sentPairs = async (w: Awaited<ReturnType<typeof customerWorld>>) =>
  (await postedBodies(w.api)).map((b) => [b.offerNumber, b.customerId]);

describe("names compared without case, spaces, punctuation and a legal form", () => {
  test("B.V / BV. / b.v. / B. V. / a trailing comma: all the one customer, never another", async () => {
    const typed = [
      "Jansen Techniek B.V",
      "Jansen Techniek BV.",
      "jansen techniek b.v.",
      "Jansen Techniek B. V.",
    ];
    const more = ["Jansen Techniek B.V.,", "Jansen Techniek, B.V.", "Jansen Techniek."];
    const all = [...typed, ...more];
    const numbers = all.map((_, i) => `LF-${i + 1}`);
    const w = await customerWorld(
      [
        customer(1, { companyName: "Jansen Techniek B.V.", primaryEmail: "info@jansentechniek.nl" }),
        customer(2, { companyName: "Jansen Techniek Holding B.V.", primaryEmail: "h@jansentechniek.nl" }),
      ],
      { offers: all.map((t, i) => offerRow(numbers[i] ?? "", t)), lines: numbers.map(lineRow) },
    );
    runOk(w, "createPendingOffers");
    expect(await sentPairs(w)).toEqual(numbers.map((n) => [n, "cst_t0001"]));
  });

  test("accents typed or left out (Café Noël, CAFE NOEL, Cafe Noël) reach the one customer", async () => {
    const w = await customerWorld(
      [
        customer(1, { companyName: "Café Noël B.V.", primaryEmail: "info@noel.nl" }),
        customer(2, { companyName: "Café Nol", primaryEmail: "info@nol.nl" }),
      ],
      {
        offers: [offerRow("AC-1", "CAFE NOEL"), offerRow("AC-2", "Cafe Noël"), offerRow("AC-3", "café nol")],
        lines: ["AC-1", "AC-2", "AC-3"].map(lineRow),
      },
    );
    runOk(w, "createPendingOffers");
    expect(await sentPairs(w)).toEqual([
      ["AC-1", "cst_t0001"],
      ["AC-2", "cst_t0001"],
      ["AC-3", "cst_t0002"],
    ]);
  });

  test("names in Cyrillic or Greek are compared by their letters: another such name is not that customer", async () => {
    const w = await customerWorld(
      [
        customer(1, { companyName: "Ромашка B.V.", primaryEmail: "info@romashka.nl" }),
        customer(2, { companyName: "Mega Trading", primaryEmail: "info@mega.nl" }),
      ],
      {
        offers: [
          offerRow("NL-1", "Василёк BV"),
          offerRow("NL-2", "ромашка bv"),
          offerRow("NL-3", "Ωmega Trading"),
          offerRow("NL-4", "Mega Trading"),
        ],
        lines: ["NL-1", "NL-2", "NL-3", "NL-4"].map(lineRow),
      },
    );
    runOk(w, "createPendingOffers");
    expect(await sentPairs(w)).toEqual([
      ["NL-2", "cst_t0001"],
      ["NL-4", "cst_t0002"],
    ]);
    expect(w.column("Status")).toEqual(["invalid", "created", "invalid", "created"]);
  });
});

describe("e-mails", () => {
  test("one e-mail (in other case) shared by two customers: held, both named; a unique one in capitals: sent", async () => {
    const w = await customerWorld(
      [
        customer(1, { companyName: "Groep Noord B.V.", primaryEmail: "inkoop@groep.nl" }),
        customer(2, { companyName: "Groep Zuid B.V.", primaryEmail: "Inkoop@Groep.nl" }),
        customer(3, { companyName: "Solo B.V.", primaryEmail: "solo@solo.nl" }),
      ],
      {
        offers: [offerRow("EM-1", "INKOOP@GROEP.NL"), offerRow("EM-2", " Solo@SOLO.nl ")],
        lines: ["EM-1", "EM-2"].map(lineRow),
      },
    );
    runOk(w, "createPendingOffers");
    expect(await sentPairs(w)).toEqual([["EM-2", "cst_t0003"]]);
    const [message] = w.column("Message");
    expect(w.column("Status")[0]).toBe("invalid");
    expect(message).toContain("cst_t0001");
    expect(message).toContain("cst_t0002");
  });
});

describe("a customer gone from MijnKlantportaal", () => {
  test("still named in Offers: never sent to it; the name that is still there is sent", async () => {
    const w = await customerWorld(
      [
        customer(1, { companyName: "Oud Bedrijf B.V.", primaryEmail: "oud@bedrijf.nl" }),
        customer(2, { companyName: "Nieuw Bedrijf B.V.", primaryEmail: "nieuw@bedrijf.nl" }),
      ],
      {
        offers: [
          offerRow("GO-1", "Oud Bedrijf"),
          offerRow("GO-2", "oud@bedrijf.nl"),
          offerRow("GO-3", "Nieuw Bedrijf"),
        ],
        lines: ["GO-1", "GO-2", "GO-3"].map(lineRow),
      },
    );
    runOk(w, "syncCustomers");
    await w.api.deleteCustomer("cst_t0001");
    w.rt.clock.advance(2 * 24 * 60 * 60_000);
    runOk(w, "syncCustomers");
    runOk(w, "createPendingOffers");
    expect(await sentPairs(w)).toEqual([["GO-3", "cst_t0002"]]);
    expect(w.column("Status")).toEqual(["invalid", "invalid", "created"]);
    // The row is kept and marked, not deleted.
    expect(cellText(w.ss, "Customers", 2, "Customer ID")).toBe("cst_t0001");
    expect(cellText(w.ss, "Customers", 2, "Message")).toMatch(/^No longer in MijnKlantportaal/);
  });
});

describe("a mix in one batch", () => {
  test("IDs, names, e-mails, blanks and unknowns in one run: each row to its own customer, or held", async () => {
    const people = Array.from({ length: 6 }, (_, i) =>
      customer(i + 1, { companyName: `Firma ${"ABCDEF"[i]} B.V.`, primaryEmail: `f${i + 1}@firma.nl` }),
    );
    const cells = [
      "cst_t0006",
      "Firma A",
      "f2@firma.nl",
      " cst_t0003 ",
      "firma d bv",
      "Firma Z",
      "F5@FIRMA.NL",
    ];
    const numbers = cells.map((_, i) => `MX-${i + 1}`);
    const w = await customerWorld(people, {
      offers: cells.map((c, i) => offerRow(numbers[i] ?? "", c)),
      lines: numbers.map(lineRow),
    });
    runOk(w, "createPendingOffers");
    expect(await sentPairs(w)).toEqual([
      ["MX-1", "cst_t0006"],
      ["MX-2", "cst_t0001"],
      ["MX-3", "cst_t0002"],
      ["MX-4", "cst_t0003"],
      ["MX-5", "cst_t0004"],
      ["MX-7", "cst_t0005"],
    ]);
    expect(w.column("Status")[5]).toBe("invalid");
    expect(w.column("Message")[5]).toMatch(/no customer "Firma Z"/);
  });
});
