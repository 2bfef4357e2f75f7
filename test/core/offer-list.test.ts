// The offer list as the API pages it (src/core/offer-list.ts): pages parsed in each envelope the docs
// leave open, timestamps with and without an offset, and the order told from one page.

import {
  createdBefore,
  createdSince,
  instantOf,
  orderOf,
  parseListPage,
  UNZONED_MARGIN_MS,
} from "../../src/core/offer-list";
import type { CreatedOffer } from "../../src/core/responses";

const item = (id: string, createdAt: string) => ({
  id,
  offerNumber: `N-${id}`,
  customerId: "cst_a",
  amount: "1.00",
  createdAt,
  expiresAt: "2026-12-31",
});
const offer = (createdAt: string): CreatedOffer => ({
  id: "off_x",
  amount: "1.00",
  createdAt,
  offerNumber: "N",
  customerId: "cst_a",
  acceptedAt: null,
  rejectedAt: null,
  expiresAt: "",
});

describe("parsing a page", () => {
  it("reads Laravel's simple paginator: data, next_page_url, per_page (number or text)", () => {
    const body = JSON.stringify({
      data: [item("off_1", "2026-01-01T00:00:00+01:00")],
      next_page_url: "https://x/customer-offers?page=2",
      per_page: "15",
    });
    const page = parseListPage(body);
    expect(page?.offers.map((o) => o.id)).toEqual(["off_1"]);
    expect(page?.hasNext).toBe(true);
    expect(page?.perPage).toBe(15);
  });

  // An item that cannot be read may be the very offer a lookup is after: kept, with nothing read
  // from it (ID "", offer number ""), so that the lookup cannot prove that offer absent past it.
  it("the last page has next_page_url null; items that are not offers are kept as unreadable", () => {
    const page = parseListPage(
      JSON.stringify({ data: [item("off_1", ""), { id: 5 }, null], next_page_url: null }),
    );
    const unreadable = expect.objectContaining({ id: "", offerNumber: "", customerId: "", createdAt: "" });
    expect(page).toEqual({
      offers: [expect.objectContaining({ id: "off_1" }), unreadable, unreadable],
      hasNext: false,
      perPage: null,
    });
  });

  it("a bare array: only an empty page is the end", () => {
    expect(parseListPage(JSON.stringify([item("off_1", "")]))?.hasNext).toBe(true);
    expect(parseListPage("[]")?.hasNext).toBe(false);
  });

  it.each(["", "<html>", '{"message":"Server Error"}', "null", '{"data":{}}'])("%j is no page", (body) => {
    expect(parseListPage(body)).toBeNull();
  });
});

describe("timestamps", () => {
  it("reads ATOM with an offset, Z, and +hhmm", () => {
    expect(instantOf("2026-04-29T21:00:00+02:00")).toEqual({ ms: Date.UTC(2026, 3, 29, 19), marginMs: 0 });
    expect(instantOf("2026-04-29T19:00:00Z")?.ms).toBe(Date.UTC(2026, 3, 29, 19));
    expect(instantOf("2026-04-29T21:00:00+0200")?.ms).toBe(Date.UTC(2026, 3, 29, 19));
    expect(instantOf("2026-04-29 19:00:00.123Z")?.ms).toBe(Date.UTC(2026, 3, 29, 19, 0, 0, 123));
  });

  it("without an offset: read as UTC with a margin of 14 hours", () => {
    expect(instantOf("2026-04-29T19:00:00")).toEqual({
      ms: Date.UTC(2026, 3, 29, 19),
      marginMs: UNZONED_MARGIN_MS,
    });
  });

  it.each(["", "yesterday", "2026-13-45T99:00:00Z"])("%j is no instant", (text) => {
    expect(instantOf(text)).toBeNull();
  });

  it("created since / before: an unknown time is possible, never certainly before", () => {
    const t = Date.UTC(2026, 11, 1, 12);
    expect(createdSince(offer("2026-12-01T12:00:00Z"), t)).toBe(true);
    expect(createdSince(offer("2026-12-01T11:59:59Z"), t)).toBe(false);
    expect(createdSince(offer("garbage"), t)).toBe(true);
    expect(createdSince(offer("2026-12-01T11:00:00"), t)).toBe(true);
    expect(createdBefore(offer("2026-12-01T11:59:59Z"), t)).toBe(true);
    expect(createdBefore(offer("garbage"), t)).toBe(false);
    expect(createdBefore(offer("2026-12-01T11:00:00"), t)).toBe(false);
  });
});

describe("the order of a page", () => {
  const page = (...times: string[]) => times.map(offer);
  it.each([
    [["2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", "2026-01-02T00:00:00Z"], "asc"],
    [["2026-01-03T00:00:00Z", "", "2026-01-02T00:00:00Z"], "desc"],
    [["2026-01-01T00:00:00Z", "2026-01-03T00:00:00Z", "2026-01-02T00:00:00Z"], "unknown"],
    [["2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"], "unknown"],
    [["2026-01-01T00:00:00Z"], "unknown"],
  ])("%j → %s", (times, order) => {
    expect(orderOf(page(...times))).toBe(order);
  });
});
