// One run's use of the API: every request goes through here, so that sending offers, looking them
// up and refreshing statuses share the rate budget and the run's deadline. The send log, the limit
// and any 429's wait are remembered between executions (user cache), so a continuation paces on.

import { pick } from "../core/language";
import type { ApiRequest, HttpClient, RunContext } from "../core/ports";
import {
  nextRoomAt,
  type PacingState,
  parsePacing,
  recordAnswer,
  recordSends,
  room,
  serialize,
} from "../core/rate-pacing";
import type { Exchange } from "../core/responses";
import { loadState, PACING, saveState } from "../core/state-keys";
import { texts } from "../core/texts";
import { ANSWER_TEXTS, type Permission } from "../core/texts-answers";

/** Apps Script ends an execution after 6 minutes. */
export const EXECUTION_LIMIT_MS = 6 * 60_000;
/**
 * New requests start only until this much of the limit is left: a request that hangs may take a
 * minute before UrlFetchApp gives up, and the results must still be written back after it.
 */
export const SAFETY_MARGIN_MS = 90_000;
/**
 * How long the user cache keeps the pacing state (the cache's longest, six hours): the limit learned
 * stays known between hourly runs; sends, remainings and blocks expire by their own times.
 */
const PACING_TTL_S = 21_600;

export const deadlineOf = (ctx: RunContext): number => ctx.startedAt + EXECUTION_LIMIT_MS - SAFETY_MARGIN_MS;

function loadPacing(ctx: RunContext): PacingState {
  let text: string | null = null;
  try {
    text = loadState(ctx.stores, PACING);
  } catch {
    // A cache that cannot be read only costs us a cautious start (one request finds out).
  }
  return parsePacing(text, ctx.clock.now());
}

/** The permission a request needs (mkp-api.md): what a 403 to it says the key lacks. */
export function permissionFor(request: ApiRequest): Permission {
  const customers = request.path.startsWith("/customers");
  if (request.method.toLowerCase() !== "get") return customers ? "customers.write" : "offers.write";
  return customers ? "customers.read" : "offers.read";
}

/** Why a run stopped on a refused key, in words: a 403 names the permission the key lacks. */
export function keyRefusedText(refusal: ApiSession["keyRefusal"]): string {
  return refusal?.status === 403 ? pick(ANSWER_TEXTS).runKeyLacks(refusal.permission) : texts().keyRefused();
}

export class ApiSession {
  readonly deadline: number;
  private pacing: PacingState;
  unauthorized = false;
  /** The first 401/403 of the run, with the permission its request needed (what a 403 says is lacking). */
  keyRefusal: { status: number; permission: Permission } | null = null;
  quotaExhausted = false;
  requests = 0;
  /**
   * Requests the API answered with something other than a 5xx, 429 or redirect (not followed): it is
   * up. A run without one backs off its continuation.
   */
  answered = 0;

  readonly client: HttpClient;

  constructor(
    readonly ctx: RunContext,
    baseUrl: string,
    readonly apiKey: string,
  ) {
    this.client = ctx.http(baseUrl, apiKey);
    this.deadline = deadlineOf(ctx);
    this.pacing = loadPacing(ctx);
  }

  now(): number {
    return this.ctx.clock.now();
  }

  /** False once the run must not start another request: out of time, key refused, quota used. */
  canContinue(): boolean {
    return !this.unauthorized && !this.quotaExhausted && this.ctx.clock.now() < this.deadline;
  }

  /** Requests that may go out now without meeting a 429, as far as we know (src/core/rate-pacing.ts). */
  room(): number {
    return room(this.pacing, this.ctx.clock.now());
  }

  /** When room() is 0: waits until there is room, if the deadline allows. */
  waitForRoom(): boolean {
    const now = this.ctx.clock.now();
    if (room(this.pacing, now) > 0) return true;
    return this.waitUntil(nextRoomAt(this.pacing, now));
  }

  /** Waits until `atMs` if the deadline allows. */
  waitUntil(atMs: number): boolean {
    const now = this.ctx.clock.now();
    if (atMs <= now) return true;
    if (atMs > this.deadline) return false;
    this.ctx.clock.sleep(atMs - now);
    return true;
  }

  /** When the next request may go out (for scheduling a continuation). */
  nextWindowAt(): number {
    return nextRoomAt(this.pacing, this.ctx.clock.now());
  }

  /**
   * One round trip. Every request counts as sent (a timeout may have reached the server), each answer
   * teaches the limit, what is left and any 429's wait; the state is saved at once, so that an
   * execution that ends without save() (killed) leaves the next one its sends and blocks.
   */
  send(requests: readonly ApiRequest[]): Exchange[] {
    const exchanges = this.client.send(requests);
    this.requests += requests.length;
    const now = this.ctx.clock.now();
    let pacing = recordSends(this.pacing, requests.length, now);
    exchanges.forEach((e, i) => {
      if (e.kind === "quota") this.quotaExhausted = true;
      if (e.kind !== "response") return;
      if (e.status < 500 && e.status !== 429 && !(e.status >= 300 && e.status < 400)) this.answered++;
      if (e.status === 401 || e.status === 403) {
        this.unauthorized = true;
        const request = requests[i];
        this.keyRefusal ??= {
          status: e.status,
          permission: request ? permissionFor(request) : "offers.read",
        };
      }
      pacing = recordAnswer(pacing, { status: e.status, headers: e.headers }, now);
    });
    this.pacing = pacing;
    if (requests.length > 0) this.save();
    return exchanges;
  }

  /** Remembers the send log, the limit and any block for the next execution of this user. */
  save(): void {
    try {
      saveState(this.ctx.stores, PACING, serialize(this.pacing), PACING_TTL_S);
    } catch {
      // Not remembering only costs a cautious start next time.
    }
  }
}
