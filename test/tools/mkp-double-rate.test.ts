// Tests of the MKP double's rate-limit variants over HTTP: rolling windows and their retry-after, HTTP-date
// retry-after, headers switched off, another client on the same key, refused requests counted or not,
// and the record of 429s and of requests that did not wait (rate violations).

import { startMkpDouble } from "../../tools/mkp-double/client";
import type { DoubleClient } from "../../tools/mkp-double/types";

const KEY = "demo-key-0001";
/** A whole minute of virtual time, and T = 30 s into it. */
const MINUTE = Math.floor(Date.UTC(2025, 3, 14, 9, 0, 0) / 60_000) * 60_000;
const T = MINUTE + 30_000;

let double: DoubleClient;

beforeAll(async () => {
  double = await startMkpDouble();
});
afterAll(async () => {
  await double?.stop();
});
beforeEach(async () => {
  await double.reset();
});

async function get(now: number, key = KEY) {
  const res = await fetch(`${double.baseUrl}/customers`, {
    headers: { authorization: `Bearer ${key}`, "x-virtual-now": String(now) },
  });
  await res.text();
  return { status: res.status, headers: res.headers };
}

test("rolling window: the limit holds over any 60 s, retry-after until the oldest request leaves", async () => {
  await double.reset({ rateLimit: 10, rateWindow: "rolling" });
  for (let i = 0; i < 10; i += 1) {
    const res = await get(T + i * 1000);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-ratelimit-remaining")).toBe(String(9 - i));
    expect(res.headers.get("x-ratelimit-limit")).toBe("10");
  }
  const first = await get(T + 10_000);
  expect(first.status).toBe(429);
  expect(first.headers.get("retry-after")).toBe("50");
  expect(first.headers.get("x-ratelimit-reset")).toBe(String((T + 60_000) / 1000));
  // The calendar minute turned, but the rolling window still holds 10 requests.
  const early = await get(MINUTE + 60_000);
  expect(early.status).toBe(429);
  expect(early.headers.get("retry-after")).toBe("30");
  const ok = await get(T + 60_000);
  expect(ok.status).toBe(200);
  expect(ok.headers.get("x-ratelimit-remaining")).toBe("0");
  // Next slot: the request at T+1000 leaves at T+61000, 500 ms away → rounded up to 1 s.
  const again = await get(T + 60_500);
  expect(again.status).toBe(429);
  expect(again.headers.get("retry-after")).toBe("1");
  expect((await get(T + 61_500)).status).toBe(200);

  const limited = await double.tooManyRequests();
  expect(limited.map((r) => [r.at, r.retryUntil, r.source])).toEqual([
    [T + 10_000, T + 60_000, "limiter"],
    [MINUTE + 60_000, T + 60_000, "limiter"],
    [T + 60_500, T + 61_500, "limiter"],
  ]);
  const violations = await double.rateViolations();
  expect(violations).toEqual([
    { token: KEY, seq: 12, at: MINUTE + 60_000, after429Seq: 11, retryUntil: T + 60_000 },
  ]);
  const stats = await double.stats();
  expect(stats).toMatchObject({ rateLimited: 3, rateViolations: 1, listRequests: 15 });
});

test("calendar window stays the default: the minute boundary frees the limit", async () => {
  await double.reset({ rateLimit: 10 });
  for (let i = 0; i < 10; i += 1) expect((await get(T + i * 1000)).status).toBe(200);
  expect((await get(T + 10_000)).headers.get("retry-after")).toBe("20");
  expect((await get(MINUTE + 60_000)).status).toBe(200);
  expect(await double.rateViolations()).toEqual([]);
});

test("retry-after as an HTTP date: the IMF-fixdate of the virtual time a request is allowed again", async () => {
  await double.reset({ rateLimit: 1, retryAfterFormat: "http-date" });
  expect((await get(MINUTE + 1_500)).status).toBe(200);
  const limited = await get(MINUTE + 2_500);
  expect(limited.status).toBe(429);
  const value = limited.headers.get("retry-after") ?? "";
  expect(value).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
  expect(Date.parse(value)).toBe(MINUTE + 60_000);
  expect(value).toBe(new Date(MINUTE + 60_000).toUTCString());
  await double.configure({ rateWindow: "rolling" });
  const rolling = await get(MINUTE + 3_000);
  expect(Date.parse(rolling.headers.get("retry-after") ?? "")).toBe(MINUTE + 62_000); // 1.5 s + 60 s, rounded up
  expect((await double.tooManyRequests()).map((r) => r.retryUntil)).toEqual([
    MINUTE + 60_000,
    MINUTE + 62_000,
  ]);
});

test("rateHeaders off: no X-RateLimit-* at all; retryAfterOn429 off: no retry-after either", async () => {
  await double.reset({ rateLimit: 1, rateHeaders: false });
  const ok = await get(T);
  expect(ok.status).toBe(200);
  const limited = await get(T + 1);
  expect(limited.status).toBe(429);
  for (const res of [ok, limited]) {
    const names = [...res.headers.keys()].filter((n) => n.startsWith("x-ratelimit"));
    expect(names).toEqual([]);
  }
  expect(limited.headers.get("retry-after")).toBe("30");
  await double.configure({ retryAfterOn429: false });
  const bare = await get(T + 2);
  expect(bare.status).toBe(429);
  expect(bare.headers.get("retry-after")).toBeNull();
  // A 429 without retry-after asks for no wait, so it cannot be violated.
  expect((await double.tooManyRequests()).map((r) => r.retryUntil)).toEqual([T + 30_001, null]);
  await double.injectFaults([{ fault: { kind: "rate-limit", retryAfterSeconds: 5 } }]);
  const fault = await get(T + 60_000);
  expect(fault.status).toBe(429);
  expect(fault.headers.get("retry-after")).toBeNull();
  expect(fault.headers.get("x-ratelimit-reset")).toBeNull();
});

test("another client on the same key uses up the window and shows in X-RateLimit-Remaining", async () => {
  // 30 a minute = one every 2 s at even seconds: by T (30 s into the minute) 16 of them (0, 2, …, 30 s).
  await double.reset({ otherClientPerMinute: 30 });
  const first = await get(T);
  expect(first.headers.get("x-ratelimit-remaining")).toBe(String(60 - 16 - 1));
  const later = await get(T + 10_000);
  expect(later.headers.get("x-ratelimit-remaining")).toBe(String(60 - 21 - 2));
  // Rolling: the other client always holds 30 of any 60 s, so the key has 30 left for us.
  await double.reset({ otherClientPerMinute: 30, rateWindow: "rolling", rateLimit: 40 });
  const statuses: number[] = [];
  for (let i = 0; i < 12; i += 1) statuses.push((await get(T + i)).status);
  expect(statuses.filter((s) => s === 200)).toHaveLength(10);
  expect(statuses.slice(10)).toEqual([429, 429]);
  const limited = await double.tooManyRequests();
  // The first slot: our requests at T..T+9 leave at T+60 000; by then the other client has 30 in the window.
  for (const r of limited) expect(r.retryUntil).toBeGreaterThan(T + 60_000);
  const retryAt = limited[0]?.retryUntil ?? 0;
  expect((await get(retryAt)).status).toBe(200);
});

test("any rateLimit; a refused request does not count unless rateCountRefused", async () => {
  await double.reset({ rateLimit: 600, rateWindow: "rolling" });
  for (let i = 0; i < 600; i += 1) expect((await get(T + i * 10)).status).toBe(200);
  expect((await get(T + 6_000)).status).toBe(429);
  // Refused requests did not count: at T+60 000 exactly one slot (the request at T) is free.
  expect((await get(T + 60_000)).status).toBe(200);

  await double.reset({ rateLimit: 2, rateWindow: "rolling", rateCountRefused: true });
  await get(T);
  await get(T + 1_000);
  const refused = await get(T + 2_000);
  expect(refused.status).toBe(429);
  // The refused request at T+2000 counts too, so one slot is free only once T+1000 left (T+61 000).
  expect(refused.headers.get("retry-after")).toBe("59");
  expect((await get(T + 61_000)).status).toBe(200);
});

test("violations are per token and also follow injected rate-limit faults", async () => {
  await double.injectFaults([{ fault: { kind: "rate-limit", retryAfterSeconds: 7 } }]);
  expect((await get(T)).status).toBe(429);
  expect((await get(T + 3_000, "test-key-0001")).status).toBe(200); // another token: no violation
  expect((await get(T + 6_999)).status).toBe(200);
  expect((await get(T + 7_000)).status).toBe(200);
  const violations = await double.rateViolations();
  expect(violations).toEqual([{ token: KEY, seq: 3, at: T + 6_999, after429Seq: 1, retryUntil: T + 7_000 }]);
  expect((await double.tooManyRequests())[0]).toMatchObject({ token: KEY, source: "fault" });
});
