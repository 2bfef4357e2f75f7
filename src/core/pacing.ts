// Pacing and retry decisions, as pure functions of plain inputs: how many requests the next
// batch may hold, and whether (and when) to try a request again.

/** The API's documented limit: 60 requests a minute per key. */
export const DOCUMENTED_RATE_LIMIT = 60;
export const MINUTE_MS = 60_000;

export interface RateWindow {
  /** Requests allowed per window (from X-RateLimit-Limit, else the documented 60). */
  readonly limit: number;
  /** Requests left in the window the last answer was in, or null before any answer. */
  readonly remaining: number | null;
  /** When that answer came (epoch ms). */
  readonly observedAt: number | null;
}

export const initialWindow = (): RateWindow => ({
  limit: DOCUMENTED_RATE_LIMIT,
  remaining: null,
  observedAt: null,
});

/** The window resets at the start of the next calendar minute (as the API documents). */
export function windowResetAt(observedAt: number): number {
  return (Math.floor(observedAt / MINUTE_MS) + 1) * MINUTE_MS;
}

/** Requests we may send now without meeting a 429, as far as we know. */
export function allowance(window: RateWindow, nowMs: number): number {
  if (window.remaining === null || window.observedAt === null) return window.limit;
  if (nowMs >= windowResetAt(window.observedAt)) return window.limit;
  return Math.max(0, window.remaining);
}

export interface RetryPolicy {
  /** Attempts in all for a request that fails for a temporary reason (5xx, timeout, network). @default 4 */
  readonly maxAttempts: number;
  /** First backoff, doubled each time. @default 2000 */
  readonly baseDelayMs: number;
  /** Longest single backoff. @default 30000 */
  readonly maxDelayMs: number;
  /** 429s tolerated for one request before it is left for a later run. @default 5 */
  readonly maxRateLimited: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 2000,
  maxDelayMs: 30_000,
  maxRateLimited: 5,
};

export type RetryDecision =
  | { readonly retry: true; readonly afterMs: number }
  | { readonly retry: false; readonly why: string };

/**
 * Whether to try again after a failed attempt. `random` is in [0, 1) (jitter comes in as an
 * argument so that tests need no randomness), `deadlineMs` is when new work must stop.
 */
export function decideRetry(
  failure: { kind: "rate-limited"; retryAfterMs: number | null } | { kind: "transient" },
  attempt: number,
  policy: RetryPolicy,
  nowMs: number,
  deadlineMs: number,
  random: number,
): RetryDecision {
  let afterMs: number;
  if (failure.kind === "rate-limited") {
    // The server's Retry-After is authoritative; without one, wait for the next window.
    if (attempt >= policy.maxRateLimited) return { retry: false, why: "rate limit met too often" };
    afterMs = failure.retryAfterMs ?? windowResetAt(nowMs) - nowMs + 1000;
  } else {
    if (attempt >= policy.maxAttempts) return { retry: false, why: "temporary errors kept coming" };
    // Exponential backoff with "full jitter" between half and all of the step.
    const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    afterMs = Math.round(step / 2 + (step / 2) * random);
  }
  if (nowMs + afterMs > deadlineMs) return { retry: false, why: "no time left in this run" };
  return { retry: true, afterMs };
}
