import {
  batchSize,
  COUNTED_MS,
  initialPacing,
  limitedUntil,
  MAX_BLOCK_MS,
  MAX_LIMIT,
  nextRoomAt,
  type PacingAnswer,
  type PacingState,
  parseHttpDate,
  parsePacing,
  recordAnswer,
  recordSends,
  room,
  serialize,
} from "../../src/core/rate-pacing";

// ---- A small rate-limited server, in the three readings of the docs -------------------------------

type Model = "rolling" | "calendar" | "anchored";

/** Counts accepted requests as the API might: a rolling 60 s log, calendar minutes, or a Laravel-style
 * window that starts at its first request. 429s are not counted (as Laravel does). */
class FakeServer {
  private accepted: number[] = [];
  private anchor: number | null = null;
  private inAnchor = 0;
  constructor(
    private readonly model: Model,
    private readonly limit: number,
  ) {}

  hit(t: number): PacingAnswer {
    const { used, resetAt } = this.usage(t);
    if (used >= this.limit) {
      return {
        status: 429,
        headers: {
          "Retry-After": String(Math.ceil((resetAt - t) / 1000)),
          "X-RateLimit-Reset": String(Math.ceil(resetAt / 1000)),
          "X-RateLimit-Limit": String(this.limit),
          "X-RateLimit-Remaining": "0",
        },
      };
    }
    this.accepted.push(t);
    if (this.model === "anchored") this.inAnchor++;
    return {
      status: 201,
      headers: {
        "X-RateLimit-Limit": String(this.limit),
        "X-RateLimit-Remaining": String(this.limit - used - 1),
      },
    };
  }

  private usage(t: number): { used: number; resetAt: number } {
    if (this.model === "rolling") {
      const inWindow = this.accepted.filter((a) => a > t - 60_000);
      return { used: inWindow.length, resetAt: (inWindow[0] ?? t) + 60_000 };
    }
    if (this.model === "calendar") {
      const w = Math.floor(t / 60_000);
      const used = this.accepted.filter((a) => Math.floor(a / 60_000) === w).length;
      return { used, resetAt: (w + 1) * 60_000 };
    }
    if (this.anchor === null || t >= this.anchor + 60_000) {
      this.anchor = t;
      this.inAnchor = 0;
    }
    return { used: this.inAnchor, resetAt: this.anchor + 60_000 };
  }
}

interface Drive {
  model: Model;
  limit: number;
  n: number;
  start: number;
  /** Another client on the same key, one request every so many ms. */
  otherEveryMs?: number;
  maxBatch?: number;
}

/** Sends n requests in fetchAll batches, paced by the model, on a virtual clock; the state goes
 * through serialize/parsePacing between batches, as it does between executions. */
function drive(d: Drive) {
  const server = new FakeServer(d.model, d.limit);
  let state = initialPacing();
  let now = d.start;
  let done = 0;
  let ours429 = 0;
  let lastEnd = d.start;
  let nextOther = d.otherEveryMs ? d.start - 60_000 : Number.POSITIVE_INFINITY;
  const otherUpTo = (t: number) => {
    for (; nextOther <= t; nextOther += d.otherEveryMs ?? 1) server.hit(nextOther);
  };
  for (let guard = 0; done < d.n; guard++) {
    if (guard > 10_000) throw new Error("no progress");
    const size = batchSize(state, now, d.n - done, d.maxBatch ?? 100);
    if (size === 0) {
      const at = nextRoomAt(state, now);
      expect(at).toBeGreaterThan(now);
      now = at;
      continue;
    }
    // The requests of one fetchAll reach the server over some hundreds of ms; it returns after all.
    const answers: PacingAnswer[] = [];
    for (let i = 0; i < size; i++) {
      const arrival = now + 120 + i * 3;
      otherUpTo(arrival);
      answers.push(server.hit(arrival));
    }
    const end = now + 120 + size * 3 + 400;
    otherUpTo(end);
    state = recordSends(state, size, end);
    for (const a of answers) {
      state = recordAnswer(state, a, end);
      if (a.status === 429) ours429++;
      else done++;
    }
    state = parsePacing(serialize(state), end);
    lastEnd = end;
    now = end + 15;
  }
  return { ours429, elapsedMs: lastEnd - d.start };
}

const T0 = Date.UTC(2025, 3, 14, 9, 0, 0);

describe("pacing against a simulated server", () => {
  test.each([
    ["rolling", 60, T0],
    ["rolling", 60, T0 + 59_500],
    ["calendar", 60, T0],
    ["calendar", 60, T0 + 59_500],
    ["calendar", 60, T0 + 30_000],
    ["anchored", 60, T0 + 12_345],
    ["rolling", 10, T0 + 1_000],
    ["calendar", 10, T0 + 58_000],
    ["anchored", 10, T0],
    ["rolling", 600, T0],
    ["calendar", 600, T0 + 59_900],
    ["anchored", 600, T0],
  ] as const)(
    "%s windows, limit %d, start %d: 240 requests, no 429, at most 1.05 × n/limit minutes",
    (model, limit, start) => {
      const r = drive({ model, limit, n: 240, start });
      expect(r.ours429).toBe(0);
      expect(r.elapsedMs).toBeLessThanOrEqual(1.05 * (240 / limit) * 60_000);
    },
  );

  test.each([
    ["rolling", T0 + 7_000],
    ["calendar", T0 + 7_000],
    ["anchored", T0 + 7_000],
  ] as const)("%s windows, another client using 30/min: we take about what is left", (model, start) => {
    const r = drive({ model, limit: 60, n: 240, start, otherEveryMs: 2_000 });
    // Another client can always take a slot between our reading and our request; what remains
    // lets a rare request of ours meet a 429, which is then waited out.
    expect(r.ours429).toBeLessThanOrEqual(6);
    // 240 requests at the ~30/min the other client leaves: about 8 minutes, not much more.
    expect(r.elapsedMs).toBeLessThanOrEqual(10 * 60_000);
  });

  test("the same without the others rung would run into many 429s (why it exists)", () => {
    // The other client's use seen in the last answer: remaining 0 while only 30 were ours.
    let s = recordSends(initialPacing(), 30, T0);
    s = recordAnswer(s, answer(201, { "x-ratelimit-limit": "60", "x-ratelimit-remaining": "0" }), T0);
    // One window later our own 30 have aged out, but the other client's 30 a minute go on.
    expect(room(s, T0 + COUNTED_MS)).toBe(30);
  });
});

// ---- The rungs one by one ----------------------------------------------------------------------

const answer = (status: number, headers: Record<string, string> = {}): PacingAnswer => ({ status, headers });
const ok = (limit: number, remaining: number) =>
  answer(201, { "X-RateLimit-Limit": String(limit), "X-RateLimit-Remaining": String(remaining) });
/** A state after one answered batch of `sent` requests at T0. */
const afterBatch = (sent: number, a: PacingAnswer, at = T0): PacingState =>
  recordAnswer(recordSends(initialPacing(), sent, at), a, at);

describe("room and nextRoomAt", () => {
  test.each([
    ["nothing known: one request finds out the limit", initialPacing(), T0, 1, T0],
    ["limit 60 learned, 1 sent, 59 left", afterBatch(1, ok(60, 59)), T0 + 10, 59, T0 + 10],
    ["limit 10 learned", afterBatch(1, ok(10, 9)), T0 + 10, 9, T0 + 10],
    ["limit 600 learned", afterBatch(1, ok(600, 599)), T0 + 10, 599, T0 + 10],
    [
      "all 60 ours in the window: wait until they age out",
      afterBatch(60, ok(60, 0)),
      T0 + 5_000,
      0,
      T0 + COUNTED_MS,
    ],
    ["a window later, all of it again", afterBatch(60, ok(60, 0)), T0 + COUNTED_MS, 60, T0 + COUNTED_MS],
    [
      "another client: remaining 20 while we sent 10 → 20, not 50",
      afterBatch(10, ok(60, 20)),
      T0 + 1_000,
      20,
      T0 + 1_000,
    ],
    [
      "…after a window the others' 30 are assumed to go on",
      afterBatch(10, ok(60, 20)),
      T0 + COUNTED_MS,
      30,
      T0 + COUNTED_MS,
    ],
    ["…and forgotten after 10 minutes", afterBatch(10, ok(60, 20)), T0 + 600_000, 60, T0 + 600_000],
    [
      "remaining 0 from another client's use: until it can have reset",
      afterBatch(1, ok(60, 0)),
      T0 + 30_000,
      0,
      T0 + COUNTED_MS,
    ],
    ["answer without rate headers: the documented 60", afterBatch(1, answer(201)), T0 + 10, 59, T0 + 10],
    [
      "header names in any case, list values",
      afterBatch(1, answer(200, { "X-RATELIMIT-LIMIT": "10", "x-ratelimit-remaining": ["4", "3"] } as never)),
      T0 + 10,
      4,
      T0 + 10,
    ],
    [
      "garbage header values are ignored",
      afterBatch(1, answer(200, { "x-ratelimit-limit": "lots" })),
      T0,
      59,
      T0,
    ],
    ["a limit above MAX_LIMIT is held at it", afterBatch(1, ok(50_000, 49_999)), T0, MAX_LIMIT - 1, T0],
  ])("%s", (_name, state, now, expectedRoom, expectedAt) => {
    expect(room(state, now)).toBe(expectedRoom);
    expect(nextRoomAt(state, now)).toBe(expectedAt);
  });

  test("our sends since the last remaining count down from it", () => {
    let s = afterBatch(1, ok(60, 40)); // 19 used by someone else
    s = recordSends(s, 15, T0 + 2_000);
    expect(room(s, T0 + 3_000)).toBe(25);
    expect(batchSize(s, T0 + 3_000, 100, 10)).toBe(10);
    expect(batchSize(s, T0 + 3_000, 7, 10)).toBe(7);
  });

  test("a batch's answers may be recorded before its sends: same result", () => {
    const answers = [ok(60, 57), ok(60, 55), ok(60, 56)];
    const base = afterBatch(1, ok(60, 59), T0 - 5_000);
    let sendsFirst = recordSends(base, 3, T0);
    let answersFirst = base;
    for (const a of answers) {
      sendsFirst = recordAnswer(sendsFirst, a, T0);
      answersFirst = recordAnswer(answersFirst, a, T0);
    }
    answersFirst = recordSends(answersFirst, 3, T0);
    for (const t of [T0 + 1, T0 + 56_000, T0 + COUNTED_MS, T0 + 120_000]) {
      expect(room(answersFirst, t)).toBe(room(sendsFirst, t));
    }
    expect(room(sendsFirst, T0 + 1)).toBe(55);
  });
});

describe("after a 429", () => {
  const now = Date.UTC(2015, 9, 21, 7, 27, 30);
  test.each([
    ["retry-after in seconds", { "Retry-After": "7" }, now + 8_000],
    ["retry-after with a fraction", { "retry-after": "1.5" }, now + 2_500],
    ["retry-after as an IMF-fixdate", { "retry-after": "Wed, 21 Oct 2015 07:28:00 GMT" }, now + 31_000],
    ["retry-after as an RFC 850 date", { "retry-after": "Wednesday, 21-Oct-15 07:28:00 GMT" }, now + 31_000],
    ["retry-after as an asctime date", { "retry-after": "Wed Oct 21 07:28:00 2015" }, now + 31_000],
    [
      "retry-after in the past (clocks differ)",
      { "retry-after": "Wed, 21 Oct 2015 07:00:00 GMT" },
      now + 1_000,
    ],
    ["only x-ratelimit-reset (UNIX seconds)", { "x-ratelimit-reset": String(now / 1000 + 20) }, now + 21_000],
    ["x-ratelimit-reset as seconds from now", { "x-ratelimit-reset": "20" }, now + 21_000],
    ["retry-after garbage, reset used", { "retry-after": "soon", "x-ratelimit-reset": "20" }, now + 21_000],
    ["no header at all: a window", {}, now + COUNTED_MS],
    ["an absurd retry-after is bounded", { "retry-after": "999999" }, now + MAX_BLOCK_MS],
  ])("%s", (_name, headers, expectedAt) => {
    const s = recordAnswer(afterBatch(1, ok(60, 59), now - 1_000), answer(429, headers), now);
    expect(room(s, now)).toBe(0);
    expect(room(s, expectedAt - 1)).toBe(0);
    expect(nextRoomAt(s, now)).toBe(expectedAt);
    // After the wait one request finds out where we stand; its answer opens the rest.
    expect(room(s, expectedAt)).toBe(1);
    const probed = recordAnswer(recordSends(s, 1, expectedAt + 300), ok(60, 40), expectedAt + 300);
    expect(room(probed, expectedAt + 400)).toBe(40);
  });

  test.each([
    ["seconds", { "Retry-After": "90" }, now + 91_000],
    ["an HTTP date", { "retry-after": "Wed, 21 Oct 2015 07:28:00 GMT" }, now + 31_000],
  ])("a 503 with retry-after in %s: no request before it, then the room as it was", (_n, headers, at) => {
    const before = afterBatch(1, ok(60, 59), now - 1_000);
    const s = recordAnswer(before, answer(503, headers), now);
    expect(room(s, at - 1)).toBe(0);
    expect(nextRoomAt(s, now)).toBe(at);
    expect(room(s, at)).toBe(room(before, at));
    expect(room(s, at)).toBeGreaterThan(0);
  });

  test.each([
    ["no retry-after", {}],
    ["only x-ratelimit-reset", { "x-ratelimit-reset": "30" }],
    ["a retry-after in the past", { "retry-after": "Wed, 21 Oct 2015 07:00:00 GMT" }],
  ])("a 503 with %s blocks nothing", (_n, headers) => {
    const s = recordAnswer(afterBatch(1, ok(60, 59), now - 1_000), answer(503, headers), now);
    expect(room(s, now)).toBe(59);
  });

  test("a 200 in the same batch as the 429 does not end the probing", () => {
    let s = recordSends(afterBatch(1, ok(60, 59), T0 - 1_000), 5, T0);
    s = recordAnswer(s, ok(60, 3), T0);
    s = recordAnswer(s, answer(429, { "retry-after": "2" }), T0);
    s = recordAnswer(s, ok(60, 2), T0);
    expect(room(s, T0 + 3_000)).toBe(1);
  });

  test("a non-HTTP status (no answer) teaches nothing", () => {
    const s = initialPacing();
    expect(recordAnswer(s, answer(0), T0)).toEqual(s);
  });
});

describe("clock going backwards and bad state", () => {
  test.each([
    ["sends an hour in the future", { ...initialPacing(), unsureSince: null, sends: [T0 + 3_600_000] }],
    ["blocked for a day", { ...initialPacing(), unsureSince: null, blockedUntil: T0 + 86_400_000 }],
    [
      "a remaining seen an hour in the future",
      { ...initialPacing(), unsureSince: null, lastRemaining: { value: 0, at: T0 + 3_600_000, ours: 0 } },
    ],
    ["unsure since the future", { ...initialPacing(), unsureSince: T0 + 3_600_000 }],
  ] as [string, PacingState][])("%s: never stuck for long", (_name, stored) => {
    const state = parsePacing(serialize(stored), T0);
    const at = nextRoomAt(state, T0);
    expect(at).toBeGreaterThanOrEqual(T0);
    expect(at).toBeLessThanOrEqual(T0 + MAX_BLOCK_MS);
    expect(room(state, at)).toBeGreaterThan(0);
  });

  test.each([
    [""],
    ["null"],
    ["{"],
    ["[]"],
    ['"x"'],
    ['{"v":2,"l":60,"s":[]}'],
    ['{"v":1,"l":"60","s":[]}'],
    ['{"v":1,"l":0,"s":[]}'],
    ['{"v":1,"l":60,"s":{}}'],
    [`{"v":1,"l":60,"s":[${"1,".repeat(60_000)}1]}`],
  ])("garbage %#: the initial state", (text) => {
    expect(parsePacing(text, T0)).toEqual(initialPacing());
  });

  test("bad fields are dropped one by one", () => {
    const s = parsePacing('{"v":1,"l":60,"s":[5,"x",null,-1,3,1e400],"r":[1,2],"b":"soon","u":"?"}', 10);
    expect(s).toEqual({ sends: [3, 5], limit: 60, lastRemaining: null, blockedUntil: null, unsureSince: 0 });
    expect(parsePacing(null, T0)).toEqual(initialPacing());
  });
});

describe("serialize and parsePacing", () => {
  test.each([
    ["initial", initialPacing()],
    ["after a batch", afterBatch(20, ok(60, 35))],
    ["after a 429", recordAnswer(afterBatch(5, ok(10, 0)), answer(429, { "retry-after": "30" }), T0 + 1)],
  ])("%s: round trip", (_name, s) => {
    expect(parsePacing(serialize(s), T0 + 2)).toEqual(s);
  });

  test("bounded: at most `limit` timestamps, well under CacheService's 100 KB", () => {
    let s = afterBatch(1, ok(MAX_LIMIT, MAX_LIMIT - 1));
    for (let i = 0; i < 10; i++) s = recordSends(s, 900, T0 + i);
    expect(s.sends.length).toBe(MAX_LIMIT);
    expect(serialize(s).length).toBeLessThan(20_000);
    const small = recordSends(afterBatch(1, ok(10, 9)), 500, T0 + 5);
    expect(small.sends.length).toBe(10);
  });
});

describe("limitedUntil and parseHttpDate", () => {
  const now = Date.UTC(2025, 0, 1);
  test.each([
    ["Sun, 06 Nov 1994 08:49:37 GMT", Date.UTC(1994, 10, 6, 8, 49, 37)],
    ["sun, 06 nov 1994 08:49:37 gmt", Date.UTC(1994, 10, 6, 8, 49, 37)],
    ["Sunday, 06-Nov-94 08:49:37 GMT", Date.UTC(1994, 10, 6, 8, 49, 37)],
    ["Thursday, 01-Jan-26 00:00:00 GMT", Date.UTC(2026, 0, 1)],
    ["Sun Nov  6 08:49:37 1994", Date.UTC(1994, 10, 6, 8, 49, 37)],
    ["Sun, 31 Feb 1994 08:49:37 GMT", null],
    ["Sun, 06 Nov 1994 25:49:37 GMT", null],
    ["Sun, 06 Foo 1994 08:49:37 GMT", null],
    ["2025-01-01T00:00:00Z", null],
    ["", null],
  ])("%s", (text, expected) => {
    expect(parseHttpDate(text, now)).toBe(expected);
  });

  test.each([
    [{ "retry-after": "0" }, now],
    [{ "retry-after": " 12 " }, now + 12_000],
    [{ "retry-after": "-5" }, null],
    [{ "x-ratelimit-reset": String(now) }, now],
    [{ "x-ratelimit-reset": "abc" }, null],
    [{}, null],
    // Retry-After says "now" (0, a past date) from an answer that refused us: a later reset wins.
    [{ "retry-after": "0", "x-ratelimit-reset": String(now / 1000 + 60) }, now + 60_000],
    [
      { "retry-after": "Sun, 06 Nov 1994 08:49:37 GMT", "x-ratelimit-reset": String(now / 1000 + 60) },
      now + 60_000,
    ],
    [{ "retry-after": "0", "x-ratelimit-reset": String(now / 1000 - 60) }, now],
    // A real wait is the server's word, whatever the reset says.
    [{ "retry-after": "30", "x-ratelimit-reset": String(now / 1000 + 60) }, now + 30_000],
  ])("limitedUntil %j", (headers, expected) => {
    expect(limitedUntil(headers, now)).toBe(expected);
  });
});
