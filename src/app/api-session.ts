// One run's use of the API: every request goes through here, so that sending offers, looking them
// up and refreshing statuses share the 60-a-minute budget and the run's deadline. The rate window
// is remembered between executions (user cache), so a continuation does not start with 429s.

import { allowance, initialWindow, type RateWindow, windowResetAt } from "../core/pacing";
import { type Exchange, rateLimitOf } from "../core/responses";
import type { ApiClient, ApiRequest } from "../shell/http";
import { userCache } from "../shell/store";
import { deadlineOf, type RunContext } from "./context";

const WINDOW_CACHE_KEY = "MKP_RATE_WINDOW";
/** Asked for when paging through the offer list; the API documents 15 and may ignore it. */
export const LIST_PER_PAGE = 100;

function loadWindow(): RateWindow {
  try {
    const text = userCache()?.get(WINDOW_CACHE_KEY);
    const w = text ? (JSON.parse(text) as Partial<RateWindow>) : null;
    if (
      w &&
      typeof w.limit === "number" &&
      typeof w.remaining === "number" &&
      typeof w.observedAt === "number"
    ) {
      return { limit: w.limit, remaining: w.remaining, observedAt: w.observedAt };
    }
  } catch {
    // A cache that cannot be read only costs us a cautious start.
  }
  return initialWindow();
}

export class ApiSession {
  readonly deadline: number;
  private window: RateWindow;
  unauthorized = false;
  quotaExhausted = false;
  requests = 0;
  private perPageRefused = false;
  /** Requests the API answered with something other than a 5xx or 429: it is up. */
  answered = 0;

  constructor(
    readonly ctx: RunContext,
    private readonly client: ApiClient,
  ) {
    this.deadline = deadlineOf(ctx);
    this.window = loadWindow();
  }

  /** False once the run must not start another request: out of time, key refused, quota used. */
  canContinue(): boolean {
    return !this.unauthorized && !this.quotaExhausted && this.ctx.now() < this.deadline;
  }

  /** Requests that may go out now without meeting a 429, as far as we know. */
  room(): number {
    return Math.min(allowance(this.window, this.ctx.now()), this.window.limit);
  }

  /** When room() is 0: waits for the next window if the deadline allows. */
  waitForRoom(): boolean {
    if (this.room() > 0) return true;
    const now = this.ctx.now();
    const reset = windowResetAt(this.window.observedAt ?? now) + 1000;
    if (reset > this.deadline) return false;
    this.ctx.sleep(reset - now);
    return true;
  }

  /** Waits until `atMs` if the deadline allows. */
  waitUntil(atMs: number): boolean {
    const now = this.ctx.now();
    if (atMs <= now) return true;
    if (atMs > this.deadline) return false;
    this.ctx.sleep(atMs - now);
    return true;
  }

  /** When the next window opens (for scheduling a continuation). */
  nextWindowAt(): number {
    const now = this.ctx.now();
    return this.room() > 0 ? now : windowResetAt(this.window.observedAt ?? now);
  }

  /** One round trip; the answers update what is left of the window. */
  send(requests: readonly ApiRequest[]): Exchange[] {
    const before = allowance(this.window, this.ctx.now());
    const exchanges = this.client.send(requests);
    this.requests += requests.length;
    const now = this.ctx.now();
    let limit = this.window.limit;
    let remaining: number | null = null;
    for (const e of exchanges) {
      if (e.kind === "quota") this.quotaExhausted = true;
      if (e.kind !== "response") continue;
      if (e.status < 500 && e.status !== 429) this.answered++;
      if (e.status === 401 || e.status === 403) this.unauthorized = true;
      if (e.status === 429) remaining = 0;
      const rate = rateLimitOf(e.headers);
      if (rate.limit !== null && rate.limit > 0) limit = rate.limit;
      if (rate.remaining !== null)
        remaining = remaining === null ? rate.remaining : Math.min(remaining, rate.remaining);
    }
    this.window = { limit, remaining: remaining ?? Math.max(0, before - requests.length), observedAt: now };
    return exchanges;
  }

  /** Pages of the offer list: bigger ones are asked for (undocumented), until the API refuses. */
  listPath(page: number): string {
    return this.perPageRefused
      ? `/customer-offers?page=${page}`
      : `/customer-offers?page=${page}&per_page=${LIST_PER_PAGE}`;
  }

  /** True when this answer to a list request refuses the per_page parameter (from now on it is left out). */
  refusesPerPage(e: Exchange): boolean {
    if (this.perPageRefused || e.kind !== "response" || (e.status !== 400 && e.status !== 422)) return false;
    this.perPageRefused = true;
    return true;
  }

  /** Remembers the window for the next execution (a few minutes are enough). */
  save(): void {
    try {
      userCache()?.put(WINDOW_CACHE_KEY, JSON.stringify(this.window), 300);
    } catch {
      // Not remembering the window only costs a cautious start next time.
    }
  }
}
