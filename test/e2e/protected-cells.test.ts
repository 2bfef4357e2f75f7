// Offers cells protected against the user who runs the script (the owner protected the columns for
// other editors): Sheets refuses their values and their formats alike. The run never stops on it,
// nothing is created twice, and the user is told which cells and what to do.

import { afterAll, describe, expect, test } from "@jest/globals";
import { apiOffers, batch } from "./probes";
import { postedNumbers, runLogMessages, runOk, sheetColumn, stopDouble, world } from "./world";

afterAll(stopDouble);

const three = batch(3, "P");

describe("protected cells in Offers", () => {
  test("a protected Status column: nothing sent, the run ends normally and names the cells", async () => {
    const w = await world(three);
    w.ss.protectRange("Offers", "F2:F4");
    const run = runOk(w, "createPendingOffers");
    expect(run.error).toBeUndefined();
    expect(await postedNumbers(w.api)).toEqual([]);
    const told = runLogMessages(w.ss).at(-1) ?? "";
    expect(told).toMatch(/could not fill in Status in rows 2, 3, 4 of Offers/);
    expect(told).toMatch(/protected range/);
  });

  test("a protected Offer ID column: each offer created once, its ID told; a second run creates none", async () => {
    const w = await world(three);
    w.ss.protectRange("Offers", "G2:G4");
    runOk(w, "createPendingOffers");
    const created = await apiOffers(w);
    expect(created.map((o) => o.offerNumber).sort()).toEqual(["P-0001", "P-0002", "P-0003"]);
    const told = runLogMessages(w.ss).at(-1) ?? "";
    expect(told).toMatch(/could not fill in Offer ID in rows 2, 3, 4 of Offers/);
    for (const o of created) expect(told).toContain(`${o.offerNumber} (${o.id})`);
    expect(sheetColumn(w.ss, "Offers", "Status")).toEqual(["created", "created", "created"]);
    runOk(w, "createPendingOffers");
    expect((await postedNumbers(w.api)).sort()).toEqual(["P-0001", "P-0002", "P-0003"]);
  });
});
