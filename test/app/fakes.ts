// Counting fakes for the use cases in src/app: a virtual clock, in-memory stores, and an in-memory
// MijnKlantportaal offer list behind the HttpClient port, counting every request. The e2e tests run
// the built bundle against the real double; these run the app modules directly, to pin down how
// many requests each step costs under each list behaviour the docs leave open.

import type {
  ApiRequest,
  ExpiringStore,
  HttpClient,
  KeyValueStore,
  RunContext,
  Stores,
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

function memory(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get: (k) => map.get(k) ?? null,
    set: (k, v) => void map.set(k, v),
    remove: (k) => void map.delete(k),
  };
}

function cache(): ExpiringStore {
  const map = new Map<string, string>();
  return { get: (k) => map.get(k) ?? null, put: (k, v) => void map.set(k, v) };
}

export function fakeStores(): Stores {
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

/** A run context whose HTTP goes to `account`; services the test does not expect throw when used. */
export function fakeContext(
  account: FakeAccount,
  clock: ReturnType<typeof virtualClock>,
  stores: Stores = fakeStores(),
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
  };
}
