// The list pager (src/app/list-pager.ts) on counting fakes: pages in as few round trips as the
// budget allows, asks for 100 a page until the API refuses per_page (remembered per key), retries
// failed pages by the retry policy, and stops on a refused key.

import { describe, expect, test } from "@jest/globals";
import { ApiSession } from "../../src/app/api-session";
import { LIST_PER_PAGE, ListPager, MAX_PAGES_PER_TRIP } from "../../src/app/list-pager";
import type { ApiRequest, HttpClient } from "../../src/core/ports";
import { type Exchange, parseJson } from "../../src/core/responses";
import { DEFAULT_RETRY_POLICY } from "../../src/core/retry";
import { PER_PAGE_REFUSED } from "../../src/core/state-keys";
import {
  answer,
  FakeAccount,
  type FakeStores,
  fakeContext,
  fakeStores,
  ScriptedHttp,
  virtualClock,
} from "./fakes";

const START = Date.UTC(2026, 11, 1, 9);
const KEY = "mkp_key_0001";

interface Page {
  numbers: string[];
  page: number;
}

const parse = (body: string): Page | null => {
  const o = (parseJson(body) ?? {}) as { data?: { offerNumber: string }[]; current_page?: number };
  return Array.isArray(o.data) && typeof o.current_page === "number"
    ? { numbers: o.data.map((d) => d.offerNumber), page: o.current_page }
    : null;
};

function pager(http: HttpClient, stores: FakeStores = fakeStores(), key = KEY, clock = virtualClock(START)) {
  const session = new ApiSession(fakeContext(http, clock, stores), "https://api.test/v1", key);
  return {
    p: new ListPager<Page>(session, { path: "/customer-offers", refusedKey: PER_PAGE_REFUSED, parse }),
    clock,
    session,
  };
}

const account = (perPage: "ignore" | "honour" | "refuse", offers = 250) => {
  const a = new FakeAccount({ order: "asc", perPage });
  a.seed(offers, START - 60_000);
  return a;
};

const pageOf = (r: ApiRequest): number => Number(/page=(\d+)/.exec(r.path)?.[1]);

describe("fetching pages", () => {
  test("asks for 100 a page; pages come back by number", () => {
    const a = account("honour");
    const { p } = pager(a);
    const { pages, refused } = p.fetch([1, 2, 3]);
    expect(refused).toBe(false);
    expect([...pages.keys()].sort()).toEqual([1, 2, 3]);
    expect(pages.get(1)?.numbers).toHaveLength(100);
    expect(pages.get(3)?.numbers).toHaveLength(50);
    expect(pages.get(2)?.numbers[0]).toBe("OLD-101");
    expect(a.requests.map((r) => r.path)).toEqual([
      `/customer-offers?page=1&per_page=${LIST_PER_PAGE}`,
      `/customer-offers?page=2&per_page=${LIST_PER_PAGE}`,
      `/customer-offers?page=3&per_page=${LIST_PER_PAGE}`,
    ]);
    expect(p.pagesRead).toBe(3);
  });

  test(`at most ${MAX_PAGES_PER_TRIP} pages a round trip`, () => {
    const http = new ScriptedHttp((r) =>
      answer(
        200,
        { data: [], current_page: pageOf(r) },
        { "X-RateLimit-Limit": "60", "X-RateLimit-Remaining": "59" },
      ),
    );
    const { p } = pager(http);
    const { pages } = p.fetch(Array.from({ length: 45 }, (_, i) => i + 1));
    expect(pages.size).toBe(45);
    expect(http.trips).toEqual([1, 20, 20, 4]);
  });

  test("duplicates and page numbers below 1 are not asked for", () => {
    const a = account("honour");
    const { p } = pager(a);
    expect([...p.fetch([2, 2, 0, -1]).pages.keys()]).toEqual([2]);
    expect(a.requests).toHaveLength(1);
  });
});

describe("a 404 for a page after the first (some servers' answer past the end)", () => {
  const END: Page = { numbers: [], page: 0 };
  const headers = { "X-RateLimit-Limit": "60", "X-RateLimit-Remaining": "59" };
  const withEnd = (http: HttpClient) => {
    const session = new ApiSession(
      fakeContext(http, virtualClock(START), fakeStores()),
      "https://api.test/v1",
      KEY,
    );
    return new ListPager<Page>(session, {
      path: "/customer-offers",
      refusedKey: PER_PAGE_REFUSED,
      parse,
      pastEnd: END,
    });
  };

  test("given twice: the empty end of the list", () => {
    const http = new ScriptedHttp((r) =>
      pageOf(r) >= 3
        ? answer(404, { message: "Not found" }, headers)
        : answer(200, { data: [], current_page: pageOf(r) }, headers),
    );
    const { pages } = withEnd(http).fetch([2, 3]);
    expect(pages.get(3)).toBe(END);
    expect(http.requests.filter((r) => pageOf(r) === 3)).toHaveLength(2);
  });

  test("given once, then the page: the page (one odd 404 does not end the list)", () => {
    let odd = true;
    const http = new ScriptedHttp((r) => {
      if (pageOf(r) === 3 && odd) {
        odd = false;
        return answer(404, { message: "Not found" }, headers);
      }
      return answer(200, { data: [{ offerNumber: `K-${pageOf(r)}` }], current_page: pageOf(r) }, headers);
    });
    const { pages } = withEnd(http).fetch([3]);
    expect(pages.get(3)).toEqual({ numbers: ["K-3"], page: 3 });
  });

  test("for page 1: not the end (the list cannot be read)", () => {
    const http = new ScriptedHttp(() => answer(404, { message: "Not found" }, headers));
    expect(withEnd(http).fetch([1]).pages.has(1)).toBe(false);
  });
});

describe("a refused per_page", () => {
  test("is remembered for the key: this call keeps nothing, later calls ask without it", () => {
    const a = account("refuse");
    const stores = fakeStores();
    const { p } = pager(a, stores);
    const first = p.fetch([1]);
    expect(first).toEqual({ pages: new Map(), refused: true });
    expect(p.perPageRefused).toBe(true);
    expect(JSON.parse(stores.user.map.get(PER_PAGE_REFUSED.name) ?? "null")).toEqual({ keyTail: "0001" });

    const again = p.fetch([1, 2]);
    expect(again.refused).toBe(false);
    expect(again.pages.get(2)?.numbers).toHaveLength(15);
    expect(a.requests.slice(1).map((r) => r.path)).toEqual([
      "/customer-offers?page=1",
      "/customer-offers?page=2",
    ]);

    // The next execution with the same key does not ask again; another key does.
    expect(pager(a, stores).p.path(1)).toBe("/customer-offers?page=1");
    expect(pager(a, stores, "mkp_key_0002").p.path(1)).toBe(
      `/customer-offers?page=1&per_page=${LIST_PER_PAGE}`,
    );
  });

  test("a server that ignores per_page is used as it is: 15 a page", () => {
    const a = account("ignore", 40);
    const { p } = pager(a);
    const { pages } = p.fetch([1, 2, 3]);
    expect(pages.get(3)?.numbers).toEqual([
      "OLD-31",
      "OLD-32",
      "OLD-33",
      "OLD-34",
      "OLD-35",
      "OLD-36",
      "OLD-37",
      "OLD-38",
      "OLD-39",
      "OLD-40",
    ]);
    expect(p.perPageRefused).toBe(false);
  });
});

describe("failures", () => {
  test("a 500 is retried after a backoff; the page then read", () => {
    const a = account("honour");
    let n = 0;
    const http: HttpClient = {
      send: (rs) =>
        rs.map(
          (r): Exchange =>
            ++n === 1 ? answer(500, { message: "Server Error" }) : (a.send([r])[0] as Exchange),
        ),
    };
    const { p, clock } = pager(http);
    const { pages } = p.fetch([1]);
    expect(pages.get(1)?.numbers).toHaveLength(100);
    expect(n).toBe(2);
    expect(clock.now()).toBeGreaterThan(START);
  });

  test(`a page that never reads is given up after ${DEFAULT_RETRY_POLICY.maxAttempts} attempts`, () => {
    const http = new ScriptedHttp(() => answer(200, "<html>maintenance</html>"));
    const { p } = pager(http);
    const { pages } = p.fetch([1]);
    expect(pages.size).toBe(0);
    expect(http.requests).toHaveLength(DEFAULT_RETRY_POLICY.maxAttempts);
  });

  test("a 429 waits for its retry-after, then reads the page", () => {
    const a = account("honour");
    let n = 0;
    const http: HttpClient = {
      send: (rs) =>
        rs.map(
          (r): Exchange =>
            ++n === 1 ? answer(429, {}, { "Retry-After": "15" }) : (a.send([r])[0] as Exchange),
        ),
    };
    const { p, clock } = pager(http);
    expect(p.fetch([1]).pages.has(1)).toBe(true);
    expect(clock.now() - START).toBeGreaterThanOrEqual(15_000);
  });

  test("a refused key stops the pager at once, with the status kept for the caller", () => {
    const http = new ScriptedHttp(() => answer(403, { message: "This action is unauthorized." }));
    const { p, session } = pager(http);
    const { pages } = p.fetch([1, 2, 3]);
    expect(pages.size).toBe(0);
    expect(p.authStatus).toBe(403);
    expect(http.requests).toHaveLength(1);
    expect(session.canContinue()).toBe(false);
  });

  test("out of time: nothing is asked", () => {
    const a = account("honour");
    const { p, clock, session } = pager(a);
    clock.sleep(session.deadline - START);
    expect(p.fetch([1, 2]).pages.size).toBe(0);
    expect(a.requests).toHaveLength(0);
  });
});
