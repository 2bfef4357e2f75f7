// Adversarial pass (CONTRACT §4a): customers named the way Dutch sales people write them — a holding
// beside its operating company, `&` against `en`, other legal forms, an e-mail in another case — must
// reach exactly the one customer meant, or be held with the candidates named.

import { afterAll, describe, expect, test } from "@jest/globals";
import { customer, customerWorld, lineRow, offerRow } from "./customers-world";
import { postedBodies, runOk, stopDouble } from "./world";

afterAll(stopDouble);

describe("adversarial customer names", () => {
  test("an ID typed with CST_ in capitals is held, saying how customer IDs are written (not corrected)", async () => {
    const w = await customerWorld([customer(1, { companyName: "Bakkerij Jansen B.V." })], {
      offers: [offerRow("UP-1", "CST_t0001"), offerRow("UP-2", "cst_t0001")],
      lines: ["UP-1", "UP-2"].map(lineRow),
    });
    runOk(w, "createPendingOffers");
    expect((await postedBodies(w.api)).map((b) => b.offerNumber)).toEqual(["UP-2"]);
    expect(w.column("Status")[0]).toBe("invalid");
    expect(w.column("Message")[0]).toMatch(/"CST_t0001".*cst_ in small letters: type cst_t0001/);
  });

  test("a holding is another company: `De Vries B.V.` is not sent to `De Vries Holding B.V.`", async () => {
    const w = await customerWorld(
      [
        customer(1, { companyName: "De Vries Holding B.V.", primaryEmail: "holding@devries.nl" }),
        customer(2, { companyName: "Smit Installatie V.O.F.", primaryEmail: "info@smit.nl" }),
      ],
      {
        offers: [
          offerRow("CH-1", "De Vries B.V."),
          offerRow("CH-2", "De Vries Holding"),
          offerRow("CH-3", "smit installatie vof"),
          offerRow("CH-4", " INFO@Smit.NL "),
        ],
        lines: ["CH-1", "CH-2", "CH-3", "CH-4"].map(lineRow),
      },
    );
    runOk(w, "createPendingOffers");
    const sent = (await postedBodies(w.api)).map((b) => [b.offerNumber, b.customerId]);
    expect(sent).toEqual([
      ["CH-2", "cst_t0001"],
      ["CH-3", "cst_t0002"],
      ["CH-4", "cst_t0002"],
    ]);
    const [status] = w.column("Status");
    const [message] = w.column("Message");
    expect(status).toBe("invalid");
    // Held, naming the customer it may have meant so that the user can choose.
    expect(message).toMatch(/De Vries Holding B\.V\./);
  });

  test("an operating company and its holding both in Customers: the plain name reaches the company", async () => {
    const w = await customerWorld(
      [
        customer(1, { companyName: "Jansen Bouw Holding B.V.", primaryEmail: "h@jansen.nl" }),
        customer(2, { companyName: "Jansen Bouw B.V.", primaryEmail: "b@jansen.nl" }),
      ],
      { offers: [offerRow("CJ-1", "Jansen Bouw")], lines: [lineRow("CJ-1")] },
    );
    runOk(w, "createPendingOffers");
    expect((await postedBodies(w.api)).map((b) => b.customerId)).toEqual(["cst_t0002"]);
  });

  test("`Jansen & Zonen` typed as `Jansen en Zonen`: never another customer; held with the candidate named", async () => {
    const w = await customerWorld(
      [
        customer(1, { companyName: "Jansen & Zonen B.V.", primaryEmail: "info@jansenzonen.nl" }),
        customer(2, { companyName: "Jansen B.V.", primaryEmail: "info@jansen.nl" }),
      ],
      {
        offers: [offerRow("CZ-1", "Jansen en Zonen"), offerRow("CZ-2", "jansen & zonen")],
        lines: ["CZ-1", "CZ-2"].map(lineRow),
      },
    );
    runOk(w, "createPendingOffers");
    const sent = (await postedBodies(w.api)).map((b) => [b.offerNumber, b.customerId]);
    expect(sent.filter(([n]) => n === "CZ-2")).toEqual([["CZ-2", "cst_t0001"]]);
    const cz1 = sent.find(([n]) => n === "CZ-1");
    if (cz1) expect(cz1).toEqual(["CZ-1", "cst_t0001"]);
    else expect(w.column("Message")[0]).toMatch(/Jansen & Zonen B\.V\./);
  });
});
