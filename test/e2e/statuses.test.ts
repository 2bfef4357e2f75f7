// Statuses typed by users: skip in any case, created without an ID, unknown words, a cleared `failed`,
// and `sending` rows, which are looked up before they may be sent again.

import { afterAll, describe, expect, test } from "@jest/globals";
import { batch, expectExactlyOnce, messageOf, rowOf, statusOf } from "./probes";
import { cellText, postedBodies, postedNumbers, runOk, sheetColumn, stopDouble, world } from "./world";

afterAll(stopDouble);

describe("statuses typed by users", () => {
  test("Skip, ' SKIP ', created without an ID, and unknown words are never sent; the cells keep what was typed", async () => {
    const rows: [string, string][] = [
      ["ST-1", "Skip"],
      ["ST-2", " SKIP "],
      ["ST-3", "created"],
      ["ST-4", "done"],
      ["ST-5", "verzonden"],
      ["ST-6", "OK"],
      ["ST-7", "Accepted"],
      ["ST-8", "EXPIRED"],
    ];
    const w = await world({
      offers: rows.map(([n, s]) => [n, "cst_demo0001", "2025-04-14", "", "", s]),
      lines: rows.map(([n]) => [n, "Work", 1, 21]),
    });
    runOk(w, "createPendingOffers");
    runOk(w, "createPendingOffers");
    runOk(w, "runScheduledBatch");
    expect(await postedBodies(w.api)).toEqual([]);
    expect(
      w.ss
        .values("Offers")
        .slice(1)
        .map((r) => r[5]),
    ).toEqual(rows.map(([, s]) => s));
    for (const n of ["ST-4", "ST-5", "ST-6"]) expect(messageOf(w, n)).toMatch(/skip|clear/i);
  });

  test("failed, then the user clears Status: sent on the next run, exactly once", async () => {
    const w = await world(batch(1, "FL"));
    await w.api.injectFaults([
      {
        match: { offerNumber: "FL-0001" },
        times: 1,
        fault: { kind: "status", status: 422, body: { message: "Nope" } },
      },
    ]);
    runOk(w, "createPendingOffers");
    expect(statusOf(w, "FL-0001")).toBe("failed");
    runOk(w, "createPendingOffers");
    expect(await postedNumbers(w.api)).toEqual(["FL-0001"]);
    w.ss.setCell("Offers", 2, 6, "");
    runOk(w, "createPendingOffers");
    runOk(w, "createPendingOffers");
    await expectExactlyOnce(w, ["FL-0001"]);
    expect(messageOf(w, "FL-0001")).toBe("");
  });

  test("`sending` rows: found in MijnKlantportaal → created with that ID; not found → sent once", async () => {
    const w = await world({
      offers: [
        ["SE-1", "cst_demo0001", "2025-04-14", "", "", "sending"],
        ["SE-2", "cst_demo0002", "2025-04-14", "", "", " Sending "],
        ["SE-3", "cst_demo0001", "2025-04-14", "", "", "sending", "", "", "no answer in time"],
        ["SE-4", "cst_demo0001", "2025-04-14", "", "", ""],
      ],
      lines: ["SE-1", "SE-2", "SE-3", "SE-4"].map((n) => [n, "Work", 5, 21]),
    });
    const [seeded] = await w.api.seedOffers([
      {
        offerNumber: "SE-1",
        customerId: "cst_demo0001",
        amount: "5.00",
        createdAt: "2025-04-14T09:00:00+02:00",
      },
      // Same number, other customer: not the offer this row sent (CONTRACT §6 links only the
      // number and customer as sent), so SE-2 is created for its own customer.
      { offerNumber: "SE-2", customerId: "cst_demo0003" },
    ]);
    runOk(w, "createPendingOffers");
    runOk(w, "createPendingOffers");
    expect((await postedNumbers(w.api)).sort()).toEqual(["SE-2", "SE-3", "SE-4"]);
    expect(statusOf(w, "SE-1")).toBe("created");
    expect(cellText(w.ss, "Offers", rowOf(w, "SE-1"), "Offer ID")).toBe(seeded?.id);
    expect(cellText(w.ss, "Offers", rowOf(w, "SE-1"), "Amount")).toBe("5.00");
    expect(cellText(w.ss, "Offers", rowOf(w, "SE-1"), "Created at")).toBe("2025-04-14 09:00:00");
    for (const n of ["SE-2", "SE-3", "SE-4"]) expect(statusOf(w, n)).toBe("created");
    expect(sheetColumn(w.ss, "Offers", "Message")).toEqual(["", "", "", ""]);
  });

  test("validateOffers never sends a `sending` row, nor touches it", async () => {
    const w = await world({
      offers: [["SV-1", "cst_demo0001", "2025-04-14", "", "", "sending"]],
      lines: [["SV-1", "Work", 1, 21]],
    });
    runOk(w, "validateOffers");
    expect(await w.api.requests()).toEqual([]);
    expect(statusOf(w, "SV-1")).toBe("sending");
  });
});
