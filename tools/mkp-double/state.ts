// State of the MKP double: config, customers, offers, request log, faults, list hooks, rate windows and
// fuzz PRNG, with the control operations (MkpControl) and the helpers the API routes use. Offers are kept
// in creation order with an id index, so seeding and listing 10,000 of them stays fast.

import type { NewCustomer } from "./customers";
import { CUSTOMER_ID_PATTERN, defaultConfig, defaultCustomers, makeCustomer, mergeConfig } from "./defaults";
import { FaultBook } from "./faults";
import { Fuzzer } from "./fuzz";
import { generateCustomers, generateOffers } from "./generate";
import { ListHookBook } from "./list-hooks";
import { offerAmount } from "./money";
import { blankOffer, type NewOffer, newId, newOfferId, toApiOffer } from "./offers";
import { type ListView, viewOf } from "./pagination";
import { type LimitPolicy, RateBook, RateLimiter } from "./rate-limit";
import { addDays, amsterdamDate, normaliseDateTime, toAtom } from "./time";
import type {
  ActiveFaultRule,
  ActiveListHook,
  Customer,
  DoubleConfig,
  DoubleStats,
  FaultRule,
  GenerateCustomersOptions,
  Generated,
  GenerateOffersOptions,
  ListHookAction,
  ListHookRule,
  MkpControl,
  OfferPatch,
  OfferSeed,
  RateViolation,
  ReceivedRequest,
  StoredOffer,
  TooManyRecord,
} from "./types";
import { offerFields, offerForms, offerStamps } from "./variants";

export class DoubleState implements MkpControl {
  /** Base URL of the API (set by listen), used in links and pagination URLs. */
  baseUrl = "http://127.0.0.1/v1";
  settings: DoubleConfig;
  readonly faultBook = new FaultBook();
  readonly limiter = new RateLimiter();
  readonly rateBook = new RateBook();
  readonly hookBook = new ListHookBook();
  /** The fuzz PRNG; re-seeded by reset and by configure({fuzz}). */
  fuzzer: Fuzzer | null = null;
  private customerMap = new Map<string, Customer>();
  /** customerMap's values in insertion order, rebuilt lazily after a change. */
  private customerArray: Customer[] | null = null;
  private offerList: StoredOffer[] = [];
  private offerIndex = new Map<string, StoredOffer>();
  /** Integer ids of offers (offerIdFormat "number"), both ways. */
  private idNumbers = new Map<string, number>();
  private numberIds = new Map<number, string>();
  private log: ReceivedRequest[] = [];
  private seq = 0;
  private createdCount = 0;
  private customersCreatedCount = 0;

  constructor(config?: Partial<DoubleConfig>) {
    this.settings = defaultConfig();
    this.reset(config);
  }

  reset(config?: Partial<DoubleConfig>): DoubleConfig {
    this.settings = mergeConfig(defaultConfig(), config);
    this.customerMap = new Map(defaultCustomers().map((c) => [c.id, c]));
    this.customerArray = null;
    this.offerList = [];
    this.offerIndex = new Map();
    this.idNumbers = new Map();
    this.numberIds = new Map();
    this.log = [];
    this.seq = 0;
    this.createdCount = 0;
    this.customersCreatedCount = 0;
    this.faultBook.clear();
    this.hookBook.clear();
    this.limiter.reset();
    this.rateBook.reset();
    this.fuzzer = this.settings.fuzz === null ? null : new Fuzzer(this.settings.fuzz);
    return this.config();
  }

  configure(partial: Partial<DoubleConfig>): DoubleConfig {
    this.settings = mergeConfig(this.settings, partial);
    if (partial.fuzz !== undefined)
      this.fuzzer = this.settings.fuzz === null ? null : new Fuzzer(this.settings.fuzz);
    return this.config();
  }

  /** The limiter's view of the config. */
  limitPolicy(): LimitPolicy {
    const cfg = this.settings;
    return { limit: cfg.rateLimit, window: cfg.rateWindow, otherPerMinute: cfg.otherClientPerMinute };
  }

  config(): DoubleConfig {
    return structuredClone(this.settings);
  }

  addCustomers(items: Array<string | Partial<Customer>>, now = Date.now()): Customer[] {
    const added = items.map((item) => makeCustomer(item, toAtom(now)));
    for (const customer of added) this.customerMap.set(customer.id, customer);
    this.customerArray = null;
    return structuredClone(added);
  }

  /** Changes a customer in place (its place in the list stays); null when there is none. */
  updateCustomer(id: string, patch: Partial<Customer>): Customer | null {
    const customer = this.customerMap.get(id);
    if (!customer) return null;
    Object.assign(customer, { ...patch, id });
    return structuredClone(customer);
  }

  deleteCustomer(id: string): boolean {
    const deleted = this.customerMap.delete(id);
    if (deleted) this.customerArray = null;
    return deleted;
  }

  customers(): Customer[] {
    return structuredClone(this.customerList());
  }

  seedGenerated(options: GenerateOffersOptions, now = Date.now()): Generated {
    const made = generateOffers(options, now, this.settings.amountIncludesVat, (input) =>
      this.blankOffer(input),
    );
    for (const offer of made) this.storeOffer(offer);
    return { count: made.length, ids: made.map((o) => o.id) };
  }

  seedGeneratedCustomers(options: GenerateCustomersOptions, now = Date.now()): Generated {
    const made = generateCustomers(options, now);
    for (const customer of made) this.customerMap.set(customer.id, customer);
    this.customerArray = null;
    return { count: made.length, ids: made.map((c) => c.id) };
  }

  addListHooks(rules: ListHookRule[]): ActiveListHook[] {
    return this.hookBook.add(rules);
  }

  listHooks(): ActiveListHook[] {
    return this.hookBook.list();
  }

  clearListHooks(): void {
    this.hookBook.clear();
  }

  tooManyRequests(): TooManyRecord[] {
    return this.rateBook.tooMany();
  }

  rateViolations(): RateViolation[] {
    return this.rateBook.rateViolations();
  }

  /** The customer with that id (synthesised when acceptAnyCustomer), or null. */
  findCustomer(id: string, now: number): Customer | null {
    const known = this.customerMap.get(id);
    if (known !== undefined) return known;
    if (this.settings.acceptAnyCustomer && CUSTOMER_ID_PATTERN.test(id)) return makeCustomer(id, toAtom(now));
    return null;
  }

  seedOffers(seeds: OfferSeed[], now = Date.now()): StoredOffer[] {
    const made = seeds.map((seed, i) => {
      const issuedAt = seed.issuedAt ?? amsterdamDate(now);
      const lines = seed.lines ?? [];
      const offer = this.blankOffer({
        customerId: seed.customerId ?? "cst_demo0001",
        offerNumber: seed.offerNumber ?? `SEED-${this.offerList.length + i + 1}`,
        issuedAt,
        expiresAt: seed.expiresAt ?? addDays(issuedAt, 30),
        lines,
        sendNotification: seed.sendNotification ?? null,
        createdAt: now,
        source: "seed",
      });
      if (seed.amount === undefined) offer.amount = offerAmount(lines, this.settings.amountIncludesVat);
      return this.applyPatch(offer, seed);
    });
    for (const offer of made) this.storeOffer(offer);
    return structuredClone(made);
  }

  offers(): StoredOffer[] {
    return structuredClone(this.offerList);
  }

  updateOffer(id: string, patch: OfferPatch): StoredOffer | null {
    const offer = this.findOffer(id);
    if (offer === null) return null;
    const { id: _ignored, ...rest } = patch as OfferSeed;
    return structuredClone(this.applyPatch(offer, rest));
  }

  deleteOffer(id: string): boolean {
    const before = this.offerList.length;
    this.offerList = this.offerList.filter((o) => o.id !== id);
    this.offerIndex.delete(id);
    return this.offerList.length < before;
  }

  requests(): ReceivedRequest[] {
    return structuredClone(this.log);
  }

  clearRequests(): void {
    this.log = [];
  }

  injectFaults(rules: FaultRule[]): ActiveFaultRule[] {
    return this.faultBook.add(rules);
  }

  clearFaults(): void {
    this.faultBook.clear();
  }

  faults(): ActiveFaultRule[] {
    return this.faultBook.list();
  }

  stats(): DoubleStats {
    const byStatus: Record<string, number> = {};
    const byRoute: Record<string, number> = {};
    const byPath: Record<string, number> = {};
    let listRequests = 0;
    let fuzzed = 0;
    for (const entry of this.log) {
      if (entry.status !== null) byStatus[String(entry.status)] = (byStatus[String(entry.status)] ?? 0) + 1;
      const route = entry.route ?? "unknown";
      byRoute[route] = (byRoute[route] ?? 0) + 1;
      byPath[entry.path] = (byPath[entry.path] ?? 0) + 1;
      if (route === "GET /customer-offers" || route === "GET /customers") listRequests += 1;
      if (entry.fuzz !== undefined) fuzzed += 1;
    }
    return {
      requests: this.log.length,
      byStatus,
      byRoute,
      byPath,
      rateLimited: byStatus["429"] ?? 0,
      rateViolations: this.rateBook.violationCount,
      listRequests,
      offersCreated: this.createdCount,
      duplicateOfferNumbers: duplicates(this.offerList.map((o) => o.offerNumber)),
      customersCreated: this.customersCreatedCount,
      duplicateCustomerEmails: duplicates(this.customerList().map((c) => c.primaryEmail.toLowerCase())),
      fuzzed,
    };
  }

  // ---- used by the API routes and the HTTP server ----

  /** Appends a log entry (status null until answered) and returns it for later updates. */
  logRequest(entry: Omit<ReceivedRequest, "seq" | "status">): ReceivedRequest {
    this.seq += 1;
    const logged: ReceivedRequest = { seq: this.seq, ...entry, status: null };
    this.log.push(logged);
    return logged;
  }

  /** By id as stored, or as served in another offerIdFormat (without `off_`, or the integer). */
  findOffer(id: string): StoredOffer | null {
    const stored = this.offerIndex.get(id) ?? this.offerIndex.get(`off_${id}`);
    if (stored !== undefined) return stored;
    const byNumber = /^\d{1,15}$/.test(id) ? this.numberIds.get(Number(id)) : undefined;
    return byNumber === undefined ? null : (this.offerIndex.get(byNumber) ?? null);
  }

  /** The integer id of an offer, given on first use (offerIdFormat "number"). */
  private numberOf(id: string): number {
    let n = this.idNumbers.get(id);
    if (n === undefined) {
      n = 100_000 + this.idNumbers.size + 1;
      this.idNumbers.set(id, n);
      this.numberIds.set(n, id);
    }
    return n;
  }

  /** Offers in list order (config listOrder), as a view: a list request copies one page only. */
  listedOffers(): ListView<StoredOffer> {
    const order = this.settings.listOrder;
    if (order !== "id") return viewOf(this.offerList, order);
    return viewOf(
      [...this.offerList].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      "asc",
    );
  }

  /** Customers in list order (config customerListOrder). */
  listedCustomers(): ListView<Customer> {
    return viewOf(this.customerList(), this.settings.customerListOrder);
  }

  /** Runs the list hooks due before a list request to `path` (after /v1) for `page`. */
  beforeList(path: string, page: number, now: number): void {
    this.hookBook.beforeList(path, page, now, (action, at) => this.runListAction(action, at));
  }

  hasOfferNumber(offerNumber: string): boolean {
    return this.offerList.some((o) => o.offerNumber === offerNumber);
  }

  /** The first stored offer with that number, or null. */
  firstWithNumber(offerNumber: string): StoredOffer | null {
    return this.offerList.find((o) => o.offerNumber === offerNumber) ?? null;
  }

  createOffer(
    input: Pick<
      StoredOffer,
      "customerId" | "offerNumber" | "issuedAt" | "expiresAt" | "lines" | "sendNotification"
    >,
    now: number,
  ): StoredOffer {
    const offer = this.blankOffer({ ...input, createdAt: now, source: "api" });
    offer.amount = offerAmount(input.lines, this.settings.amountIncludesVat);
    this.storeOffer(offer);
    this.createdCount += 1;
    return offer;
  }

  /** A customer created through POST /customers. */
  createCustomer(input: NewCustomer, now: number): Customer {
    const id = newId("cst_", (candidate) => this.customerMap.has(candidate));
    const customer: Customer = {
      id,
      ...input,
      integration: null,
      integrationId: null,
      customerGroups: [],
      createdAt: toAtom(now),
    };
    this.customerMap.set(id, customer);
    this.customerArray = null;
    this.customersCreatedCount += 1;
    return customer;
  }

  private customerList(): Customer[] {
    this.customerArray ??= [...this.customerMap.values()];
    return this.customerArray;
  }

  private storeOffer(offer: StoredOffer): void {
    this.offerList.push(offer);
    this.offerIndex.set(offer.id, offer);
  }

  private runListAction(action: ListHookAction, now: number): string[] {
    switch (action.kind) {
      case "delete-offer": {
        const list = this.offerList;
        const target =
          action.target === "oldest"
            ? list[0]
            : action.target === "newest"
              ? list.at(-1)
              : this.findOffer(action.target);
        return target != null && this.deleteOffer(target.id) ? [target.id] : [];
      }
      case "add-offer":
        return this.seedOffers([action.offer ?? {}], now).map((o) => o.id);
      case "delete-customer": {
        const list = this.customerList();
        const id =
          action.target === "oldest"
            ? list[0]?.id
            : action.target === "newest"
              ? list.at(-1)?.id
              : action.target;
        if (id === undefined || !this.customerMap.delete(id)) return [];
        this.customerArray = null;
        return [id];
      }
      case "configure":
        this.configure(action.config);
        return [];
      case "add-customer": {
        const given = action.customer ?? {};
        const id = given.id ?? newId("cst_", (candidate) => this.customerMap.has(candidate));
        return this.addCustomers([{ ...given, id }], now).map((c) => c.id);
      }
    }
  }

  /**
   * The API view of an offer (no lines, no sendNotification), links from the current base URL, the fields
   * in `omit` left out.
   */
  toApi(offer: StoredOffer, omit: string[] = []): unknown {
    const stamped = offerStamps(toApiOffer(offer, this.baseUrl), this.settings.timestampFormat);
    const formed = offerForms(stamped, this.settings, (id) => this.numberOf(id));
    return offerFields(formed, this.settings, omit);
  }

  blankOffer(input: NewOffer): StoredOffer {
    const taken = (id: string): boolean => this.findOffer(id) !== null;
    return blankOffer(input, newOfferId(taken), this.baseUrl);
  }

  private applyPatch(offer: StoredOffer, patch: OfferSeed): StoredOffer {
    const { acceptedAt, rejectedAt, createdAt, ...plain } = structuredClone(patch);
    Object.assign(offer, plain);
    if (acceptedAt !== undefined) offer.acceptedAt = normaliseDateTime(acceptedAt);
    if (rejectedAt !== undefined) offer.rejectedAt = normaliseDateTime(rejectedAt);
    if (createdAt !== undefined) offer.createdAt = normaliseDateTime(createdAt) ?? offer.createdAt;
    if (patch.lines !== undefined && patch.amount === undefined)
      offer.amount = offerAmount(offer.lines, this.settings.amountIncludesVat);
    return offer;
  }
}

/** Values held more than once, sorted. */
function duplicates(values: string[]): string[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .filter(([, n]) => n > 1)
    .map(([value]) => value)
    .sort();
}
