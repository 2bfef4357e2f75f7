// refreshStatuses (src/app/refresh-statuses.ts, refresher.ts) on fakes: accepted, rejected and
// expired written from what MijnKlantportaal shows, a deleted offer's message, rows the refresh
// leaves alone, and the requests it costs — a GET each for a few rows, a short walk from the newest
// end of the list for many, whatever the size of the account.

import { describe, expect, test } from "@jest/globals";
import { refreshOutcome, refreshStatuses } from "../../src/app/refresh-statuses";
import { texts } from "../../src/core/texts";
import { LINE_HEADERS, OFFER_HEADERS } from "../fixtures/headers";
import { harness, START } from "./fake-services";
import { fixedZone, sheet } from "./fake-workbook";
import type { FakeOffer } from "./fakes";

const D = new Date(Date.UTC(2026, 10, 1));
const E = new Date(Date.UTC(2026, 11, 31));

/** A row for an offer as a create run left it. */
const rowFor = (o: FakeOffer, status = "created") => [
  o.offerNumber,
  o.customerId,
  D,
  new Date(`${o.expiresAt}T00:00:00Z`),
  "",
  status,
  o.id,
  o.amount,
  "",
  fixedZone.timestamp(o.createdAt),
  "",
  "",
];

function setup(make: (add: (n: string, minutesAgo: number) => FakeOffer) => unknown[][]) {
  const h = harness(null, sheet("Offer lines", LINE_HEADERS, []));
  const add = (n: string, minutesAgo: number) => h.api.account.add(n, START - minutesAgo * 60_000);
  h.workbook.offers = sheet("Offers", OFFER_HEADERS, make(add));
  return h;
}

describe("refreshStatuses on fakes", () => {
  test("accepted, rejected and expired are written; an unchanged row is left as it is", () => {
    let offers: FakeOffer[] = [];
    const h = setup((add) => {
      offers = [add("K-1", 50), add("K-2", 40), add("K-3", 30), add("K-4", 20)];
      return offers.map((o) => rowFor(o));
    });
    const [a, r, x] = offers;
    if (!a || !r || !x) throw new Error("seed");
    a.acceptedAt = "2026-12-01T08:00:00+00:00";
    r.rejectedAt = "2026-12-01T08:30:00+00:00";
    x.expiresAt = "2026-11-20";
    const result = refreshStatuses(h.context());
    if ("stopped" in result) throw new Error(result.stopped);
    expect(h.workbook.offerColumn("Status")).toEqual(["accepted", "rejected", "expired", "created"]);
    expect(h.workbook.offerCell(2, "Accepted at")).toBe("2026-12-01 09:00:00");
    expect(h.workbook.offerCell(3, "Rejected at")).toBe("2026-12-01 09:30:00");
    expect(result).toMatchObject({ refreshed: 3, unchanged: 1, deleted: 0, left: 0, moreWork: false });
    // Four rows and a list never measured: a GET each, nothing more.
    expect(h.api.requests.map((q) => q.path)).toEqual(offers.map((o) => `/customer-offers/${o.id}`));
    expect(refreshOutcome(h.context(), result).continueAt).toBeUndefined();
  });

  test("an offer deleted in MijnKlantportaal: its row says so, and keeps its status", () => {
    const h = setup((add) => {
      const kept = add("K-1", 10);
      // Created once, deleted there since: no longer in the account.
      const gone = { ...kept, id: "off_99_K-2", offerNumber: "K-2" };
      return [rowFor(kept), rowFor(gone)];
    });
    const result = refreshStatuses(h.context());
    if ("stopped" in result) throw new Error(result.stopped);
    expect(result.deleted).toBe(1);
    expect(h.workbook.offerCell(3, "Message")).toBe(texts().deletedThere());
    expect(h.workbook.offerCell(3, "Status")).toBe("created");
    // Written once: a second refresh finds the message already there.
    const writes = h.workbook.count("writeOfferUpdates");
    refreshStatuses(h.context());
    expect(h.workbook.count("writeOfferUpdates")).toBe(writes + 1);
    expect(h.workbook.blocksWritten).toBe(1);
  });

  test("rows not created (sending, failed, skip, no ID) are left alone; nothing to refresh costs nothing", () => {
    const h = setup((add) => {
      const o = add("K-1", 10);
      return [
        rowFor(o, "sending"),
        rowFor(o, "failed"),
        rowFor(o, "skip"),
        ["K-4", "cst_a", D, E, "", "", ""],
      ];
    });
    const result = refreshStatuses(h.context());
    if ("stopped" in result) throw new Error(result.stopped);
    expect(result.message).toBe(texts().nothingToRefresh());
    expect(h.api.requests).toEqual([]);
    expect(h.workbook.count("writeOfferUpdates")).toBe(0);
  });

  test("40 rows in an account of 2,000 offers: a walk of a few pages from the newest end", () => {
    let recent: FakeOffer[] = [];
    const h = setup((add) => {
      for (let i = 0; i < 2000; i++) add(`OLD-${i}`, 60 * 24 * 30 + 2000 - i);
      recent = Array.from({ length: 40 }, (_, i) => add(`K-${i + 1}`, 40 - i));
      return recent.map((o) => rowFor(o));
    });
    for (const o of recent.slice(0, 5)) o.acceptedAt = "2026-12-01T08:00:00+00:00";
    const result = refreshStatuses(h.context());
    if ("stopped" in result) throw new Error(result.stopped);
    expect(result).toMatchObject({ refreshed: 5, unchanged: 35, left: 0 });
    expect(h.workbook.offerColumn("Status").filter((s) => s === "accepted")).toHaveLength(5);
    expect(h.api.requests.length).toBeLessThanOrEqual(5);
    expect(h.api.count("get /customer-offers/off_")).toBe(0);
    // One write for the whole pass.
    expect(h.workbook.count("writeOfferUpdates")).toBe(1);
  });

  test("no API key: stopped before any request", () => {
    const h = setup((add) => [rowFor(add("K-1", 10))]);
    h.stores.user.map.clear();
    const result = refreshStatuses(h.context());
    expect(result).toEqual({ stopped: texts().noKey() });
    expect(h.api.requests).toEqual([]);
  });
});
