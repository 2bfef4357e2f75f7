// Counting fakes for the use cases in src/app: a virtual clock, in-memory stores, and an in-memory
// MijnKlantportaal offer list behind the HttpClient port, counting every request. The e2e tests run
// the built bundle against the real double; these run the app modules directly, to pin down how
// many requests each step costs under each list behaviour the docs leave open.

import type {
  ApiRequest,
  ContinuationKind,
  Dialogs,
  ExpiringStore,
  HttpClient,
  KeyValueStore,
  Notifier,
  RunContext,
  Stores,
  Triggers,
} from "../../src/core/ports";
import type { Exchange } from "../../src/core/responses";

export interface FakeOffer {
  id: string;
  offerNumber: string;
  customerId: string;
  amount: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  rejectedAt: string | null;
}

export interface AccountOptions {
  order: "asc" | "desc";
  /** ignore: always 15 a page; honour: up to 100; refuse: 422 on any per_page. */
  perPage: "ignore" | "honour" | "refuse";
}

/** An account's offer list, oldest first internally, paged as Laravel's simple paginator does. */
export class FakeAccount implements HttpClient {
  readonly offers: FakeOffer[] = [];
  readonly requests: ApiRequest[] = [];
  /** Called before each list request is answered (to delete or add offers between page reads). */
  beforeList: ((page: number, nth: number) => void) | null = null;
  private listRequests = 0;

  constructor(readonly options: AccountOptions) {}

  /** `count` offers created one minute apart, the last one `endMs`. */
  seed(count: number, endMs: number, prefix = "OLD"): void {
    for (let i = 0; i < count; i++) this.add(`${prefix}-${i + 1}`, endMs - (count - 1 - i) * 60_000);
  }

  add(offerNumber: string, createdMs: number, customerId = "cst_a"): FakeOffer {
    const offer: FakeOffer = {
      id: `off_${this.offers.length + 1}_${offerNumber}`,
      offerNumber,
      customerId,
      amount: "12.10",
      createdAt: new Date(createdMs).toISOString().replace(".000Z", "+00:00"),
      expiresAt: "2027-01-31",
      acceptedAt: null,
      rejectedAt: null,
    };
    this.offers.push(offer);
    return offer;
  }

  get listRequestCount(): number {
    return this.listRequests;
  }

  send(requests: readonly ApiRequest[]): Exchange[] {
    return requests.map((r) => {
      this.requests.push(r);
      return this.answer(r);
    });
  }

  private answer(r: ApiRequest): Exchange {
    const m = /^\/customer-offers\?page=(\d+)(?:&per_page=(\d+))?$/.exec(r.path);
    if (r.method !== "get" || !m) return json(404, { message: "Not found" });
    this.listRequests++;
    const page = Number(m[1]);
    this.beforeList?.(page, this.listRequests);
    if (m[2] !== undefined && this.options.perPage === "refuse") {
      return json(422, {
        message: "The per page field is not allowed.",
        errors: { per_page: ["not allowed"] },
      });
    }
    const size = m[2] !== undefined && this.options.perPage === "honour" ? Math.min(100, Number(m[2])) : 15;
    const ordered = this.options.order === "asc" ? this.offers : [...this.offers].reverse();
    const data = ordered.slice((page - 1) * size, page * size);
    const more = page * size < ordered.length;
    return json(200, {
      data,
      current_page: page,
      per_page: size,
      next_page_url: more ? `https://api.test/v1/customer-offers?page=${page + 1}` : null,
    });
  }
}

const json = (status: number, body: unknown): Exchange => ({
  kind: "response",
  status,
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(body),
});

export type MemoryStore = KeyValueStore & { map: Map<string, string> };
export type MemoryCache = ExpiringStore & { map: Map<string, string> };

/** Stores whose contents a test can read and set (the script store too, which runs only read). */
export interface FakeStores extends Stores {
  readonly document: MemoryStore;
  readonly user: MemoryStore;
  readonly script: MemoryStore;
  readonly userCache: MemoryCache;
  readonly documentCache: MemoryCache;
}

function memory(): MemoryStore {
  const map = new Map<string, string>();
  return {
    map,
    get: (k) => map.get(k) ?? null,
    set: (k, v) => void map.set(k, v),
    remove: (k) => void map.delete(k),
  };
}

function cache(): MemoryCache {
  const map = new Map<string, string>();
  return { map, get: (k) => map.get(k) ?? null, put: (k, v) => void map.set(k, v) };
}

export function fakeStores(): FakeStores {
  return { document: memory(), user: memory(), script: memory(), userCache: cache(), documentCache: cache() };
}

/** A clock that only moves when slept on. */
export function virtualClock(startMs: number) {
  let now = startMs;
  return {
    now: () => now,
    sleep: (ms: number) => {
      now += Math.max(0, ms);
    },
    random: () => 0.5,
  };
}

const unused = (what: string) =>
  new Proxy(
    {},
    {
      get(_t, name) {
        throw new Error(`${what}.${String(name)} is not used by this use case`);
      },
    },
  );

/**
 * A run context whose HTTP goes to `account`; services the test does not expect throw when used,
 * unless `more` gives them (a FakeTriggers, FakeDialogs, …).
 */
export function fakeContext(
  account: HttpClient,
  clock: ReturnType<typeof virtualClock>,
  stores: Stores = fakeStores(),
  more: Partial<RunContext> = {},
): RunContext {
  return {
    startedBy: "menu",
    startedAt: clock.now(),
    clock,
    stores,
    notifier: unused("notifier") as RunContext["notifier"],
    workbook: unused("workbook") as RunContext["workbook"],
    triggers: unused("triggers") as RunContext["triggers"],
    lock: unused("lock") as RunContext["lock"],
    mailer: unused("mailer") as RunContext["mailer"],
    dialogs: unused("dialogs") as RunContext["dialogs"],
    customers: unused("customers") as RunContext["customers"],
    userEmail: () => "seller@example.nl",
    http: () => account,
    ...more,
  };
}

/** A JSON answer as the shell hands it over. */
export function answer(status: number, body: unknown, headers: Record<string, string> = {}): Exchange {
  return {
    kind: "response",
    status,
    headers: { "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  };
}

/** An HttpClient that answers each request with `respond`, recording requests, round trips and times. */
export class ScriptedHttp implements HttpClient {
  readonly requests: ApiRequest[] = [];
  /** Requests per round trip, in order. */
  readonly trips: number[] = [];
  /** When each request went out (the clock's time at its round trip). */
  readonly sentAt: number[] = [];

  constructor(
    private readonly respond: (request: ApiRequest, nth: number) => Exchange,
    private readonly clock: { now(): number } = { now: () => 0 },
  ) {}

  send(requests: readonly ApiRequest[]): Exchange[] {
    this.trips.push(requests.length);
    return requests.map((r) => {
      this.requests.push(r);
      this.sentAt.push(this.clock.now());
      return this.respond(r, this.requests.length);
    });
  }
}

/**
 * A server with a rolling rate limit of `limit` requests per `windowMs`: it answers 200 with
 * X-RateLimit headers while within it, and 429 with retry-after (seconds until a slot frees) beyond.
 */
export class RateLimitedServer implements HttpClient {
  readonly accepted: number[] = [];
  tooMany = 0;
  requests = 0;

  constructor(
    private readonly clock: { now(): number },
    readonly limit = 60,
    readonly windowMs = 60_000,
  ) {}

  send(requests: readonly ApiRequest[]): Exchange[] {
    return requests.map(() => {
      this.requests++;
      const now = this.clock.now();
      const inWindow = this.accepted.filter((t) => t > now - this.windowMs);
      if (inWindow.length >= this.limit) {
        this.tooMany++;
        const oldest = inWindow[0] ?? now;
        const seconds = Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
        return answer(
          429,
          { message: "Too Many Attempts." },
          {
            "Retry-After": String(seconds),
            "X-RateLimit-Limit": String(this.limit),
            "X-RateLimit-Remaining": "0",
          },
        );
      }
      this.accepted.push(now);
      return answer(
        200,
        { data: [] },
        {
          "X-RateLimit-Limit": String(this.limit),
          "X-RateLimit-Remaining": String(this.limit - inWindow.length - 1),
        },
      );
    });
  }
}

/** Triggers that record each call; `hourly` is whether this user's hourly trigger exists. */
export class FakeTriggers implements Triggers {
  readonly calls: string[] = [];
  hourly = false;
  continuation: { atMs: number; kind: ContinuationKind } | null = null;

  scheduleContinuation(atMs: number, _nowMs: number, kind: ContinuationKind, progress: boolean): number {
    this.calls.push(`scheduleContinuation ${kind} ${progress}`);
    this.continuation = { atMs, kind };
    return atMs;
  }
  clearContinuations(): void {
    this.calls.push("clearContinuations");
    this.continuation = null;
  }
  continuationKind(): ContinuationKind | null {
    return this.continuation?.kind ?? null;
  }
  hourlyOn(): boolean {
    return this.hourly;
  }
  installHourly(): "installed" | "already" {
    this.calls.push("installHourly");
    if (this.hourly) return "already";
    this.hourly = true;
    return "installed";
  }
  removeAll(): number {
    this.calls.push("removeAll");
    const n = (this.hourly ? 1 : 0) + (this.continuation ? 1 : 0);
    this.hourly = false;
    this.continuation = null;
    return n;
  }
}

/** Dialogs whose confirm answers from a queue (and records what was asked). */
export class FakeDialogs implements Dialogs {
  readonly asked: { title: string; question: string }[] = [];
  readonly shown: { file: string; fill: Readonly<Record<string, string>>; title: string }[] = [];

  constructor(private readonly answers: boolean[] = []) {}

  showHtmlDialog(file: string, fill: Readonly<Record<string, string>>, title: string): void {
    this.shown.push({ file, fill, title });
  }
  showSidebar(file: string, fill: Readonly<Record<string, string>>, title: string): void {
    this.shown.push({ file, fill, title });
  }
  confirm(title: string, question: string): boolean {
    this.asked.push({ title, question });
    const a = this.answers.shift();
    if (a === undefined) throw new Error(`an unexpected question: ${question}`);
    return a;
  }
}

/** A notifier that records what the user was told. */
export class FakeNotifier implements Notifier {
  readonly told: { kind: "progress" | "done" | "problem"; message: string }[] = [];
  progress(message: string): void {
    this.told.push({ kind: "progress", message });
  }
  done(message: string): void {
    this.told.push({ kind: "done", message });
  }
  problem(message: string): void {
    this.told.push({ kind: "problem", message });
  }
}
