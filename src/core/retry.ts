// Whether (and when) to try a request again, as a pure function of plain inputs: the server's
// retry-after for a 429, exponential backoff with jitter for temporary failures.

import { SAFETY_MS, WINDOW_MS } from "./rate-pacing";

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
    // The server's Retry-After is authoritative; without one, a whole window is enough under every
    // reading of the limit (calendar or rolling).
    if (attempt >= policy.maxRateLimited) return { retry: false, why: "rate limit met too often" };
    afterMs = failure.retryAfterMs ?? WINDOW_MS + SAFETY_MS;
  } else {
    if (attempt >= policy.maxAttempts) return { retry: false, why: "temporary errors kept coming" };
    // Exponential backoff with "full jitter" between half and all of the step.
    const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    afterMs = Math.round(step / 2 + (step / 2) * random);
  }
  if (nowMs + afterMs > deadlineMs) return { retry: false, why: "no time left in this run" };
  return { retry: true, afterMs };
}
