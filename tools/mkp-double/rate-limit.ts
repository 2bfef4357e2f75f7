// Rate limiting of the MKP double on virtual time: per token, a calendar-minute count or a 60 s rolling
// window, plus an optional other client on the same key; the 429 headers; and the record of every 429
// with the time it asked to wait until, to find requests that did not wait (rate violations).

import type { RateViolation, TooManyRecord } from "./types";

export const WINDOW_MS = 60_000;

export interface LimitPolicy {
  limit: number;
  window: "calendar" | "rolling";
  /** Requests a minute of another client on the same token, at times k·60000/N. */
  otherPerMinute: number;
}

/** Other-client requests at k·60000/N with from < t ≤ to (exact in integers: k·60000 ≤ t·N). */
function othersIn(n: number, fromExclusive: number, toInclusive: number): number {
  if (n <= 0 || toInclusive <= fromExclusive) return 0;
  return Math.floor((toInclusive * n) / WINDOW_MS) - Math.floor((fromExclusive * n) / WINDOW_MS);
}

/** First index in the sorted `times` whose value is > t. */
function upperBound(times: number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((times[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class RateLimiter {
  /** Counted request times per token, sorted (both window kinds are computed from these). */
  private times = new Map<string, number[]>();

  /** Requests counted for the token in the window of `now` (its own and the other client's). */
  used(token: string, now: number, policy: LimitPolicy): number {
    const own = this.times.get(token) ?? [];
    if (policy.window === "calendar") {
      const start = Math.floor(now / WINDOW_MS) * WINDOW_MS;
      return (
        upperBound(own, now) - upperBound(own, start - 1) + othersIn(policy.otherPerMinute, start - 1, now)
      );
    }
    const from = now - WINDOW_MS;
    return upperBound(own, now) - upperBound(own, from) + othersIn(policy.otherPerMinute, from, now);
  }

  /** Counts one request; returns the count in the window after it. */
  consume(token: string, now: number, policy: LimitPolicy): number {
    let own = this.times.get(token);
    if (own === undefined) {
      own = [];
      this.times.set(token, own);
    }
    own.splice(upperBound(own, now), 0, now);
    // Drop what no window can see any more (virtual time may go back a little, so keep an hour).
    const stale = upperBound(own, now - 60 * WINDOW_MS);
    if (stale > 1000) own.splice(0, stale);
    return this.used(token, now, policy);
  }

  /**
   * The virtual time from which a request of this token would be allowed, on the grid of the retry-after
   * format: `now` + whole seconds (delta seconds), or whole epoch seconds (HTTP date). For a rolling window
   * without another client that is when the oldest counted request leaves the window, rounded up.
   */
  retryAt(token: string, now: number, policy: LimitPolicy, grid: "relative" | "absolute"): number {
    const base = grid === "relative" ? now : Math.floor(now / 1000) * 1000;
    for (let s = 1; s <= 3600; s += 1) {
      if (this.used(token, base + s * 1000, policy) < policy.limit) return base + s * 1000;
    }
    return base + 3600 * 1000;
  }

  reset(): void {
    this.times.clear();
  }
}

/** X-RateLimit-* headers (exact casing as documented). */
export function limitHeaders(limit: number, remaining: number): Record<string, string> {
  return { "X-RateLimit-Limit": String(limit), "X-RateLimit-Remaining": String(Math.max(0, remaining)) };
}

export interface TooManyOptions {
  rateHeaders: boolean;
  retryAfterOn429: boolean;
  retryAfterFormat: "seconds" | "http-date";
}

/**
 * The headers of a 429: the limit headers and lower-case x-ratelimit-reset (unless rateHeaders is off)
 * and retry-after (unless retryAfterOn429 is off) as seconds or as the IMF-fixdate of `now + waitMs`
 * (rounded up to the second).
 */
export function tooManyHeaders(
  limit: number,
  now: number,
  waitMs: number,
  resetEpochSeconds: number,
  options: TooManyOptions,
): Record<string, string> {
  const headers: Record<string, string> = {};
  if (options.rateHeaders) {
    Object.assign(headers, limitHeaders(limit, 0));
    headers["x-ratelimit-reset"] = String(resetEpochSeconds);
  }
  if (options.retryAfterOn429) {
    headers["retry-after"] =
      options.retryAfterFormat === "http-date"
        ? new Date(Math.ceil((now + waitMs) / 1000) * 1000).toUTCString()
        : String(Math.max(0, Math.round(waitMs / 1000)));
  }
  return headers;
}

/** retry-after and reset of the calendar limiter at `now` (no other client): until the next calendar minute. */
export function nextWindow(now: number): { retryAfter: number; reset: number } {
  const next = (Math.floor(now / WINDOW_MS) + 1) * WINDOW_MS;
  return { retryAfter: Math.max(1, Math.ceil((next - now) / 1000)), reset: next / 1000 };
}

/** The time a retry-after value asks to wait until: delta seconds or an HTTP date; null when unreadable. */
export function retryUntil(value: string | undefined, now: number): number | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return now + Number(text) * 1000;
  if (!/[A-Za-z]/.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
}

/** Every 429 per token and the requests that arrived before one of them said they could. */
export class RateBook {
  private limited: TooManyRecord[] = [];
  private violations: RateViolation[] = [];
  /** The latest wait per token (the earlier 429 with the latest retry-until). */
  private waits = new Map<string, { seq: number; until: number }>();

  /** Called for every API request with a token, on arrival. */
  arrive(token: string, seq: number, at: number): void {
    const wait = this.waits.get(token);
    if (wait !== undefined && at < wait.until)
      this.violations.push({ token, seq, at, after429Seq: wait.seq, retryUntil: wait.until });
  }

  record(entry: TooManyRecord): void {
    this.limited.push(entry);
    const wait = this.waits.get(entry.token);
    if (entry.retryUntil !== null && (wait === undefined || entry.retryUntil > wait.until))
      this.waits.set(entry.token, { seq: entry.seq, until: entry.retryUntil });
  }

  tooMany(): TooManyRecord[] {
    return structuredClone(this.limited);
  }

  rateViolations(): RateViolation[] {
    return structuredClone(this.violations);
  }

  get violationCount(): number {
    return this.violations.length;
  }

  reset(): void {
    this.limited = [];
    this.violations = [];
    this.waits.clear();
  }
}
