// Re-runs and selections (CONTRACT §3, §4 statuses): what a create run leaves alone, and
// createSelectedOffers sending only the rows that intersect the selection in Offers.

import { afterAll, describe, expect, test } from "@jest/globals";
import { postedNumbers, type Row, runLogRows, runOk, stopDouble, world } from "./world";

afterAll(stopDouble);

const offers = (numbers: string[]): Row[] => numbers.map((n) => [n, "cst_demo0001", "2025-04-14", "", ""]);
const lines = (numbers: string[]): Row[] => numbers.map((n) => [n, `Work for ${n}`, 10, 21]);

describe("re-runs", () => {
  test("a re-run sends nothing for rows already created", async () => {
    const numbers = ["R-1", "R-2", "R-3"];
    const w = await world({ offers: offers(numbers), lines: lines(numbers) });
    runOk(w, "createPendingOffers");
    expect(w.column("Status")).toEqual(["created", "created", "created"]);
    const requestsAfterFirst = (await w.api.requests()).length;
    const idsAfterFirst = w.column("Offer ID");
    const sheetAfterFirst = w.offers();

    runOk(w, "createPendingOffers");
    runOk(w, "createPendingOffers");
    expect((await w.api.requests()).length).toBe(requestsAfterFirst);
    expect(await postedNumbers(w.api)).toEqual(numbers);
    expect(await w.api.offers()).toHaveLength(3);
    expect(w.column("Offer ID")).toEqual(idsAfterFirst);
    expect(w.offers()).toEqual(sheetAfterFirst);
    // Each run is logged, the later ones with nothing created.
    const log = runLogRows(w.ss);
    expect(log).toHaveLength(3);
    expect(log.map((r) => r[3])).toEqual(["3", "0", "0"]);
  });

  test("rows marked skip, failed, created, accepted, rejected or expired are not sent", async () => {
    const w = await world({
      offers: [
        ["S-SKIP", "cst_demo0001", "2025-04-14", "", "", "skip"],
        ["S-SKIP2", "cst_demo0001", "2025-04-14", "", "", " Skip "],
        [
          "S-FAILED",
          "cst_demo0001",
          "2025-04-14",
          "",
          "",
          "failed",
          "",
          "",
          "No Customer can be found (HTTP 404)",
        ],
        ["S-CREATED", "cst_demo0001", "2025-04-14", "", "", "created", "off_existing01", "10.00"],
        ["S-ACCEPTED", "cst_demo0001", "2025-04-14", "", "", "accepted", "off_existing02", "10.00"],
        ["S-REJECTED", "cst_demo0001", "2025-04-14", "", "", "rejected", "off_existing03", "10.00"],
        ["S-EXPIRED", "cst_demo0001", "2025-04-14", "", "", "expired", "off_existing04", "10.00"],
        ["S-PENDING", "cst_demo0001", "2025-04-14", "", ""],
      ],
      lines: lines([
        "S-SKIP",
        "S-SKIP2",
        "S-FAILED",
        "S-CREATED",
        "S-ACCEPTED",
        "S-REJECTED",
        "S-EXPIRED",
        "S-PENDING",
      ]),
    });
    const before = w.offers();
    runOk(w, "createPendingOffers");
    expect(await postedNumbers(w.api)).toEqual(["S-PENDING"]);
    const after = w.offers();
    // Every row but the pending one is exactly as it was.
    expect(after.slice(0, 8)).toEqual(before.slice(0, 8));
    expect(w.column("Status")[7]).toBe("created");

    // A second run still sends nothing for them.
    runOk(w, "createPendingOffers");
    expect(await postedNumbers(w.api)).toEqual(["S-PENDING"]);
  });

  test("a row with an Offer ID but a blank Status is not sent again", async () => {
    const w = await world({
      offers: [
        ["ID-1", "cst_demo0001", "2025-04-14", "", "", "", "off_abc123def456", "10.00"],
        ["ID-2", "cst_demo0001", "2025-04-14", "", ""],
      ],
      lines: lines(["ID-1", "ID-2"]),
    });
    runOk(w, "createPendingOffers");
    expect(await postedNumbers(w.api)).toEqual(["ID-2"]);
    expect(w.column("Offer ID")[0]).toBe("off_abc123def456");
    expect(w.column("Status")[0]).not.toBe("failed");
    expect(w.column("Status")[0]).not.toBe("sending");

    runOk(w, "createPendingOffers");
    expect(await postedNumbers(w.api)).toEqual(["ID-2"]);
    expect(w.column("Offer ID")[0]).toBe("off_abc123def456");
  });
});

describe("createSelectedOffers", () => {
  const numbers = ["SEL-2", "SEL-3", "SEL-4", "SEL-5", "SEL-6"];

  test("sends only the pending offers whose rows intersect the selection in Offers", async () => {
    const w = await world({ offers: offers(numbers), lines: lines(numbers) });
    w.ss.setSelection("Offers", ["A3:C3", "A5"]);
    runOk(w, "createSelectedOffers");
    expect((await postedNumbers(w.api)).sort()).toEqual(["SEL-3", "SEL-5"]);
    expect(w.column("Status")).toEqual(["", "created", "", "created", ""]);

    // A selection covering created and pending rows sends only the pending ones.
    w.ss.setSelection("Offers", ["B2:B5"]);
    runOk(w, "createSelectedOffers");
    expect((await postedNumbers(w.api)).sort()).toEqual(["SEL-2", "SEL-3", "SEL-4", "SEL-5"]);
    expect(w.column("Status")).toEqual(["created", "created", "created", "created", ""]);
  });

  test("a selection on another sheet sends nothing and tells the user", async () => {
    const w = await world({ offers: offers(numbers), lines: lines(numbers) });
    w.ss.setSelection("Offer lines", ["A2:D4"]);
    const before = w.offers();
    runOk(w, "createSelectedOffers");
    expect(await w.api.requests()).toEqual([]);
    expect(w.offers()).toEqual(before);
    expect(w.ss.alerts).toHaveLength(1);
    expect(w.ss.alerts[0]?.message).toMatch(/Offers/);
    expect(w.ss.alerts[0]?.message).toMatch(/select/i);
    expect(runLogRows(w.ss)).toHaveLength(1);
  });
});
