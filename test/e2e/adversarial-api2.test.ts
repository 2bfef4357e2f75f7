// Adversarial API pass 2 (fast): offer IDs in another form than the documented `off_…`, field errors
// nested as objects or lists of pairs, a byte order mark before the JSON of a created offer.

import { afterAll, describe, expect, test } from "@jest/globals";
import { apiOffers, batch, expectExactlyOnce, messageOf } from "./probes";
import { runOk, stopDouble, world } from "./world";

afterAll(stopDouble);

const START = Date.UTC(2025, 3, 14, 8, 0);

describe("offer IDs not of the form off_…", () => {
  test.each(["plain", "number"] as const)(
    "ids served %s: each offer created once, its ID on its row, and its status refreshed",
    async (offerIdFormat) => {
      const w = await world({ ...batch(3, "ID"), config: { offerIdFormat } });
      w.rt.clock.set(START);
      runOk(w, "createPendingOffers");
      w.rt.clock.advance(3_600_000);
      runOk(w, "createPendingOffers");
      const made = await apiOffers(w);
      expect(made.map((o) => o.offerNumber).sort()).toEqual(["ID-0001", "ID-0002", "ID-0003"]);
      const ids = w.column("Offer ID");
      expect(ids.every((id) => /^[A-Za-z0-9]+$/.test(id) && !id.startsWith("off_"))).toBe(true);
      await w.api.updateOffer(made.find((o) => o.offerNumber === "ID-0002")?.id ?? "", {
        acceptedAt: START + 60_000,
      });
      runOk(w, "refreshOfferStatuses");
      expect(w.column("Status")).toEqual(["created", "accepted", "created"]);
    },
  );
});

describe("field errors in unexpected shapes", () => {
  test.each([
    [
      "nested objects",
      { errors: { lines: { "0": { vatRate: ["must be 0, 9 or 21"] } } } },
      /Line 1, VAT rate: must be 0, 9 or 21/,
    ],
    ["a list of pairs", { errors: [["customerId", "is archived"]] }, /customerId: is archived/],
  ])("%s: the reason reaches the row", async (_l, body, expected) => {
    const w = await world(batch(2, "FE"));
    await w.api.injectFaults([
      { match: { offerNumber: "FE-0001" }, fault: { kind: "status", status: 422, body } },
    ]);
    runOk(w, "createPendingOffers");
    expect(w.column("Status")).toEqual(["failed", "created"]);
    expect(messageOf(w, "FE-0001")).toMatch(expected);
  });
});

test("a created offer's JSON after a byte order mark: created at once, not left `sending` for a lookup", async () => {
  const w = await world(batch(3, "BO"));
  await w.api.injectFaults([{ times: null, fault: { kind: "created-then-answer", prefix: "\ufeff" } }]);
  runOk(w, "createPendingOffers");
  expect(w.column("Status")).toEqual(["created", "created", "created"]);
  await expectExactlyOnce(w, ["BO-0001", "BO-0002", "BO-0003"]);
});
