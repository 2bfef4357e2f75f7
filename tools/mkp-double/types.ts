// Types of the MijnKlantportaal (MKP) API double: its configuration, the API objects it serves, fault
// rules, list hooks, generators, rate-limit records, the request log, and the control operations
// (in-process MkpControl and over HTTP DoubleClient).

/** Behaviour switches; every field has a default (see DEFAULT_CONFIG in defaults.ts). */
export interface DoubleConfig {
  /** Bearer tokens accepted with full access. */
  apiKeys: string[];
  /** Bearer tokens accepted for GET only; POST/PATCH → 403. */
  readOnlyKeys: string[];
  /**
   * Token → granted scopes (offers.read, offers.write, customers.read, customers.write). A token listed here
   * is a known key even when it is not in apiKeys; a request needing a scope it lacks → 403. Tokens without
   * an entry have every scope.
   */
  keyScopes: Record<string, string[]>;
  /** Requests per token per window (documented default 60). */
  rateLimit: number;
  /** "calendar" (default): per calendar minute; "rolling": at most rateLimit in any 60 s sliding window. */
  rateWindow: "calendar" | "rolling";
  /** When false, no X-RateLimit-* / x-ratelimit-reset headers at all (default true). */
  rateHeaders: boolean;
  /** When false, a 429 of the limiter (or a rate-limit fault) has no retry-after header (default true). */
  retryAfterOn429: boolean;
  /** retry-after as delta seconds (default) or as the IMF-fixdate of the virtual time to retry at. */
  retryAfterFormat: "seconds" | "http-date";
  /**
   * Another client on every token at N requests a virtual minute, at times k·60000/N, counted in the same
   * window (it may use up the limit; its own requests are never refused). 0 = none (default).
   */
  otherClientPerMinute: number;
  /** When true, a request the limiter answers 429 also counts against the window (default false, as Laravel). */
  rateCountRefused: boolean;
  /** Status of a validation failure on create/patch (Laravel: 422). */
  validationErrorStatus: number;
  /** Status when customerId names no customer. */
  unknownCustomerStatus: 404 | 422;
  /** When true, a second offer with an existing offerNumber is refused with a validation error. */
  rejectDuplicateOfferNumbers: boolean;
  /** Success status of POST /customer-offers/manual. */
  createdStatus: 200 | 201;
  /** Success status of POST /customers. */
  customerCreatedStatus: 200 | 201;
  /** When true, expiresAt before issuedAt is a validation error. */
  enforceExpiryAfterIssue: boolean;
  /** When true, `amount` includes VAT (per line, rounded half-up to the cent). */
  amountIncludesVat: boolean;
  /** Page size of the lists (documented default 15). */
  perPage: number;
  /**
   * `per_page` on the lists: "ignore" (default), "honour" (capped at maxPerPage) or "refuse" (a 422 with
   * Laravel field errors whenever the parameter is present).
   */
  perPageMode: "ignore" | "honour" | "refuse";
  /** Alias kept for old callers: true = perPageMode "honour", false = "ignore" (when perPageMode is not given). */
  honourPerPage: boolean;
  maxPerPage: number;
  /**
   * Order of GET /customer-offers: creation order ascending or descending, or "id": sorted by id, an order
   * that has nothing to do with when the offers were made (a list without orderBy, random-string keys).
   */
  listOrder: "asc" | "desc" | "id";
  /** Order of GET /customers: creation (insertion) order ascending or descending. */
  customerListOrder: "asc" | "desc";
  /** When true, any well-shaped `cst_…` id is an existing customer. */
  acceptAnyCustomer: boolean;
  /** Odd answers to a seeded share of API requests (see fuzz.ts); null = off (default). */
  fuzz: FuzzConfig | null;
  /**
   * Envelope of the lists (see envelopes.ts): "simple" (default, Laravel simplePaginate as documented),
   * "length-aware" (Laravel paginate: adds total, last_page, last_page_url, links[]) or "resource" (a
   * Laravel API resource collection: only data, links {first,last,prev,next} and meta {…}).
   */
  listEnvelope: "simple" | "length-aware" | "resource";
  /** A list page past the end (page > 1, no items): 200 with empty data (default) or 404 Error_ApiError. */
  pastEndStatus: 200 | 404;
  /** When true, a full last page still has a next page URL (a paginator that does not look ahead). */
  nextOnFullLastPage: boolean;
  /**
   * How createdAt / acceptedAt / rejectedAt of offers are served (lists, GET, create answers): "atom" (default, as
   * documented), "utc-micro" (Laravel's default `2024-04-29T19:00:00.000000Z`), "no-offset" (Amsterdam wall
   * time `2024-04-29 21:00:00`) or "epoch" (a number of seconds).
   */
  timestampFormat: "atom" | "utc-micro" | "no-offset" | "epoch";
  /**
   * How `amount` of offers is served (undocumented beyond the example "12.95"): "dot" (default), "comma"
   * ("121,00", a Dutch decimal), "cents" (an integer number of cents, 12100) or "number" (121 as a JSON number).
   */
  amountFormat: "dot" | "comma" | "cents" | "number";
  /**
   * How offer ids are served (documented: always `off_…`): "off" (default), "plain" (the same id without
   * its prefix) or "number" (a JSON integer). Requests naming the id in the served form find the offer.
   */
  offerIdFormat: "off" | "plain" | "number";
  /**
   * How one offer is answered (create, GET and PATCH /customer-offers/…): "bare" (default, the CustomerOffer
   * object as documented) or "data" (wrapped as `{"data": {…}}`, as a Laravel API resource is).
   */
  offerEnvelope: "bare" | "data";
  /**
   * Field names of every served offer: "camel" (default, as documented) or "snake" (`offer_number`,
   * `customer_id`, `created_at`, …, as a Laravel model's toArray has them).
   */
  offerFieldCase: "camel" | "snake";
  /**
   * When true, every numeric string of a served offer is a JSON number, as PHP's JSON_NUMERIC_CHECK makes
   * it (`"2025001"` → 2025001, `"0042"` → 42, `"10.00"` → 10); default false.
   */
  jsonNumericCheck: boolean;
  /** Field names of every served customer: "camel" (default, as documented) or "snake" (`company_name`, …). */
  customerFieldCase: "camel" | "snake";
  /** Fields (documented names) left out of the offers of list pages, e.g. ["offerNumber"]; default none. */
  listOmitFields: string[];
  /**
   * The answer to an offerNumber already held, when rejectDuplicateOfferNumbers is on: "validation" (default,
   * a Laravel field error with validationErrorStatus), "conflict" (409 Error_ApiError), "conflict-with-id"
   * (409 naming the existing offer's id) or "existing" (200 with the existing offer, as firstOrCreate does).
   */
  duplicateAnswer: "validation" | "conflict" | "conflict-with-id" | "existing";
}

export interface FuzzConfig {
  /** PRNG seed: the same seed and request order give the same answers. */
  seed: number;
  /** Share (0..1) of eligible API requests answered oddly. */
  rate: number;
  /** Prefixes of the path after /v1 that are eligible (default: all routed API requests). */
  paths?: string[];
}

export interface OfferLine {
  description: string;
  amountExclVat: string;
  vatRate: number;
}

/** The CustomerOffer object exactly as the API returns it. */
export interface CustomerOffer {
  id: string;
  customerId: string;
  offerNumber: string;
  issuedAt: string;
  expiresAt: string;
  currency: string;
  amount: string;
  acceptedAt: string | null;
  acceptedViaIp: string | null;
  acceptedViaUserAgent: string | null;
  acceptanceSignature: string | null;
  rejectedAt: string | null;
  createdAt: string;
  links: { customer: { href: string; type: string } };
}

/** An offer as the double stores it: the API object plus what was received (not returned by the API). */
export interface StoredOffer extends CustomerOffer {
  lines: OfferLine[];
  /** The sendNotification flag as received; null when it was not sent. */
  sendNotification: boolean | null;
  /** "api" when created through POST /customer-offers/manual, "seed" when seeded. */
  source: "api" | "seed";
}

/**
 * A partial offer to seed. Missing fields are filled: id, customerId (cst_demo0001), offerNumber,
 * issuedAt (today), expiresAt (+30 days), amount (from lines, else "0.00"), createdAt (now), links.
 * Date-times may be given as ATOM, as "YYYY-mm-dd HH:mm:ss" (Amsterdam) or as epoch ms.
 */
export type OfferSeed = Partial<Omit<StoredOffer, "acceptedAt" | "rejectedAt" | "createdAt">> & {
  acceptedAt?: string | number | null;
  rejectedAt?: string | number | null;
  createdAt?: string | number;
};

/** Changes to a stored offer (control interface); date-times as for OfferSeed. */
export type OfferPatch = Omit<OfferSeed, "id">;

export interface Customer {
  id: string;
  companyName: string;
  address: string;
  zipCode: string;
  city: string;
  countryCode: string;
  primaryEmail: string;
  phone: string | null;
  integration: string | null;
  integrationId: string | null;
  customerGroups: string[];
  createdAt: string;
}

export interface FaultMatch {
  /** HTTP method, case-insensitive. */
  method?: string;
  /** Prefix of the path after /v1, e.g. "/customer-offers/manual". */
  path?: string;
  /** offerNumber of the JSON body (or of the offer a /customer-offers/{id} request names). */
  offerNumber?: string;
  /** companyName of the JSON body (or of the customer a /customers/{id} request names). */
  companyName?: string;
  /** primaryEmail, likewise; compared case-insensitively. */
  primaryEmail?: string;
}

export type Fault =
  | {
      kind: "status";
      status: number;
      body?: unknown;
      headers?: Record<string, string>;
      /** Sent byte for byte instead of `body` as JSON (e.g. PHP's `\/` escapes), with `headers` only. */
      rawBody?: string;
      /** Bytes sent instead of `body` (base64; e.g. Latin-1 text that is not UTF-8), with `headers` only. */
      rawBodyBase64?: string;
    }
  | { kind: "rate-limit"; retryAfterSeconds: number }
  | { kind: "timeout"; holdMs?: number }
  | { kind: "reset" }
  | { kind: "created-then-status"; status: number }
  | { kind: "created-then-timeout"; holdMs?: number }
  | { kind: "delay"; ms: number }
  /**
   * Answered normally, but the answer took this much virtual time (a number, or [min, max] picked per
   * request): sent as `X-Virtual-Elapsed-Ms`, which the local runtime's UrlFetchApp spends (the longest of
   * one fetchAll batch, as its requests run side by side; at or above its fetch timeout the call times out).
   */
  | { kind: "slow"; virtualMs: number | [number, number] }
  /**
   * The request is carried out (the offer or customer is created), then answered with its own body changed:
   * `prefix`/`suffix` around the JSON text (a BOM, trailing garbage), fields left out (`omit`) or replaced
   * (`patch`), or no body at all (`empty`); `status` replaces the success status; `{id}` in a header value
   * is the new object's id (a `Location` header).
   */
  | {
      kind: "created-then-answer";
      status?: number;
      prefix?: string;
      suffix?: string;
      omit?: string[];
      patch?: Record<string, unknown>;
      empty?: boolean;
      /** Replaces the whole body (an HTML page after the offer was made). */
      rawBody?: string;
      headers?: Record<string, string>;
    };

export type FaultKind = Fault["kind"];

export interface FaultRule {
  match?: FaultMatch;
  /** How many requests the fault hits; default 1; null (or Infinity in-process) = unlimited. */
  times?: number | null;
  /** Let the first N matching requests through before the fault starts. */
  skip?: number;
  fault: Fault;
}

/** A fault rule with its counters, as listed by the control interface. */
export interface ActiveFaultRule extends FaultRule {
  /** Matching requests seen while the rule was active (including skipped ones). */
  matched: number;
  /** Requests the fault was applied to. */
  fired: number;
}

export interface ReceivedRequest {
  seq: number;
  /** Virtual now (epoch ms) of the request. */
  at: number;
  method: string;
  /** Full path without query, e.g. "/v1/customer-offers/manual". */
  path: string;
  query: Record<string, string>;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** Parsed JSON, or the raw text when it is not JSON, or null when empty. */
  body: unknown;
  /** Status answered, or null when the request was never answered (timeout/reset faults). */
  status: number | null;
  fault?: FaultKind;
  /** Id of the offer this request created. */
  offerId?: string;
  /** Id of the customer this request created. */
  customerId?: string;
  /** Route template, e.g. "GET /customer-offers/{id}"; absent for unknown routes. */
  route?: string;
  /** The odd answer given in fuzz mode. */
  fuzz?: FuzzRecord;
}

export interface FuzzRecord {
  status: number;
  /** Body kind, e.g. "json-random", "truncated-json", "html", "huge", "empty", "binary", "token-echo:url". */
  body: string;
  contentType: string | null;
  /** POST creates only: whether the offer/customer was really created before the odd answer. */
  created?: boolean;
}

export interface DoubleStats {
  requests: number;
  byStatus: Record<string, number>;
  /** Requests per route template ("GET /customer-offers", "POST /customers", …; "unknown" for 404 routes). */
  byRoute: Record<string, number>;
  /** Requests per path as received (without query). */
  byPath: Record<string, number>;
  /** Requests answered 429 (limiter, faults and fuzz). */
  rateLimited: number;
  /** Requests that arrived before an earlier 429 to the same token said to retry (see rateViolations()). */
  rateViolations: number;
  /** GET /customer-offers and GET /customers requests. */
  listRequests: number;
  /** Offers created through the API (including created-then-* faults); seeds not counted. */
  offersCreated: number;
  /** Offer numbers held by more than one stored offer, sorted. */
  duplicateOfferNumbers: string[];
  /** Customers created through POST /customers. */
  customersCreated: number;
  /** primaryEmail values (lower case) held by more than one customer, sorted. */
  duplicateCustomerEmails: string[];
  /** Requests given an odd answer by fuzz mode. */
  fuzzed: number;
}

/** What a list hook does before the list request is answered. "oldest"/"newest" = by creation (insertion) order. */
export type ListHookAction =
  | { kind: "delete-offer"; target: string }
  | { kind: "add-offer"; offer?: OfferSeed }
  | { kind: "delete-customer"; target: string }
  | { kind: "add-customer"; customer?: Partial<Customer> }
  /** Changes the double's configuration (e.g. perPage, as a deploy in the middle of a walk would). */
  | { kind: "configure"; config: Partial<DoubleConfig> };

export interface ListHookRule {
  /** The list it watches: "/customer-offers" (default) or "/customers". */
  path?: "/customer-offers" | "/customers";
  /** Fire before answering the Nth list request to `path` (1-based, counted from when the rule was added). */
  request?: number;
  /** Fire before answering a list request for this page (page 1 when no page parameter). */
  page?: number;
  /** How many times the hook fires; default 1; null = unlimited. */
  times?: number | null;
  action: ListHookAction;
}

export interface ActiveListHook extends ListHookRule {
  /** List requests to `path` seen since the rule was added. */
  seen: number;
  fired: number;
  /** Ids deleted or added by each firing, in order. */
  affected: string[];
}

export interface GenerateOffersOptions {
  count: number;
  /** Default cst_demo0001; `customerIds` (round robin) wins when given. */
  customerId?: string;
  customerIds?: string[];
  /** offerNumber = numberPrefix + 1-based index zero-padded to 5 digits; default "GEN-". */
  numberPrefix?: string;
  /** Epoch ms of the first and the last offer's createdAt, spread evenly (defaults: now). */
  createdFrom?: number;
  createdTo?: number;
  /** Every Nth offer (N, 2N, …) is accepted one hour after its creation. */
  acceptedEvery?: number;
  /** Every Nth offer (N, 2N, …) not already accepted is rejected one hour after its creation. */
  rejectedEvery?: number;
  /** Lines of every offer (default one line of 100.00 at 21 %). */
  lines?: OfferLine[];
}

export interface GenerateCustomersOptions {
  count: number;
  /** id = "cst_" + idPrefix + index zero-padded to 6 digits; default "gen" (must be alphanumeric). */
  idPrefix?: string;
  /** companyName = companyPrefix + " " + index; default "Generated customer". */
  companyPrefix?: string;
  /** primaryEmail = "klant" + index + "@" + emailDomain; default "generated.example.nl". */
  emailDomain?: string;
  createdFrom?: number;
  createdTo?: number;
}

export interface Generated {
  count: number;
  /** Ids in creation order. */
  ids: string[];
}

/** A 429 answered to a token, with the virtual time until which it asked the client to wait. */
export interface TooManyRecord {
  token: string;
  seq: number;
  at: number;
  /** From the retry-after header (seconds or HTTP date); null when absent or unreadable. */
  retryUntil: number | null;
  /** "limiter", "fault" or "fuzz". */
  source: string;
}

/** A request that arrived before the retry-after of an earlier 429 to the same token had passed. */
export interface RateViolation {
  token: string;
  seq: number;
  at: number;
  /** The earlier 429 and the time it asked to wait until. */
  after429Seq: number;
  retryUntil: number;
}

/** The control operations, synchronous (in-process). DoubleClient has the same ones, async over HTTP. */
export interface MkpControl {
  reset(config?: Partial<DoubleConfig>): DoubleConfig;
  configure(partial: Partial<DoubleConfig>): DoubleConfig;
  config(): DoubleConfig;
  addCustomers(items: Array<string | Partial<Customer>>): Customer[];
  customers(): Customer[];
  seedOffers(offers: OfferSeed[]): StoredOffer[];
  /** Fast seeding of many offers in creation order (returns ids, not offers). */
  seedGenerated(options: GenerateOffersOptions): Generated;
  /** Fast seeding of many customers. */
  seedGeneratedCustomers(options: GenerateCustomersOptions): Generated;
  offers(): StoredOffer[];
  /** Returns the updated offer, or null when there is none with that id. */
  updateOffer(id: string, patch: OfferPatch): StoredOffer | null;
  deleteOffer(id: string): boolean;
  requests(): ReceivedRequest[];
  clearRequests(): void;
  injectFaults(rules: FaultRule[]): ActiveFaultRule[];
  clearFaults(): void;
  faults(): ActiveFaultRule[];
  /** Adds list hooks (mutations between page reads); returns all hooks with counters. */
  addListHooks(rules: ListHookRule[]): ActiveListHook[];
  listHooks(): ActiveListHook[];
  clearListHooks(): void;
  /** Every 429 answered, per token, with its retry-until time. */
  tooManyRequests(): TooManyRecord[];
  /** Requests that did not wait for an earlier 429's retry-after (product tests assert none). */
  rateViolations(): RateViolation[];
  stats(): DoubleStats;
}

/** Async client of a double running in a child process (see client.ts). */
export interface DoubleClient {
  readonly baseUrl: string;
  readonly port: number;
  reset(config?: Partial<DoubleConfig>): Promise<DoubleConfig>;
  configure(partial: Partial<DoubleConfig>): Promise<DoubleConfig>;
  config(): Promise<DoubleConfig>;
  addCustomers(items: Array<string | Partial<Customer>>): Promise<Customer[]>;
  customers(): Promise<Customer[]>;
  /** Changes a customer in place (control interface), as an edit in the portal would. */
  updateCustomer(id: string, patch: Partial<Customer>): Promise<Customer>;
  /** Deletes a customer (control interface); false when there is none. */
  deleteCustomer(id: string): Promise<boolean>;
  seedOffers(offers: OfferSeed[]): Promise<StoredOffer[]>;
  seedGenerated(options: GenerateOffersOptions): Promise<Generated>;
  seedGeneratedCustomers(options: GenerateCustomersOptions): Promise<Generated>;
  offers(): Promise<StoredOffer[]>;
  /** Throws when there is no offer with that id. */
  updateOffer(id: string, patch: OfferPatch): Promise<StoredOffer>;
  deleteOffer(id: string): Promise<boolean>;
  requests(): Promise<ReceivedRequest[]>;
  clearRequests(): Promise<void>;
  injectFaults(rules: FaultRule[]): Promise<ActiveFaultRule[]>;
  clearFaults(): Promise<void>;
  faults(): Promise<ActiveFaultRule[]>;
  addListHooks(rules: ListHookRule[]): Promise<ActiveListHook[]>;
  listHooks(): Promise<ActiveListHook[]>;
  clearListHooks(): Promise<void>;
  tooManyRequests(): Promise<TooManyRecord[]>;
  rateViolations(): Promise<RateViolation[]>;
  stats(): Promise<DoubleStats>;
  /** Stops the child process (idempotent). */
  stop(): Promise<void>;
}
