// Status refreshes next to rows a run left behind: `sending` rows (in flight in a killed run) and
// `failed` rows; a refresh never sends, and later runs reconcile each offer once.

import { afterAll, describe, expect, test } from "@jest/globals";
import { batch, drain, expectExactlyOnce } from "./batches";
import { expectOk, type Row, stopDouble, world } from "./world";

afterAll(stopDouble);

describe("status refresh next to `sending` and `failed` rows", () => {
  test("refresh leaves `failed` rows alone and never turns `sending` rows into anything but created-with-their-ID", async () => {
    const rows: Row[] = [
      [
        "C-1",
        "cst_demo0001",
        "2025-04-01",
        "2025-05-01",
        "",
        "created",
        "off_c1",
        "10.00",
        "",
        "2025-04-01 09:00:00",
      ],
      [
        "C-2",
        "cst_demo0001",
        "2025-04-01",
        "2025-05-01",
        "",
        "created",
        "off_c2",
        "10.00",
        "",
        "2025-04-01 09:00:00",
      ],
      // In flight in a killed run; it does exist in MijnKlantportaal (and was accepted meanwhile).
      ["S-1", "cst_demo0001", "2025-04-01", "2025-05-01", "", "sending", "", "", "", ""],
      // In flight; not in MijnKlantportaal.
      ["S-2", "cst_demo0001", "2025-04-01", "2025-05-01", "", "sending", "", "", "", ""],
      // Refused by the API; an offer with the same number exists (someone made it by hand).
      [
        "F-1",
        "cst_demo0001",
        "2025-04-01",
        "2025-05-01",
        "",
        "failed",
        "",
        "",
        "No Customer found (HTTP 404)",
        "",
      ],
      // Refused; an ID typed by someone — still failed.
      [
        "F-2",
        "cst_demo0001",
        "2025-04-01",
        "2025-05-01",
        "",
        "failed",
        "off_c2",
        "",
        "Refused (HTTP 422)",
        "",
      ],
      // Expired in the past but still `sending`: never `expired`.
      ["S-3", "cst_demo0001", "2025-03-01", "2025-03-31", "", "sending", "", "", "", ""],
    ];
    const lines: Row[] = rows.map((r) => [r[0], "x", "10.00", 21]);
    const w = await world({ offers: rows, lines });
    await w.api.seedOffers([
      { id: "off_c1", offerNumber: "C-1", amount: "10.00" },
      { id: "off_c2", offerNumber: "C-2", amount: "10.00" },
      { id: "off_s1", offerNumber: "S-1", amount: "10.00" },
      { id: "off_f1", offerNumber: "F-1", amount: "10.00" },
    ]);
    await w.api.updateOffer("off_c1", { acceptedAt: "2025-04-10 14:30:00" });
    await w.api.updateOffer("off_s1", { acceptedAt: "2025-04-10 14:30:00" });
    await w.api.updateOffer("off_c2", { rejectedAt: "2025-04-11 09:00:00", amount: "12.50" });
    const before = w.offers();
    expectOk(w.run("refreshOfferStatuses"));
    const after = w.offers();
    const status = w.column("Status");
    const ids = w.column("Offer ID");
    expect(status[0]).toBe("accepted");
    expect(status[1]).toBe("rejected");
    // S-1: still sending, or resolved to its own ID.
    expect(["sending", "created", "accepted"]).toContain(status[2]);
    if (status[2] !== "sending") expect(ids[2]).toBe("off_s1");
    // S-2 and S-3: never resolved to anything without being found.
    expect(after[4]?.slice(0, 7)).toEqual(before[4]?.slice(0, 7));
    expect(after[7]?.slice(0, 7)).toEqual(before[7]?.slice(0, 7));
    // F-1, F-2: exactly as they were.
    expect(after[5]).toEqual(before[5]);
    expect(after[6]).toEqual(before[6]);
    // Nothing was created.
    expect((await w.api.requests()).filter((r) => r.method === "POST")).toEqual([]);
  });

  test("hourly run during a continuation with `sending` rows left by a kill: refresh never sends, later runs reconcile once", async () => {
    const n = 200;
    const w = await world(batch(n, "H"));
    expectOk(w.run("enableScheduledRuns"));
    // Kill the first run at its first fetchAll: rows marked sending, requests lost or made.
    let seen = false;
    const killed = w.run("createPendingOffers", [], {
      kill: (c) => {
        if (c.service === "UrlFetchApp" && c.method === "fetchAll") {
          if (seen) return true;
          seen = true;
        }
        return false;
      },
    });
    expect(killed.killed).toBe("killed");
    expect(w.column("Status")).toContain("sending");
    expectOk(w.run("refreshOfferStatuses"));
    expect(drain(w, 60, 5 * 3_600_000)).toEqual([]);
    await expectExactlyOnce(w, n);
  });
});
