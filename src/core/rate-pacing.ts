// One pacing model for the API's rate limit, safe under every reading of its documentation
// ("60 a minute, rolling", yet "reset at the next minute window"): how many requests may start now.

import { type Headers, header } from "./responses";

/** The documented limit (requests per minute per key), used until an answer names another. */
export const DOCUMENTED_LIMIT = 60;
export const WINDOW_MS = 60_000;
/**
 * Margin on every wait: a send counts against us for a window plus this. It covers the spread of
 * one fetchAll batch and clock steps between us and the server.
 */
export const SAFETY_MS = 1_000;
/** How long one of our requests counts against the limit. */
export const COUNTED_MS = WINDOW_MS + SAFETY_MS;
/** How long what other clients used (seen in the last answer) is assumed to go on. */
export const OTHERS_MEMORY_MS = 10 * WINDOW_MS;
/** Longest block after a 429, whatever the server (or a stale state) says; a new 429 blocks again. */
export const MAX_BLOCK_MS = 15 * WINDOW_MS;
/** Largest limit we believe: it bounds the state (one timestamp per request in a window). */
export const MAX_LIMIT = 1_000;

/** The last X-RateLimit-Remaining seen. */
export interface RemainingSeen {
  readonly value: number;
  /** When it was recorded (epoch ms): the time the batch carrying it returned. */
  readonly at: number;
  /** Our own requests in the window it counts (sent up to `at`): the rest were other clients'. */
  readonly ours: number;
}

export interface PacingState {
  /** When our own requests went out (epoch ms, ascending): those still counted, at most `limit`. */
  readonly sends: readonly number[];
  /** Requests per window, from X-RateLimit-Limit (documented 60 until an answer says otherwise). */
  readonly limit: number;
  readonly lastRemaining: RemainingSeen | null;
  /** After a 429: no request before this (epoch ms). */
  readonly blockedUntil: number | null;
  /**
   * Set while we do not know what the server will take — no answer yet, or a 429 since `unsureSince`:
   * one request at a time until an answer recorded later than this.
   */
  readonly unsureSince: number | null;
}

export interface PacingAnswer {
  readonly status: number;
  readonly headers: Headers;
}

export const initialPacing = (): PacingState => ({
  sends: [],
  limit: DOCUMENTED_LIMIT,
  lastRemaining: null,
  blockedUntil: null,
  unsureSince: 0,
});

/**
 * The state as it stands at `now`: expired facts dropped, and facts from a clock that has gone
 * backwards made harmless (never a block longer than MAX_BLOCK_MS, never a send "from the future"
 * that would count for more than two windows).
 */
function settle(state: PacingState, now: number): PacingState {
  const sends = state.sends
    .map((s) => (s > now + COUNTED_MS ? now : s))
    .filter((s) => s > now - COUNTED_MS)
    .sort((a, b) => a - b)
    .slice(-state.limit);
  let seen = state.lastRemaining;
  if (seen && seen.at > now + COUNTED_MS) seen = { ...seen, at: now };
  if (seen && now >= seen.at + OTHERS_MEMORY_MS) seen = null;
  let blockedUntil = state.blockedUntil;
  if (blockedUntil !== null && blockedUntil <= now) blockedUntil = null;
  if (blockedUntil !== null) blockedUntil = Math.min(blockedUntil, now + MAX_BLOCK_MS);
  const unsureSince = state.unsureSince === null ? null : Math.min(state.unsureSince, now);
  return { sends, limit: state.limit, lastRemaining: seen, blockedUntil, unsureSince };
}

const countIn = (sends: readonly number[], from: number, to: number): number =>
  sends.reduce((n, s) => (s > from && s <= to ? n + 1 : n), 0);

/** Requests that may start now. Each rung alone keeps a case safe; the answer is the smallest. */
export function room(state: PacingState, now: number): number {
  const s = settle(state, now);
  // After a 429 the server's own time (retry-after / x-ratelimit-reset) is authoritative.
  if (s.blockedUntil !== null) return 0;
  // Never more than `limit` of our own requests in any window. Any calendar minute, or a window
  // anchored at its first request, is a window too, so this holds under every reading of the docs.
  const ours = s.sends.filter((t) => t > now - COUNTED_MS).length;
  let allowed = s.limit - ours;
  const seen = s.lastRemaining;
  if (seen) {
    // The server's remaining includes other clients using the key. Our sends since it was seen count
    // down from it. It binds for one window: by then a calendar window has reset, and a rolling one
    // has let go of every request it counted.
    if (now < seen.at + COUNTED_MS) {
      allowed = Math.min(allowed, seen.value - countIn(s.sends, seen.at, Number.POSITIVE_INFINITY));
    }
    // What other clients used in that window is assumed to go on for a while, so that the moment the
    // remaining stops binding is not met with a full batch. Alone, this is 0 and costs nothing.
    const others = Math.max(0, s.limit - seen.value - seen.ours);
    allowed = Math.min(allowed, s.limit - others - ours);
  }
  // Until an answer tells us the limit (it may be 10), and after a 429, one request finds out.
  if (s.unsureSince !== null) allowed = Math.min(allowed, 1);
  return Math.max(0, allowed);
}

/** When at least one request may start (now, or later): for a sleep or a continuation trigger. */
export function nextRoomAt(state: PacingState, now: number): number {
  const s = settle(state, now);
  // room() only grows with time between records, and only at these moments.
  const moments = [now, ...s.sends.map((t) => t + COUNTED_MS)];
  if (s.blockedUntil !== null) moments.push(s.blockedUntil);
  if (s.lastRemaining) moments.push(s.lastRemaining.at + COUNTED_MS, s.lastRemaining.at + OTHERS_MEMORY_MS);
  const sorted = moments.filter((t) => t >= now).sort((a, b) => a - b);
  for (const t of sorted) if (room(s, t) > 0) return t;
  return now + OTHERS_MEMORY_MS; // not reached: at the last moment every rung has let go
}

/** How many of `wanted` requests the next batch (one fetchAll) may hold. */
export function batchSize(state: PacingState, now: number, wanted: number, maxBatch: number): number {
  const n = Math.min(room(state, now), Math.floor(wanted), Math.floor(maxBatch));
  return Number.isFinite(n) ? Math.max(0, n) : 0;
}

/**
 * `count` requests went out. Record them with the time the batch returned (never earlier than when
 * the server counted them), and record that batch's answers with the same `now`.
 */
export function recordSends(state: PacingState, count: number, now: number): PacingState {
  const s = settle(state, now);
  const n = Math.max(0, Math.min(Math.floor(Number.isFinite(count) ? count : 0), MAX_LIMIT));
  const seen = s.lastRemaining;
  return {
    ...s,
    sends: [...s.sends, ...new Array<number>(n).fill(now)].slice(-s.limit),
    // Answers of this batch may have been recorded first: the server had counted these sends.
    lastRemaining: seen && now <= seen.at ? { ...seen, ours: seen.ours + n } : seen,
  };
}

/** One answer's lesson: the limit, what is left, and after a 429 (or a 503 saying so) how long to keep away. */
export function recordAnswer(state: PacingState, answer: PacingAnswer, now: number): PacingState {
  let s = settle(state, now);
  if (!(answer.status >= 100 && answer.status <= 599)) return s;
  const limit = leadingInt(header(answer.headers, "x-ratelimit-limit"));
  if (limit !== null && limit >= 1) s = { ...s, limit: Math.min(limit, MAX_LIMIT) };
  if (answer.status === 429) {
    // No date from the server: a window from now is enough under every reading.
    const until = limitedUntil(answer.headers, now) ?? now + WINDOW_MS;
    const blocked = Math.min(Math.max(until, now) + SAFETY_MS, now + MAX_BLOCK_MS);
    // Its remaining (surely 0) is superseded by the server's time; after it, one request probes.
    return { ...s, blockedUntil: Math.max(blocked, s.blockedUntil ?? 0), unsureSince: now };
  }
  // A 503 that says when to come back (Retry-After only): the key keeps away that long too.
  const back = answer.status === 503 ? header(answer.headers, "retry-after") : null;
  const backAt = back === null ? null : limitedUntil({ "retry-after": back }, now);
  if (backAt !== null && backAt > now) {
    const blocked = Math.min(backAt + SAFETY_MS, now + MAX_BLOCK_MS);
    s = { ...s, blockedUntil: Math.max(blocked, s.blockedUntil ?? 0) };
  }
  const unsureSince = s.unsureSince !== null && now > s.unsureSince ? null : s.unsureSince;
  const remaining = leadingInt(header(answer.headers, "x-ratelimit-remaining"));
  if (remaining === null) return { ...s, unsureSince };
  const value = Math.min(remaining, s.limit);
  const prev = s.lastRemaining;
  // Answers of one batch share `now`; the lowest is the server's latest count.
  const lastRemaining =
    prev && prev.at === now
      ? { ...prev, value: Math.min(prev.value, value) }
      : { value, at: now, ours: countIn(s.sends, now - COUNTED_MS, now) };
  return { ...s, unsureSince, lastRemaining };
}

function leadingInt(text: string | null): number | null {
  const m = text === null ? null : /^\s*(\d{1,9})(?!\d)/.exec(text);
  return m ? Number(m[1]) : null;
}

/**
 * When a 429 says we may come back (epoch ms): `retry-after` first, else `x-ratelimit-reset`. A
 * retry-after of 0 or a date past (come back now, from an answer that just refused us) gives way to
 * a reset that is later.
 */
export function limitedUntil(headers: Headers, now: number): number | null {
  const after = retryAfterAt(header(headers, "retry-after")?.trim() ?? "", now);
  if (after !== null && after > now) return after;
  const reset = resetAt(header(headers, "x-ratelimit-reset")?.trim() ?? "", now);
  return reset !== null && (after === null || reset > now) ? reset : after;
}

function retryAfterAt(after: string, now: number): number | null {
  if (/^\d{1,9}(\.\d+)?$/.test(after)) return now + Math.ceil(Number(after) * 1000);
  return parseHttpDate(after, now);
}

function resetAt(reset: string, now: number): number | null {
  if (!/^\d{1,15}$/.test(reset)) return null;
  const n = Number(reset);
  // UNIX seconds as documented; a small number can only be seconds from now, a huge one milliseconds.
  if (n < 1e9) return now + n * 1000;
  return n >= 1e12 ? n : n * 1000;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const DAY = "(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*";
const IMF = new RegExp(`^${DAY}, (\\d{2}) ([a-z]{3}) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) gmt$`);
const RFC850 = new RegExp(`^${DAY}, (\\d{2})-([a-z]{3})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) gmt$`);
const ASCTIME = new RegExp(`^${DAY} ([a-z]{3}) (\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{4})$`);

/**
 * An HTTP-date (RFC 9110 §5.6.7: IMF-fixdate, RFC 850, asctime) as epoch ms, or null. Parsed by
 * hand: Date.parse accepts far more than HTTP dates, differently per engine.
 */
export function parseHttpDate(text: string, now: number): number | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, " ");
  let m = IMF.exec(t);
  if (m) return utc(Number(m[3]), m[2], m[1], m[4], m[5], m[6]);
  m = RFC850.exec(t);
  if (m) {
    // A two-digit year more than 50 years ahead is the most recent past year with those digits.
    const nowYear = new Date(now).getUTCFullYear();
    let year = Math.floor(nowYear / 100) * 100 + Number(m[3]);
    if (year > nowYear + 50) year -= 100;
    return utc(year, m[2], m[1], m[4], m[5], m[6]);
  }
  m = ASCTIME.exec(t);
  if (m) return utc(Number(m[6]), m[1], m[2], m[3], m[4], m[5]);
  return null;
}

function utc(year: number, monthName = "", ...rest: (string | undefined)[]): number | null {
  const month = MONTHS.indexOf(monthName);
  const [day = -1, hour = -1, minute = -1, second = -1] = rest.map(Number);
  if (month < 0 || second < 0 || second > 60) return null;
  // A leap second (:60) is taken as :59.
  const ms = Date.UTC(year, month, day, hour, minute, Math.min(second, 59));
  // Refuse what Date.UTC would roll over (31 Feb, 25:00, minute 61).
  const back = new Date(ms);
  const same =
    back.getUTCFullYear() === year &&
    back.getUTCDate() === day &&
    back.getUTCHours() === hour &&
    back.getUTCMinutes() === minute;
  return same ? ms : null;
}

/** For CacheService: compact, at most `limit` timestamps (≤ MAX_LIMIT, about 15 KB). */
export function serialize(state: PacingState): string {
  const r = state.lastRemaining;
  return JSON.stringify({
    v: 1,
    l: state.limit,
    s: state.sends.slice(-state.limit),
    r: r ? [r.value, r.at, r.ours] : null,
    b: state.blockedUntil,
    u: state.unsureSince,
  });
}

/**
 * The state stored by serialize, as it stands at `now`; anything unreadable gives the cautious
 * initial state. Settling here makes what a clock step left behind (a send or a block far ahead)
 * into plain facts once, so that waiting for nextRoomAt then finds room.
 */
export function parsePacing(text: string | null | undefined, now: number): PacingState {
  const initial = initialPacing();
  if (typeof text !== "string" || text.length > 100_000) return initial;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return initial;
  }
  if (raw === null || typeof raw !== "object") return initial;
  const o = raw as Record<string, unknown>;
  if (o.v !== 1) return initial;
  const time = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0;
  const limit = Number.isInteger(o.l) && (o.l as number) >= 1 ? Math.min(o.l as number, MAX_LIMIT) : null;
  if (limit === null || !Array.isArray(o.s)) return initial;
  const sends = o.s
    .filter(time)
    .sort((a, b) => a - b)
    .slice(-limit);
  const r = Array.isArray(o.r) && o.r.length === 3 && o.r.every(time) ? (o.r as number[]) : null;
  const [value, at, ours] = r ?? [];
  return settle(
    {
      sends,
      limit,
      lastRemaining:
        value !== undefined && at !== undefined && ours !== undefined
          ? { value: Math.min(Math.floor(value), limit), at, ours: Math.floor(ours) }
          : null,
      blockedUntil: time(o.b) ? o.b : null,
      // An unreadable flag means unsure: one request finds out.
      unsureSince: o.u === null ? null : time(o.u) ? o.u : 0,
    },
    now,
  );
}
