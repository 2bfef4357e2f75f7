// Types of the MijnKlantportaal (MKP) API double: its configuration, the API objects it serves,
// fault rules, the request log, and the control operations (in-process and over HTTP).

/** Behaviour switches; every field has a default (see DEFAULT_CONFIG in defaults.ts). */
export interface DoubleConfig {
  /** Bearer tokens accepted with full access. */
  apiKeys: string[];
  /** Bearer tokens accepted for GET only; POST/PATCH → 403. */
  readOnlyKeys: string[];
  /** Requests per token per calendar minute (documented default 60). */
  rateLimit: number;
  /** Status of a validation failure on create/patch (Laravel: 422). */
  validationErrorStatus: number;
  /** Status when customerId names no customer. */
  unknownCustomerStatus: 404 | 422;
  /** When true, a second offer with an existing offerNumber is refused with a validation error. */
  rejectDuplicateOfferNumbers: boolean;
  /** Success status of POST /customer-offers/manual. */
  createdStatus: 200 | 201;
  /** When true, expiresAt before issuedAt is a validation error. */
  enforceExpiryAfterIssue: boolean;
  /** When true, `amount` includes VAT (per line, rounded half-up to the cent). */
  amountIncludesVat: boolean;
  /** Page size of the lists (documented default 15). */
  perPage: number;
  /** When true, the `per_page` query parameter is honoured (capped at maxPerPage). */
  honourPerPage: boolean;
  maxPerPage: number;
  /** Order of GET /customer-offers: creation order ascending or descending. */
  listOrder: "asc" | "desc";
  /** When true, any well-shaped `cst_…` id is an existing customer. */
  acceptAnyCustomer: boolean;
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
}

export type Fault =
  | { kind: "status"; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: "rate-limit"; retryAfterSeconds: number }
  | { kind: "timeout"; holdMs?: number }
  | { kind: "reset" }
  | { kind: "created-then-status"; status: number }
  | { kind: "created-then-timeout"; holdMs?: number }
  | { kind: "delay"; ms: number };

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
}

export interface DoubleStats {
  requests: number;
  byStatus: Record<string, number>;
  rateLimited: number;
  /** Offers created through the API (including created-then-* faults); seeds not counted. */
  offersCreated: number;
  /** Offer numbers held by more than one stored offer, sorted. */
  duplicateOfferNumbers: string[];
}

/** The control operations, synchronous (in-process). DoubleClient has the same ones, async over HTTP. */
export interface MkpControl {
  reset(config?: Partial<DoubleConfig>): DoubleConfig;
  configure(partial: Partial<DoubleConfig>): DoubleConfig;
  config(): DoubleConfig;
  addCustomers(items: Array<string | Partial<Customer>>): Customer[];
  customers(): Customer[];
  seedOffers(offers: OfferSeed[]): StoredOffer[];
  offers(): StoredOffer[];
  /** Returns the updated offer, or null when there is none with that id. */
  updateOffer(id: string, patch: OfferPatch): StoredOffer | null;
  deleteOffer(id: string): boolean;
  requests(): ReceivedRequest[];
  clearRequests(): void;
  injectFaults(rules: FaultRule[]): ActiveFaultRule[];
  clearFaults(): void;
  faults(): ActiveFaultRule[];
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
  seedOffers(offers: OfferSeed[]): Promise<StoredOffer[]>;
  offers(): Promise<StoredOffer[]>;
  /** Throws when there is no offer with that id. */
  updateOffer(id: string, patch: OfferPatch): Promise<StoredOffer>;
  deleteOffer(id: string): Promise<boolean>;
  requests(): Promise<ReceivedRequest[]>;
  clearRequests(): Promise<void>;
  injectFaults(rules: FaultRule[]): Promise<ActiveFaultRule[]>;
  clearFaults(): Promise<void>;
  faults(): Promise<ActiveFaultRule[]>;
  stats(): Promise<DoubleStats>;
  /** Stops the child process (idempotent). */
  stop(): Promise<void>;
}
