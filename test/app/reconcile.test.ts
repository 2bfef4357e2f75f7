// lookUp (src/app/reconcile.ts) on counting fakes: only an offer that can be the one sent is taken
// (number and customer as sent, not older than the marking minus the clock skew), and the earliest
// of two candidates wins.

import { ApiSession } from "../../src/app/api-session";
import { OfferList } from "../../src/app/offer-list";
import { CLOCK_SKEW_MS, type LookupTarget, lookUp } from "../../src/app/reconcile";
import { FakeAccount, fakeContext, virtualClock } from "./fakes";

const START = Date.UTC(2026, 11, 1, 9);
const MARKED = START - 5 * 60_000;

function setup(order: "asc" | "desc") {
  const clock = virtualClock(START);
  const account = new FakeAccount({ order, perPage: "ignore" });
  // K-0007 made by hand last year, for the same customer, among 2,000 older offers.
  account.seed(1000, MARKED - 400 * 86_400_000, "LASTYEAR");
  account.add("K-0007", MARKED - 365 * 86_400_000);
  account.seed(1000, MARKED - 3_600_000, "RECENT");
  const session = new ApiSession(fakeContext(account, clock), "https://api.test/v1", "mkp_test_key_0001");
  return { account, list: new OfferList(session) };
}

const target = (offerNumber: string, more: Partial<LookupTarget> = {}): LookupTarget => ({
  ref: `ref-${offerNumber}`,
  offerNumber,
  customerId: "cst_a",
  markedAt: MARKED,
  ...more,
});

describe.each(["asc", "desc"] as const)("looking up sent offers (%s)", (order) => {
  it("last year's offer of the same number is not ours: proven absent", () => {
    const { list, account } = setup(order);
    const r = lookUp(() => list, [target("K-0007")]);
    expect(r.found.size).toBe(0);
    expect(r.complete).toBe(true);
    expect(account.listRequestCount).toBeLessThanOrEqual(25);
  });

  it("this year's offer is found; another customer's offer of that number is not", () => {
    const { list, account } = setup(order);
    account.add("K-0007", MARKED + 2000, "cst_other");
    const ours = account.add("K-0007", MARKED + 3000, "cst_a");
    const r = lookUp(() => list, [target("K-0007")]);
    expect(r.found.get("ref-K-0007")?.id).toBe(ours.id);
    expect(r.complete).toBe(true);
  });

  it("an offer created a little before the marking (clocks differ) still counts; the earliest wins", () => {
    const { list, account } = setup(order);
    const early = account.add("S-1", MARKED - CLOCK_SKEW_MS + 60_000);
    account.add("S-1", MARKED + 60_000);
    const r = lookUp(() => list, [target("S-1")]);
    expect(r.found.get("ref-S-1")?.id).toBe(early.id);
  });

  it("an item of the list whose ID cannot be read, of the number sent: never proven absent", () => {
    const { list, account } = setup(order);
    const unreadable = account.add("K-0007", MARKED + 2000, "cst_a") as { id: unknown };
    unreadable.id = null;
    const r = lookUp(() => list, [target("K-0007")]);
    expect(r.found.size).toBe(0);
    expect(r.complete).toBe(false);
  });

  it("an item without a readable ID or customer, of the number sent: never proven absent either", () => {
    const { list, account } = setup(order);
    const unreadable = account.add("K-0007", MARKED + 2000) as { id: unknown; customerId: unknown };
    unreadable.id = 12.5;
    unreadable.customerId = { name: "?" };
    expect(lookUp(() => list, [target("K-0007")]).complete).toBe(false);
  });

  it("an unreadable item of another number, or our offer found beside it: the lookup still settles", () => {
    const { list, account } = setup(order);
    const other = account.add("Z-0001", MARKED + 1000, "cst_a") as { id: unknown };
    other.id = null;
    expect(lookUp(() => list, [target("K-0007")]).complete).toBe(true);
    const twin = account.add("K-0007", MARKED + 2000, "cst_a") as { id: unknown };
    twin.id = null;
    const ours = account.add("K-0007", MARKED + 3000, "cst_a");
    const r = lookUp(() => list, [target("K-0007")]);
    expect(r.found.get("ref-K-0007")?.id).toBe(ours.id);
    expect(r.complete).toBe(true);
  });

  // An API may serve list items in a shape the product cannot match by number or customer (fields left
  // out, snake_case names, numbers where the docs have strings): such an item, made since the marking,
  // may be ours, so the target is not proven absent (sending it again would create it twice).
  it.each([
    ["without offerNumber", (o: Record<string, unknown>) => delete o.offerNumber],
    ["without customerId", (o: Record<string, unknown>) => delete o.customerId],
    ["with an offerNumber that is an object", (o: Record<string, unknown>) => (o.offerNumber = { v: 1 })],
    [
      "an id without off_ and no offerNumber",
      (o: Record<string, unknown>) => {
        o.id = "12345";
        delete o.offerNumber;
      },
    ],
  ])("an item of ours %s: never proven absent", (_l, change) => {
    const { list, account } = setup(order);
    change(account.add("K-0007", MARKED + 2000, "cst_a") as unknown as Record<string, unknown>);
    const r = lookUp(() => list, [target("K-0007")]);
    expect(r.found.size).toBe(0);
    expect(r.complete).toBe(false);
  });

  it("an unreadable item made before the marking cannot be ours: the lookup still settles", () => {
    const { list, account } = setup(order);
    const old = account.add("K-0007", MARKED - 2 * CLOCK_SKEW_MS, "cst_a") as unknown as Record<
      string,
      unknown
    >;
    delete old.offerNumber;
    expect(lookUp(() => list, [target("K-0007")]).complete).toBe(true);
  });

  it("snake_case field names (offer_number, customer_id, created_at) are read: ours is found", () => {
    const { list, account } = setup(order);
    const ours = account.add("K-0007", MARKED + 2000, "cst_a") as unknown as Record<string, unknown>;
    for (const [camel, snake] of [
      ["offerNumber", "offer_number"],
      ["customerId", "customer_id"],
      ["createdAt", "created_at"],
    ]) {
      ours[snake as string] = ours[camel as string];
      delete ours[camel as string];
    }
    const r = lookUp(() => list, [target("K-0007")]);
    expect(r.found.get("ref-K-0007")?.id).toBe(ours.id);
    expect(r.complete).toBe(true);
  });

  it("offer numbers served as JSON numbers (PHP's JSON_NUMERIC_CHECK): 2025001 and 0042 (as 42) are found", () => {
    const { list, account } = setup(order);
    const a = account.add("2025001", MARKED + 2000) as unknown as Record<string, unknown>;
    const b = account.add("0042", MARKED + 3000) as unknown as Record<string, unknown>;
    a.offerNumber = 2025001;
    b.offerNumber = 42;
    const r = lookUp(() => list, [target("2025001"), target("0042")]);
    expect(r.found.get("ref-2025001")?.id).toBe(a.id);
    expect(r.found.get("ref-0042")?.id).toBe(b.id);
  });

  it("other numeric offer numbers as JSON numbers (1e3 as 1000, 12.50 as 12.5): found", () => {
    const { list, account } = setup(order);
    const a = account.add("1e3", MARKED + 2000) as unknown as Record<string, unknown>;
    const b = account.add("12.50", MARKED + 3000) as unknown as Record<string, unknown>;
    a.offerNumber = 1000;
    b.offerNumber = 12.5;
    const r = lookUp(() => list, [target("1e3"), target("12.50")]);
    expect(r.found.get("ref-1e3")?.id).toBe(a.id);
    expect(r.found.get("ref-12.50")?.id).toBe(b.id);
  });

  it("42 as a JSON number while both 42 and 0042 were sent: neither is taken for the other", () => {
    const { list, account } = setup(order);
    const only = account.add("42", MARKED + 2000) as unknown as Record<string, unknown>;
    only.offerNumber = 42;
    const r = lookUp(() => list, [target("42"), target("0042")]);
    expect(r.found.size).toBe(0);
    expect(r.complete).toBe(false);
  });

  it("nothing to look up costs nothing", () => {
    const { list, account } = setup(order);
    expect(lookUp(() => list, [])).toEqual({ found: new Map(), complete: true, doubtful: new Set() });
    expect(account.listRequestCount).toBe(0);
  });
});
