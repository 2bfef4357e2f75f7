// ApiSession (src/app/api-session.ts) on a virtual clock: how many requests may go out (room), how
// long it waits for more (waitForRoom), that what it learned carries over to the next execution of
// the same user through the user cache, and which permission a refused key is said to lack.

import { describe, expect, test } from "@jest/globals";
import {
  ApiSession,
  deadlineOf,
  EXECUTION_LIMIT_MS,
  keyRefusedText,
  permissionFor,
  SAFETY_MARGIN_MS,
} from "../../src/app/api-session";
import { useLanguage } from "../../src/core/language";
import type { ApiRequest, HttpClient, Stores } from "../../src/core/ports";
import { COUNTED_MS, WINDOW_MS } from "../../src/core/rate-pacing";
import type { Exchange } from "../../src/core/responses";
import { PACING } from "../../src/core/state-keys";
import { texts } from "../../src/core/texts";
import { ANSWER_EN, ANSWER_NL } from "../../src/core/texts-answers";
import { answer, fakeContext, fakeStores, RateLimitedServer, ScriptedHttp, virtualClock } from "./fakes";

const START = Date.UTC(2026, 11, 1, 9);
const GET: ApiRequest = { method: "get", path: "/customer-offers?page=1" };
const gets = (n: number): ApiRequest[] => Array.from({ length: n }, () => GET);

function session(http: HttpClient, clock = virtualClock(START), stores: Stores = fakeStores()) {
  return {
    s: new ApiSession(fakeContext(http, clock, stores), "https://api.test/v1", "mkp_key_1234"),
    clock,
  };
}

/** A 200 that tells the limit and what is left of it. */
const limited = (limit: number, remaining: number): Exchange =>
  answer(
    200,
    { data: [] },
    { "X-RateLimit-Limit": String(limit), "X-RateLimit-Remaining": String(remaining) },
  );

describe("room", () => {
  test("before any answer only one request may go out: it finds out the limit", () => {
    const { s } = session(new ScriptedHttp(() => limited(60, 59)));
    expect(s.room()).toBe(1);
  });

  test("an answer naming the limit and what is left opens room for exactly that", () => {
    const clock = virtualClock(START);
    const { s } = session(new RateLimitedServer(clock, 10), clock);
    s.send(gets(1));
    expect(s.room()).toBe(9);
    s.send(gets(9));
    expect(s.room()).toBe(0);
  });

  test("what other clients of the key used is left to them", () => {
    // The server says 30 are left of 60 after our first request: 29 went to someone else.
    const { s } = session(new ScriptedHttp(() => limited(60, 30)));
    s.send(gets(1));
    expect(s.room()).toBe(30);
  });

  test("a 429 leaves no room until its retry-after has passed, then one request probes", () => {
    const clock = virtualClock(START);
    const http = new ScriptedHttp(() =>
      answer(429, { message: "Too Many Attempts." }, { "Retry-After": "30" }),
    );
    const { s } = session(http, clock);
    s.send(gets(1));
    expect(s.room()).toBe(0);
    expect(s.nextWindowAt()).toBeGreaterThanOrEqual(START + 30_000);
    expect(s.nextWindowAt()).toBeLessThanOrEqual(START + 32_000);
    expect(s.waitForRoom()).toBe(true);
    expect(clock.now()).toBe(s.nextWindowAt());
    expect(clock.now() - START).toBeGreaterThanOrEqual(30_000);
    expect(s.room()).toBe(1);
  });
});

describe("waitForRoom", () => {
  test("with room it returns at once, without sleeping", () => {
    const clock = virtualClock(START);
    const { s } = session(new ScriptedHttp(() => limited(60, 59)), clock);
    expect(s.waitForRoom()).toBe(true);
    expect(clock.now()).toBe(START);
  });

  test("with the limit used it sleeps one window (and the margin), after which the whole limit is free", () => {
    const clock = virtualClock(START);
    const { s } = session(new RateLimitedServer(clock, 10), clock);
    s.send(gets(1));
    s.send(gets(9));
    expect(s.waitForRoom()).toBe(true);
    const waited = clock.now() - START;
    expect(waited).toBeGreaterThanOrEqual(WINDOW_MS);
    expect(waited).toBeLessThanOrEqual(COUNTED_MS + 1_000);
    expect(s.room()).toBe(10);
  });

  test("a wait that would pass the run's deadline is not slept: false, clock unchanged", () => {
    const clock = virtualClock(START);
    const http = new ScriptedHttp(() => answer(429, {}, { "Retry-After": "600" }));
    const { s } = session(http, clock);
    s.send(gets(1));
    expect(s.waitForRoom()).toBe(false);
    expect(clock.now()).toBe(START);
    expect(s.waitUntil(s.deadline + 1)).toBe(false);
    expect(s.waitUntil(START + 5_000)).toBe(true);
    expect(clock.now()).toBe(START + 5_000);
  });

  test("paced by room and waitForRoom, 150 requests at 60 a minute meet no 429", () => {
    const clock = virtualClock(START);
    const server = new RateLimitedServer(clock, 60);
    const { s } = session(server, clock);
    let sent = 0;
    while (sent < 150 && s.canContinue()) {
      if (s.room() === 0) {
        expect(s.waitForRoom()).toBe(true);
        continue;
      }
      const n = Math.min(s.room(), 150 - sent);
      s.send(gets(n));
      sent += n;
    }
    expect(server.requests).toBe(150);
    expect(server.tooMany).toBe(0);
    expect(s.requests).toBe(150);
    // 150 at 60 a window: the last ones cannot go before two windows have passed.
    expect(clock.now() - START).toBeGreaterThanOrEqual(2 * WINDOW_MS);
    expect(clock.now() - START).toBeLessThan(3 * WINDOW_MS);
  });

  test("a key limited to 10 a minute (not the documented 60) meets no 429 either", () => {
    const clock = virtualClock(START);
    const server = new RateLimitedServer(clock, 10);
    const { s } = session(server, clock);
    let sent = 0;
    while (sent < 35 && s.canContinue()) {
      if (s.room() === 0 && !s.waitForRoom()) break;
      const n = Math.min(s.room(), 35 - sent);
      s.send(gets(n));
      sent += n;
    }
    expect(server.requests).toBe(35);
    expect(server.tooMany).toBe(0);
  });
});

describe("the pacing state carries over to the next execution (user cache)", () => {
  test("the limit used up by one execution is still used up for the next one", () => {
    const clock = virtualClock(START);
    const stores = fakeStores();
    const server = new RateLimitedServer(clock, 10);
    const first = session(server, clock, stores).s;
    first.send(gets(1));
    first.send(gets(9));
    expect(stores.userCache.map.has(PACING.name)).toBe(true);

    clock.sleep(5_000);
    const second = session(server, clock, stores).s;
    expect(second.room()).toBe(0);
    expect(second.nextWindowAt()).toBeGreaterThanOrEqual(START + WINDOW_MS);
    expect(second.waitForRoom()).toBe(true);
    // The limit learned by the first execution holds: no single-request probe.
    expect(second.room()).toBe(10);
    second.send(gets(10));
    expect(server.tooMany).toBe(0);
  });

  test("a 429's wait is kept for the next execution", () => {
    const clock = virtualClock(START);
    const stores = fakeStores();
    const http = new ScriptedHttp(() => answer(429, {}, { "Retry-After": "120" }));
    session(http, clock, stores).s.send(gets(1));
    clock.sleep(10_000);
    const next = session(http, clock, stores).s;
    expect(next.room()).toBe(0);
    expect(next.nextWindowAt()).toBeGreaterThanOrEqual(START + 120_000);
  });

  test("another user (another user cache) starts cautiously", () => {
    const clock = virtualClock(START);
    const server = new RateLimitedServer(clock, 10);
    const mine = session(server, clock).s;
    mine.send(gets(1));
    mine.send(gets(9));
    const theirs = session(server, clock, fakeStores()).s;
    expect(theirs.room()).toBe(1);
  });

  test("a user cache that cannot be read or written costs a cautious start, never an error", () => {
    const clock = virtualClock(START);
    const stores = fakeStores();
    const broken: Stores = {
      ...stores,
      userCache: {
        get: () => {
          throw new Error("Cache unavailable");
        },
        put: () => {
          throw new Error("Cache unavailable");
        },
      },
    };
    const { s } = session(new ScriptedHttp(() => limited(60, 59)), clock, broken);
    expect(s.room()).toBe(1);
    expect(() => s.send(gets(1))).not.toThrow();
    expect(s.room()).toBe(59);
  });
});

describe("what the session counts and when it stops", () => {
  test("every request counts as sent; 5xx, 429 and no answer do not count as answered", () => {
    const statuses = [200, 404, 500, 429];
    const http = new ScriptedHttp((_r, n): Exchange => {
      const status = statuses[n - 1];
      return status === undefined ? { kind: "timeout", detail: "timed out" } : answer(status, {});
    });
    const { s } = session(http);
    s.send(gets(5));
    expect(s.requests).toBe(5);
    expect(s.answered).toBe(2);
    expect(http.trips).toEqual([5]);
    expect(s.unauthorized).toBe(false);
  });

  test("an empty batch is no round trip's worth of state", () => {
    const stores = fakeStores();
    const { s } = session(new ScriptedHttp(() => limited(60, 59)), virtualClock(START), stores);
    s.send([]);
    expect(s.requests).toBe(0);
    expect(stores.userCache.map.has(PACING.name)).toBe(false);
  });

  test("the deadline is the execution limit less the safety margin", () => {
    const clock = virtualClock(START);
    const { s } = session(new ScriptedHttp(() => limited(60, 59)), clock);
    expect(s.deadline).toBe(START + EXECUTION_LIMIT_MS - SAFETY_MARGIN_MS);
    expect(deadlineOf(s.ctx)).toBe(s.deadline);
    expect(s.canContinue()).toBe(true);
    clock.sleep(s.deadline - START - 1);
    expect(s.canContinue()).toBe(true);
    clock.sleep(1);
    expect(s.canContinue()).toBe(false);
  });

  test("a quota answer stops the run", () => {
    const { s } = session(
      new ScriptedHttp(() => ({ kind: "quota", detail: "Service invoked too many times" })),
    );
    s.send(gets(1));
    expect(s.quotaExhausted).toBe(true);
    expect(s.canContinue()).toBe(false);
  });

  test("the first 401/403 is kept with the permission its request needed; later ones do not replace it", () => {
    const http = new ScriptedHttp((r) => answer(r.path.startsWith("/customers") ? 403 : 401, {}));
    const { s } = session(http);
    s.send([GET, { method: "get", path: "/customers?page=1" }]);
    expect(s.keyRefusal).toEqual({ status: 401, permission: "offers.read" });
    s.send([{ method: "get", path: "/customers?page=2" }]);
    expect(s.keyRefusal).toEqual({ status: 401, permission: "offers.read" });
    expect(s.unauthorized).toBe(true);
    expect(s.canContinue()).toBe(false);
  });

  test("a 403 to a customer read names customers.read", () => {
    const http = new ScriptedHttp(() => answer(403, { message: "This action is unauthorized." }));
    const { s } = session(http);
    s.send([{ method: "get", path: "/customers?page=1&per_page=100" }]);
    expect(s.keyRefusal).toEqual({ status: 403, permission: "customers.read" });
  });
});

describe("permissionFor", () => {
  test.each([
    [{ method: "get", path: "/customer-offers?page=3" }, "offers.read"],
    [{ method: "get", path: "/customer-offers/off_1" }, "offers.read"],
    [{ method: "post", path: "/customer-offers/manual" }, "offers.write"],
    [{ method: "patch", path: "/customer-offers/off_1" }, "offers.write"],
    [{ method: "get", path: "/customers?page=1" }, "customers.read"],
  ] as const)("%j needs %s", (request, permission) => {
    expect(permissionFor(request)).toBe(permission);
  });

  // Creating a customer needs customers.write (mkp-api.md, scopes): a run stopped by a 403 to
  // POST /customers names that permission, not offers.write.
  test("POST /customers needs customers.write", () => {
    expect(permissionFor({ method: "post", path: "/customers" }) as string).toBe("customers.write");
  });
});

describe("keyRefusedText", () => {
  test("a 403 names the permission lacking, in the run's language; a 401 or none says the key was refused", () => {
    for (const lang of ["en", "nl"] as const) {
      useLanguage(lang);
      const lacks = keyRefusedText({ status: 403, permission: "offers.write" });
      expect(lacks).toBe({ en: ANSWER_EN, nl: ANSWER_NL }[lang].runKeyLacks("offers.write"));
      expect(lacks).toContain("offers.write");
      expect(keyRefusedText({ status: 401, permission: "offers.read" })).toBe(texts().keyRefused());
      expect(keyRefusedText(null)).toBe(texts().keyRefused());
    }
    useLanguage("en");
  });
});
