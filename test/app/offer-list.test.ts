// The offer-list pager (src/app/offer-list.ts) on counting fakes: finding the offers created since a
// time at the newest end of a 10,000-offer list costs a bounded number of requests in each order and
// per_page behaviour, holds when offers are deleted or added between page reads, and remembers a
// refused per_page for the key.

import { ApiSession } from "../../src/app/api-session";
import { OfferList } from "../../src/app/offer-list";
import type { CreatedOffer } from "../../src/core/responses";
import { type AccountOptions, FakeAccount, fakeContext, fakeStores, virtualClock } from "./fakes";

const START = Date.UTC(2026, 11, 1, 9);
const MARKED = START - 10 * 60_000;

function world(options: AccountOptions, old = 10_000, ours = 40) {
  const clock = virtualClock(START);
  const account = new FakeAccount(options);
  account.seed(old, MARKED - 3_600_000);
  for (let i = 0; i < ours; i++) account.add(`NEW-${i + 1}`, MARKED + 1000 * (i + 1));
  return { clock, account };
}

function look(
  account: FakeAccount,
  clock: ReturnType<typeof virtualClock>,
  wanted: readonly string[],
  stores = fakeStores(),
) {
  const session = new ApiSession(
    fakeContext(account, clock, stores),
    "https://api.test/v1",
    "mkp_test_key_0001",
  );
  const list = new OfferList(session);
  const found = new Map<string, CreatedOffer>();
  const before = account.listRequestCount;
  const result = list.walkNewest({
    sinceMs: MARKED,
    expected: wanted.length,
    onOffer: (o) => {
      if (wanted.includes(o.offerNumber)) found.set(o.offerNumber, o);
    },
    done: () => found.size === wanted.length,
    certain: true,
  });
  return { result, found, requests: account.listRequestCount - before, stores };
}

const ORDERS = ["asc", "desc"] as const;
const PER_PAGE = ["ignore", "honour", "refuse"] as const;
const cases = ORDERS.flatMap((order) => PER_PAGE.map((perPage) => ({ order, perPage })));
const ours = Array.from({ length: 40 }, (_, i) => `NEW-${i + 1}`);

describe("walking the newest end of the offer list", () => {
  it.each(cases)(
    "$order, per_page $perPage: 40 new offers among 10,000 found in ≤ 60 requests",
    (options) => {
      const { clock, account } = world(options);
      const { result, found, requests } = look(account, clock, ours);
      expect(result.complete).toBe(true);
      expect([...found.keys()].sort()).toEqual([...ours].sort());
      expect(requests).toBeLessThanOrEqual(60);
      // Reading the whole list would take 10,040 / 15 pages.
      expect(requests).toBeLessThan(Math.ceil(10_040 / 100));
    },
  );

  it.each(cases)(
    "$order, per_page $perPage: an offer that is not there is proven absent cheaply",
    (options) => {
      const { clock, account } = world(options);
      const { result, found, requests } = look(account, clock, [...ours, "NEVER-SENT"]);
      expect(result.complete).toBe(true);
      expect(found.has("NEVER-SENT")).toBe(false);
      expect(found.size).toBe(40);
      expect(requests).toBeLessThanOrEqual(60);
    },
  );

  it.each(cases)(
    "$order, per_page $perPage: old offers deleted between page reads hide nothing",
    (options) => {
      const { clock, account } = world(options);
      account.beforeList = (_page, nth) => {
        // Someone deletes an old offer before every third list request.
        if (nth % 3 === 0) account.offers.splice(nth, 1);
      };
      const { result, found } = look(account, clock, ours);
      expect(result.complete).toBe(true);
      expect(found.size).toBe(40);
    },
  );

  it.each(cases)("$order, per_page $perPage: offers added during the walk hide nothing", (options) => {
    const { clock, account } = world(options);
    account.beforeList = (_page, nth) => {
      if (nth % 2 === 0) account.add(`OTHER-${nth}`, clock.now() + nth);
    };
    const { result, found } = look(account, clock, ours);
    expect(result.complete).toBe(true);
    expect(found.size).toBe(40);
  });

  it("an empty account: one request", () => {
    const { clock, account } = world({ order: "asc", perPage: "honour" }, 0, 0);
    const { result, requests } = look(account, clock, ["NOTHING"]);
    expect(result.complete).toBe(true);
    expect(requests).toBe(1);
  });
});

describe("per_page", () => {
  it("is asked for until refused, and the refusal is remembered for the key", () => {
    const { clock, account } = world({ order: "desc", perPage: "refuse" });
    const first = look(account, clock, ours);
    const refusedAsks = account.requests.filter((r) => r.path.includes("per_page")).length;
    expect(first.found.size).toBe(40);
    expect(refusedAsks).toBe(1);
    look(account, clock, ours, first.stores);
    expect(account.requests.filter((r) => r.path.includes("per_page")).length).toBe(refusedAsks);
  });

  it("honoured: pages of 100", () => {
    const { clock, account } = world({ order: "desc", perPage: "honour" });
    const { requests } = look(account, clock, ours);
    expect(account.requests.every((r) => r.path.endsWith("per_page=100"))).toBe(true);
    expect(requests).toBeLessThanOrEqual(2);
  });
});
