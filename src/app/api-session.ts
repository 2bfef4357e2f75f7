// One run's use of the API: every request goes through here, so that sending offers, looking them
// up and refreshing statuses share the 60-a-minute budget and the run's deadline. The rate window
// is remembered between executions (user cache), so a continuation does not start with 429s.

import { pick } from "../core/language";
import { allowance, initialWindow, type RateWindow, windowResetAt } from "../core/pacing";
import type { ApiRequest, HttpClient, RunContext } from "../core/ports";
import { type Exchange, parseJson, rateLimitOf } from "../core/responses";
import { loadState, PACING, saveState } from "../core/state-keys";
import { TEXTS } from "../core/texts";
import { ANSWER_TEXTS, type Permission } from "../core/texts-answers";

/** Apps Script ends an execution after 6 minutes. */
export const EXECUTION_LIMIT_MS = 6 * 60_000;
/**
 * New requests start only until this much of the limit is left: a request that hangs may take a
 * minute before UrlFetchApp gives up, and the results must still be written back after it.
 */
export const SAFETY_MARGIN_MS = 90_000;

export const deadlineOf = (ctx: RunContext): number => ctx.startedAt + EXECUTION_LIMIT_MS - SAFETY_MARGIN_MS;

function loadWindow(ctx: RunContext): RateWindow {
  try {
    const text = loadState(ctx.stores, PACING);
    const w = text ? (parseJson(text) as Partial<RateWindow> | null) : null;
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

/** The permission a request needs (mkp-api.md): what a 403 to it says the key lacks. */
export function permissionFor(request: ApiRequest): Permission {
  if (request.method.toLowerCase() !== "get") return "offers.write";
  return request.path.startsWith("/customers") ? "customers.read" : "offers.read";
}

/** Why a run stopped on a refused key, in words: a 403 names the permission the key lacks. */
export function keyRefusedText(refusal: ApiSession["keyRefusal"]): string {
  return refusal?.status === 403 ? pick(ANSWER_TEXTS).runKeyLacks(refusal.permission) : TEXTS.keyRefused();
}

export class ApiSession {
  readonly deadline: number;
  private window: RateWindow;
  unauthorized = false;
  /** The first 401/403 of the run, with the permission its request needed (what a 403 says is lacking). */
  keyRefusal: { status: number; permission: Permission } | null = null;
  quotaExhausted = false;
  requests = 0;
  /** Requests the API answered with something other than a 5xx or 429: it is up. */
  answered = 0;

  readonly client: HttpClient;

  constructor(
    readonly ctx: RunContext,
    baseUrl: string,
    readonly apiKey: string,
  ) {
    this.client = ctx.http(baseUrl, apiKey);
    this.deadline = deadlineOf(ctx);
    this.window = loadWindow(ctx);
  }

  now(): number {
    return this.ctx.clock.now();
  }

  /** False once the run must not start another request: out of time, key refused, quota used. */
  canContinue(): boolean {
    return !this.unauthorized && !this.quotaExhausted && this.ctx.clock.now() < this.deadline;
  }

  /** Requests that may go out now without meeting a 429, as far as we know. */
  room(): number {
    return Math.min(allowance(this.window, this.ctx.clock.now()), this.window.limit);
  }

  /** When room() is 0: waits for the next window if the deadline allows. */
  waitForRoom(): boolean {
    if (this.room() > 0) return true;
    const now = this.ctx.clock.now();
    const reset = windowResetAt(this.window.observedAt ?? now) + 1000;
    if (reset > this.deadline) return false;
    this.ctx.clock.sleep(reset - now);
    return true;
  }

  /** Waits until `atMs` if the deadline allows. */
  waitUntil(atMs: number): boolean {
    const now = this.ctx.clock.now();
    if (atMs <= now) return true;
    if (atMs > this.deadline) return false;
    this.ctx.clock.sleep(atMs - now);
    return true;
  }

  /** When the next window opens (for scheduling a continuation). */
  nextWindowAt(): number {
    const now = this.ctx.clock.now();
    return this.room() > 0 ? now : windowResetAt(this.window.observedAt ?? now);
  }

  /** One round trip; the answers update what is left of the window. */
  send(requests: readonly ApiRequest[]): Exchange[] {
    const before = allowance(this.window, this.ctx.clock.now());
    const exchanges = this.client.send(requests);
    this.requests += requests.length;
    const now = this.ctx.clock.now();
    let limit = this.window.limit;
    let remaining: number | null = null;
    exchanges.forEach((e, i) => {
      if (e.kind === "quota") this.quotaExhausted = true;
      if (e.kind !== "response") return;
      if (e.status < 500 && e.status !== 429) this.answered++;
      if (e.status === 401 || e.status === 403) {
        this.unauthorized = true;
        const request = requests[i];
        this.keyRefusal ??= {
          status: e.status,
          permission: request ? permissionFor(request) : "offers.read",
        };
      }
      if (e.status === 429) remaining = 0;
      const rate = rateLimitOf(e.headers);
      if (rate.limit !== null && rate.limit > 0) limit = rate.limit;
      if (rate.remaining !== null)
        remaining = remaining === null ? rate.remaining : Math.min(remaining, rate.remaining);
    });
    this.window = { limit, remaining: remaining ?? Math.max(0, before - requests.length), observedAt: now };
    return exchanges;
  }

  /** Remembers the window for the next execution (a few minutes are enough). */
  save(): void {
    try {
      saveState(this.ctx.stores, PACING, JSON.stringify(this.window), 300);
    } catch {
      // Not remembering the window only costs a cautious start next time.
    }
  }
}
