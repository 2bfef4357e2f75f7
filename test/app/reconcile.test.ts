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

  it("nothing to look up costs nothing", () => {
    const { list, account } = setup(order);
    expect(lookUp(() => list, [])).toEqual({ found: new Map(), complete: true });
    expect(account.listRequestCount).toBe(0);
  });
});
