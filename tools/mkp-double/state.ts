// State of the MKP double: config, customers, offers, request log, faults and rate windows, with
// the control operations (MkpControl) and the helpers the API routes use.

import { CUSTOMER_ID_PATTERN, defaultConfig, defaultCustomers, makeCustomer, mergeConfig } from "./defaults";
import { FaultBook } from "./faults";
import { offerAmount } from "./money";
import { blankOffer, type NewOffer, newOfferId, toApiOffer } from "./offers";
import { RateLimiter } from "./rate-limit";
import { addDays, amsterdamDate, normaliseDateTime, toAtom } from "./time";
import type {
  ActiveFaultRule,
  Customer,
  CustomerOffer,
  DoubleConfig,
  DoubleStats,
  FaultRule,
  MkpControl,
  OfferPatch,
  OfferSeed,
  ReceivedRequest,
  StoredOffer,
} from "./types";

export class DoubleState implements MkpControl {
  /** Base URL of the API (set by listen), used in links and pagination URLs. */
  baseUrl = "http://127.0.0.1/v1";
  settings: DoubleConfig;
  readonly faultBook = new FaultBook();
  readonly limiter = new RateLimiter();
  private customerMap = new Map<string, Customer>();
  private offerList: StoredOffer[] = [];
  private log: ReceivedRequest[] = [];
  private seq = 0;
  private createdCount = 0;

  constructor(config?: Partial<DoubleConfig>) {
    this.settings = defaultConfig();
    this.reset(config);
  }

  reset(config?: Partial<DoubleConfig>): DoubleConfig {
    this.settings = mergeConfig(defaultConfig(), config);
    this.customerMap = new Map(defaultCustomers().map((c) => [c.id, c]));
    this.offerList = [];
    this.log = [];
    this.seq = 0;
    this.createdCount = 0;
    this.faultBook.clear();
    this.limiter.reset();
    return this.config();
  }

  configure(partial: Partial<DoubleConfig>): DoubleConfig {
    this.settings = mergeConfig(this.settings, partial);
    return this.config();
  }

  config(): DoubleConfig {
    return structuredClone(this.settings);
  }

  addCustomers(items: Array<string | Partial<Customer>>, now = Date.now()): Customer[] {
    const added = items.map((item) => makeCustomer(item, toAtom(now)));
    for (const customer of added) this.customerMap.set(customer.id, customer);
    return structuredClone(added);
  }

  customers(): Customer[] {
    return structuredClone([...this.customerMap.values()]);
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
    this.offerList.push(...made);
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
    for (const entry of this.log) {
      if (entry.status !== null) byStatus[String(entry.status)] = (byStatus[String(entry.status)] ?? 0) + 1;
    }
    const counts = new Map<string, number>();
    for (const offer of this.offerList)
      counts.set(offer.offerNumber, (counts.get(offer.offerNumber) ?? 0) + 1);
    return {
      requests: this.log.length,
      byStatus,
      rateLimited: byStatus["429"] ?? 0,
      offersCreated: this.createdCount,
      duplicateOfferNumbers: [...counts]
        .filter(([, n]) => n > 1)
        .map(([num]) => num)
        .sort(),
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

  findOffer(id: string): StoredOffer | null {
    return this.offerList.find((o) => o.id === id) ?? null;
  }

  /** Offers in list order (config listOrder). */
  listedOffers(): StoredOffer[] {
    return this.settings.listOrder === "desc" ? [...this.offerList].reverse() : [...this.offerList];
  }

  hasOfferNumber(offerNumber: string): boolean {
    return this.offerList.some((o) => o.offerNumber === offerNumber);
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
    this.offerList.push(offer);
    this.createdCount += 1;
    return offer;
  }

  /** The API view of an offer (no lines, no sendNotification), links from the current base URL. */
  toApi(offer: StoredOffer): CustomerOffer {
    return toApiOffer(offer, this.baseUrl);
  }

  private blankOffer(input: NewOffer): StoredOffer {
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
