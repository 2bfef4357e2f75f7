// Adversarial customer lists the docs leave open (mkp-api.md §4): a page past the end answered 404,
// other envelopes, a customer listed twice (the list shifted between pages), customers without a name
// or an e-mail. Against CONTRACT §4a: one Customers row per customer, names still resolve, no crash.

import { afterAll, describe, expect, test } from "@jest/globals";
import type { DoubleConfig } from "../../tools/mkp-double/types";
import { customer, customerIds, customerWorld, lineRow, offerRow } from "./customers-world";
import { cellText, postedBodies, runOk, sheetColumn, stopDouble } from "./world";

afterAll(stopDouble);

const forty = () => Array.from({ length: 40 }, (_, i) => customer(i + 1));
const ids40 = Array.from({ length: 40 }, (_, i) => `cst_t${String(i + 1).padStart(4, "0")}`);

describe("list shapes", () => {
  test.each([
    ["a page past the end answers 404", { pastEndStatus: 404 }],
    ["length-aware envelope", { listEnvelope: "length-aware" }],
    ["API resource envelope (links{}, meta{})", { listEnvelope: "resource" }],
    ["a full last page points to an empty one", { nextOnFullLastPage: true, perPage: 20 }],
  ] as [string, Partial<DoubleConfig>][])("%s: every customer synced once", async (_l, config) => {
    const w = await customerWorld(forty(), { config });
    runOk(w, "syncCustomers");
    expect(customerIds(w)).toEqual(ids40);
  });
});

describe("the list shifts while it is read", () => {
  // The customer added during the pass is not on the pages still to read (they are older): the next
  // sync has it.
  test("newest first, a customer added before page 2: the one pushed onto page 2 is listed twice, kept once", async () => {
    const w = await customerWorld(forty(), { config: { customerListOrder: "desc" } });
    await w.api.addListHooks([
      { path: "/customers", page: 2, action: { kind: "add-customer", customer: customer(41) } },
    ]);
    runOk(w, "syncCustomers");
    const ids = customerIds(w);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect([...ids].filter((id) => id !== "cst_t0041").sort()).toEqual(ids40);
    w.rt.clock.advance(60 * 60_000);
    runOk(w, "syncCustomers");
    expect([...customerIds(w)].sort()).toEqual([...ids40, "cst_t0041"]);
  });
});

describe("customers without a name or an e-mail", () => {
  test("null companyName and primaryEmail: synced without a crash; other names and e-mails still resolve", async () => {
    const w = await customerWorld(
      [
        customer(1, { companyName: "Bakkerij Noord" }),
        customer(2, { companyName: null as never, primaryEmail: null as never }),
        customer(3, { companyName: "", primaryEmail: "" }),
        customer(4, { primaryEmail: "smit@example.nl", companyName: "Schilder Smit" }),
      ],
      {
        offers: [offerRow("E1", "Bakkerij Noord"), offerRow("E2", "smit@example.nl"), offerRow("E3", "")],
        lines: ["E1", "E2", "E3"].map(lineRow),
      },
    );
    runOk(w, "syncCustomers");
    expect(customerIds(w)).toEqual(["cst_t0001", "cst_t0002", "cst_t0003", "cst_t0004"]);
    expect(cellText(w.ss, "Customers", 3, "Company name")).toBe("");
    runOk(w, "createPendingOffers");
    const sent = (await postedBodies(w.api)).map((b) => [b.offerNumber, b.customerId]);
    expect(sent).toEqual([
      ["E1", "cst_t0001"],
      ["E2", "cst_t0004"],
    ]);
    // A blank customer cell never matches the customers without a name.
    const status = sheetColumn(w.ss, "Offers", "Status");
    expect(status[2]).toBe("invalid");
  });
});
