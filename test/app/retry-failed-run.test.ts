// retryFailedOffers (src/app/retry-failed.ts) after the user says yes, on fakes: under the lock the
// failed rows are cleared and created again in one create run; other rows (pending ones included)
// are not sent by it, and a second retry finds nothing failed.

import { describe, expect, test } from "@jest/globals";
import { retryFailedOffers } from "../../src/app/retry-failed";
import { PANEL_EN } from "../../src/core/texts-panel";
import { offersHarness } from "./fake-services";
import { FakeDialogs } from "./fakes";

const D = new Date(Date.UTC(2026, 11, 1));
const E = new Date(Date.UTC(2026, 11, 31));

function setup() {
  const rows = [
    ["K-1", "cst_a", D, E, "", "failed", "", "", "The customer ID is unknown"],
    ["K-2", "cst_a", D, E, "", "created", "off_x", "121.00", ""],
    ["K-3", "cst_a", D, E, "", "failed", "", "", "Refused"],
    ["K-4", "cst_a", D, E],
  ];
  return offersHarness(rows);
}

describe("retryFailedOffers after yes", () => {
  test("the failed rows are cleared and created again, under the lock; other rows are not sent", () => {
    const h = setup();
    const dialogs = new FakeDialogs([true]);
    const { message, stopped } = retryFailedOffers(h.context({ dialogs }));
    expect(stopped).toBe(false);
    expect(dialogs.asked).toEqual([{ title: PANEL_EN.retryTitle(), question: PANEL_EN.retryQuestion(2) }]);
    expect(h.api.requests.map((r) => (r.body as { offerNumber: string }).offerNumber)).toEqual([
      "K-1",
      "K-3",
    ]);
    expect(h.workbook.offerColumn("Status")).toEqual(["created", "created", "created", ""]);
    expect(h.workbook.offerColumn("Message")).toEqual(["", "", "", ""]);
    expect([h.lock.taken, h.lock.released]).toEqual([1, 1]);
    expect(h.workbook.runLog.map((r) => [r.action, r.counts.created])).toEqual([["create", 2]]);
    expect(h.notifier.told.at(-1)).toEqual({ kind: "done", message });
  });

  test("failed again: the row says why; a second retry sends it once more", () => {
    const h = setup();
    h.api.onCreate = (body) =>
      body.offerNumber === "K-3"
        ? {
            kind: "response",
            status: 422,
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ message: "Invalid.", errors: { customerId: ["unknown customer"] } }),
          }
        : "create";
    retryFailedOffers(h.context({ dialogs: new FakeDialogs([true]) }));
    expect(h.workbook.offerCell(4, "Status")).toBe("failed");
    expect(h.workbook.offerCell(4, "Message")).toContain("unknown customer");
    h.api.onCreate = () => "create";
    retryFailedOffers(h.context({ dialogs: new FakeDialogs([true]) }));
    expect(h.api.count("post /customer-offers/manual")).toBe(3);
    expect(h.workbook.offerCell(4, "Status")).toBe("created");
    // Nothing failed any more: said so, nothing asked.
    const none = new FakeDialogs([]);
    expect(retryFailedOffers(h.context({ dialogs: none }))).toEqual({
      message: PANEL_EN.retryNone(),
      stopped: false,
    });
    expect(none.asked).toEqual([]);
  });

  test("another run holds the lock: told busy, nothing cleared or sent", () => {
    const h = setup();
    h.lock.busy = true;
    expect(retryFailedOffers(h.context({ dialogs: new FakeDialogs([true]) })).stopped).toBe(true);
    expect(h.api.requests).toEqual([]);
    expect(h.workbook.offerColumn("Status")).toEqual(["failed", "created", "failed", ""]);
    expect(h.notifier.told.map((t) => t.kind)).toEqual(["problem"]);
  });
});
