// Adversarial status answers: a refresh through the list in other list shapes, an empty acceptedAt,
// and a 403 that is a proxy's HTML page in the middle of a batch (CONTRACT §6 auth errors: stop, mark no
// row failed, say to set the key again; nothing created twice).

import { afterAll, describe, expect, test } from "@jest/globals";
import type { DoubleConfig } from "../../tools/mkp-double/types";
import { apiOffers, batch, expectExactlyOnce, lastAlert, statusOf } from "./probes";
import { API_KEY, runOk, stopDouble, world } from "./world";

afterAll(stopDouble);

const START = Date.UTC(2025, 3, 14, 8, 0);

describe("refresh through the list in other shapes", () => {
  // 20 rows: more than are looked up one by one, so the refresh walks the list.
  test.each([
    ["404 past the end, oldest first", { pastEndStatus: 404, listOrder: "asc" }],
    ["API resource envelope, newest first", { listEnvelope: "resource", listOrder: "desc" }],
    ["timestamps in UTC with microseconds", { timestampFormat: "utc-micro" }],
  ] as [string, Partial<DoubleConfig>][])(
    "%s: accepted and rejected rows written, the others left",
    async (_l, config) => {
      const w = await world(batch(20, "RS"));
      runOk(w, "createPendingOffers");
      await w.api.configure(config);
      const made = await apiOffers(w);
      const byNumber = new Map(made.map((o) => [o.offerNumber, o.id]));
      await w.api.updateOffer(byNumber.get("RS-0003") ?? "", { acceptedAt: START + 3_600_000 });
      await w.api.updateOffer(byNumber.get("RS-0017") ?? "", { rejectedAt: START + 3_600_000 });
      w.rt.clock.advance(2 * 3_600_000);
      runOk(w, "refreshOfferStatuses");
      const statuses = w.column("Status");
      expect(statuses.filter((s) => s === "accepted")).toHaveLength(1);
      expect(statusOf(w, "RS-0003")).toBe("accepted");
      expect(statusOf(w, "RS-0017")).toBe("rejected");
      expect(statuses.filter((s) => s === "created")).toHaveLength(18);
    },
  );
});

describe("odd acceptance fields", () => {
  test('acceptedAt "" and rejectedAt "" (empty, not null): still open, not accepted', async () => {
    const w = await world(batch(2, "EA"));
    runOk(w, "createPendingOffers");
    const [first] = await apiOffers(w);
    await w.api.updateOffer(first?.id ?? "", { acceptedAt: "", rejectedAt: "" });
    expect((await w.api.offers()).find((o) => o.id === first?.id)?.acceptedAt).toBe("");
    runOk(w, "refreshOfferStatuses");
    expect(w.column("Status")).toEqual(["created", "created"]);
    expect(w.column("Accepted at")).toEqual(["", ""]);
  });
});

describe("a 403 that is a proxy's HTML page", () => {
  test("in the middle of a batch: the run stops, no row failed, the user is told to set the key, no HTML in cells", async () => {
    const w = await world(batch(10, "WF"));
    const page = `<!DOCTYPE html><html><head><title>403 Forbidden</title></head><body><h1>Access denied</h1>${"x".repeat(5000)}</body></html>`;
    await w.api.injectFaults([
      {
        match: { path: "/customer-offers/manual" },
        skip: 4,
        times: null,
        fault: { kind: "status", status: 403, rawBody: page, headers: { "Content-Type": "text/html" } },
      },
    ]);
    runOk(w, "createPendingOffers");
    const statuses = w.column("Status");
    expect(statuses).not.toContain("failed");
    expect(statuses.filter((s) => s === "created")).toHaveLength(4);
    expect(lastAlert(w)).toMatch(/Set API key/);
    expect(lastAlert(w)).not.toMatch(/<html|DOCTYPE/i);
    expect(lastAlert(w).length).toBeLessThan(600);
    expect(JSON.stringify(w.ss.displayValues("Offers"))).not.toMatch(/<html|DOCTYPE|Access denied/i);
    expect(lastAlert(w)).not.toContain(API_KEY);
    await w.api.clearFaults();
    runOk(w, "createPendingOffers");
    await expectExactlyOnce(
      w,
      Array.from({ length: 10 }, (_, i) => `WF-${String(i + 1).padStart(4, "0")}`),
    );
  });
});
