import { allowance, DEFAULT_RETRY_POLICY, decideRetry, windowResetAt } from "../../src/core/pacing";

const P = DEFAULT_RETRY_POLICY;

describe("pacing and retries", () => {
  test("allowance is what the window has left, and all of it after the reset", () => {
    expect(allowance({ limit: 60, remaining: null, observedAt: null }, 0)).toBe(60);
    expect(allowance({ limit: 60, remaining: 7, observedAt: 61_000 }, 90_000)).toBe(7);
    expect(allowance({ limit: 60, remaining: 0, observedAt: 61_000 }, 120_000)).toBe(60);
    expect(windowResetAt(61_000)).toBe(120_000);
  });

  test.each([
    [
      "429 waits what retry-after says",
      { kind: "rate-limited", retryAfterMs: 7000 } as const,
      1,
      0.5,
      { retry: true, afterMs: 7000 },
    ],
    [
      "429 without retry-after waits for the next window",
      { kind: "rate-limited", retryAfterMs: null } as const,
      1,
      0.5,
      { retry: true, afterMs: 51_000 },
    ],
    [
      "5xx backs off with jitter (attempt 1)",
      { kind: "transient" } as const,
      1,
      0,
      { retry: true, afterMs: 1000 },
    ],
    [
      "5xx backs off with jitter (attempt 3)",
      { kind: "transient" } as const,
      3,
      0.999,
      { retry: true, afterMs: 7996 },
    ],
    [
      "5xx gives up after maxAttempts",
      { kind: "transient" } as const,
      4,
      0.5,
      { retry: false, why: "temporary errors kept coming" },
    ],
    [
      "429 gives up after maxRateLimited",
      { kind: "rate-limited", retryAfterMs: 1 } as const,
      5,
      0.5,
      { retry: false, why: "rate limit met too often" },
    ],
  ])("%s", (_name, failure, attempt, random, expected) => {
    expect(decideRetry(failure, attempt, P, 10_000, 1_000_000, random)).toEqual(expected);
  });

  test("no wait runs past the deadline", () => {
    expect(decideRetry({ kind: "rate-limited", retryAfterMs: 60_000 }, 1, P, 0, 30_000, 0.5)).toEqual({
      retry: false,
      why: "no time left in this run",
    });
  });
});
