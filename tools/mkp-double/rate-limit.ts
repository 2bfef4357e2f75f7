// Rate limiting of the MKP double: a request count per token per calendar minute of virtual time.

export const WINDOW_MS = 60_000;

export class RateLimiter {
  private windows = new Map<string, { window: number; used: number }>();

  /** Requests already counted for the token in the minute of `now`. */
  used(token: string, now: number): number {
    const entry = this.windows.get(token);
    return entry !== undefined && entry.window === Math.floor(now / WINDOW_MS) ? entry.used : 0;
  }

  /** Counts one request; returns the count in the window after it. */
  consume(token: string, now: number): number {
    const used = this.used(token, now) + 1;
    this.windows.set(token, { window: Math.floor(now / WINDOW_MS), used });
    return used;
  }

  reset(): void {
    this.windows.clear();
  }
}

/** X-RateLimit-* headers (exact casing as documented). */
export function limitHeaders(limit: number, remaining: number): Record<string, string> {
  return { "X-RateLimit-Limit": String(limit), "X-RateLimit-Remaining": String(Math.max(0, remaining)) };
}

/** The headers of a 429: the limit headers plus lower-case retry-after and x-ratelimit-reset. */
export function tooManyHeaders(limit: number, retryAfterSeconds: number, resetEpochSeconds: number) {
  return {
    ...limitHeaders(limit, 0),
    "retry-after": String(retryAfterSeconds),
    "x-ratelimit-reset": String(resetEpochSeconds),
  };
}

/** retry-after and reset of the real limiter at `now`: until the next calendar minute. */
export function nextWindow(now: number): { retryAfter: number; reset: number } {
  const next = (Math.floor(now / WINDOW_MS) + 1) * WINDOW_MS;
  return { retryAfter: Math.max(1, Math.ceil((next - now) / 1000)), reset: next / 1000 };
}
