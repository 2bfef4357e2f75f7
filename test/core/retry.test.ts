import { DEFAULT_RETRY_POLICY, decideRetry } from "../../src/core/retry";

const P = DEFAULT_RETRY_POLICY;

describe("decideRetry", () => {
  test.each([
    [
      "429 waits what retry-after says",
      { kind: "rate-limited", retryAfterMs: 7000 } as const,
      1,
      0.5,
      { retry: true, afterMs: 7000 },
    ],
    [
      "429 without retry-after waits a whole window and the margin (any reading of the limit)",
      { kind: "rate-limited", retryAfterMs: null } as const,
      1,
      0.5,
      { retry: true, afterMs: 61_000 },
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
