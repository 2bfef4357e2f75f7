// The amount MijnKlantportaal gives a created offer, over the built bundle against the double in
// each form it may take: written to Amount as it came (CONTRACT §4), and when it is not what the
// lines add up to, excl. or incl. VAT (cents, another total), the row says so and what to do.

import { afterAll, describe, expect, test } from "@jest/globals";
import { batch } from "./probes";
import { runOk, stopDouble, world } from "./world";

afterAll(stopDouble);

// Each offer: one line of 10.00 at 21 %.
describe("the amount of a created offer", () => {
  test.each([
    ["excl. VAT (the default)", {}, "10.00"],
    ["incl. VAT", { amountIncludesVat: true }, "12.10"],
    ["with a decimal comma", { amountFormat: "comma" as const }, "10,00"],
    ["as a JSON number", { amountFormat: "number" as const }, "10.00"],
  ])("%s: written as it came, nothing to tell", async (_name, config, amount) => {
    const w = await world({ ...batch(2, "AM"), config });
    runOk(w, "createPendingOffers");
    expect(w.column("Status")).toEqual(["created", "created"]);
    expect(w.column("Amount")).toEqual([amount, amount]);
    expect(w.column("Message")).toEqual(["", ""]);
  });

  test("in cents: created, written as it came, and the row says the amount is not what its lines add up to", async () => {
    const w = await world({ ...batch(2, "AC"), config: { amountFormat: "cents" } });
    runOk(w, "createPendingOffers");
    expect(w.column("Status")).toEqual(["created", "created"]);
    // A JSON number, read with 2 decimals.
    expect(w.column("Amount")).toEqual(["1000.00", "1000.00"]);
    expect(w.column("Message")[0]).toBe(
      "Created, but in MijnKlantportaal this offer's amount is 1000.00, while its lines add up to 10.00 excl. VAT (12.10 incl. VAT). Check the offer in MijnKlantportaal before the customer sees it.",
    );
  });

  test("in cents: a status refresh keeps the row's warning (the amount is still not its lines' total)", async () => {
    const w = await world({ ...batch(2, "AR"), config: { amountFormat: "cents" } });
    runOk(w, "createPendingOffers");
    const warned = w.column("Message");
    expect(warned[0]).toMatch(/^Created, but in MijnKlantportaal this offer's amount is 1000\.00,/);
    w.rt.clock.advance(2 * 3_600_000);
    runOk(w, "refreshOfferStatuses");
    expect(w.column("Status")).toEqual(["created", "created"]);
    expect(w.column("Message")).toEqual(warned);
  });

  test("another total on a Dutch spreadsheet: said in Dutch; the other offers say nothing", async () => {
    const w = await world({ ...batch(3, "AT"), locale: "nl_NL" });
    await w.api.injectFaults([
      {
        match: { offerNumber: "AT-0002" },
        times: 1,
        fault: { kind: "created-then-answer", patch: { amount: "999.99" } },
      },
    ]);
    runOk(w, "createPendingOffers");
    expect(w.column("Status")).toEqual(["created", "created", "created"]);
    expect(w.column("Amount")).toEqual(["10.00", "999.99", "10.00"]);
    expect(w.column("Message")).toEqual([
      "",
      "Aangemaakt, maar in MijnKlantportaal is het bedrag van deze offerte 999.99, terwijl de regels samen uitkomen op 10,00 excl. btw (12,10 incl. btw). Controleer de offerte in MijnKlantportaal voordat de klant hem ziet.",
      "",
    ]);
  });
});
