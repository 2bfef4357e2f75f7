// An in-memory MijnKlantportaal behind the HttpClient port for the app tests: offers created by
// POST /customer-offers/manual (the number stored, listed by the FakeAccount's pager), read back by
// GET /customer-offers/{id}, and customers listed by GET /customers and created by POST /customers.
// Every request is recorded (and logged in the shared event log); `onCreate` injects faults.

import type { CreateOfferBody } from "../../src/core/offer-types";
import type { ApiRequest, HttpClient } from "../../src/core/ports";
import type { Exchange } from "../../src/core/responses";
import { answer, FakeAccount, type FakeOffer } from "./fakes";

const RATE = { "X-RateLimit-Limit": "1000", "X-RateLimit-Remaining": "999" };

export interface FakeCustomer {
  id: string;
  companyName: string;
  primaryEmail: string;
  city: string;
  zipCode: string;
  customerGroups: string[];
  createdAt: string;
}

/**
 * What POST /customer-offers/manual does with a body: `create` (201), `created-503` (creates it, then
 * answers 503: the answer was lost), `503` (nothing created), or any answer given as an Exchange.
 */
export type CreateFault = "create" | "created-503" | "503" | Exchange;

export class FakeMkp implements HttpClient {
  readonly account = new FakeAccount({ order: "desc", perPage: "honour" });
  readonly customers: FakeCustomer[] = [];
  readonly requests: ApiRequest[] = [];
  onCreate: (body: CreateOfferBody, nth: number) => CreateFault = () => "create";
  /** The offer list (and GET by ID) answers 503 while true. */
  listDown = false;
  private creates = 0;

  constructor(
    private readonly clock: { now(): number },
    readonly events: string[] = [],
  ) {}

  get offers(): FakeOffer[] {
    return this.account.offers;
  }

  /** Requests matching `method path-prefix`, e.g. `post /customer-offers/manual`. */
  count(what: string): number {
    return this.requests.filter((r) => `${r.method} ${r.path}`.startsWith(what)).length;
  }

  addCustomer(companyName: string, primaryEmail = ""): FakeCustomer {
    const c: FakeCustomer = {
      id: `cst_${this.customers.length + 1}`,
      companyName,
      primaryEmail,
      city: "Utrecht",
      zipCode: "3511 AB",
      customerGroups: [],
      createdAt: new Date(this.clock.now()).toISOString().replace(".000Z", "+00:00"),
    };
    this.customers.push(c);
    return c;
  }

  send(requests: readonly ApiRequest[]): Exchange[] {
    return requests.map((r) => {
      this.requests.push(r);
      this.events.push(`${r.method} ${r.path}`);
      return this.answer(r);
    });
  }

  private answer(r: ApiRequest): Exchange {
    if (r.method === "post" && r.path === "/customer-offers/manual")
      return this.create(r.body as CreateOfferBody);
    if (this.listDown && r.method === "get" && r.path.startsWith("/customer-offers"))
      return answer(503, { message: "Service Unavailable" }, RATE);
    if (r.method === "get" && r.path.startsWith("/customer-offers?")) {
      const [e] = this.account.send([r]);
      return e?.kind === "response" ? { ...e, headers: { ...e.headers, ...RATE } } : answer(500, {});
    }
    const offer = /^\/customer-offers\/([^/?]+)$/.exec(r.path);
    if (r.method === "get" && offer) {
      const found = this.offers.find((o) => o.id === decodeURIComponent(offer[1] ?? ""));
      return found ? answer(200, found, RATE) : answer(404, { message: "Not found" }, RATE);
    }
    const list = /^\/customers\?page=(\d+)(?:&per_page=(\d+))?$/.exec(r.path);
    if (r.method === "get" && list) {
      const page = Number(list[1]);
      const size = list[2] === undefined ? 15 : Math.min(100, Number(list[2]));
      const data = this.customers.slice((page - 1) * size, page * size);
      const more = page * size < this.customers.length;
      return answer(
        200,
        {
          data,
          current_page: page,
          per_page: size,
          next_page_url: more ? `https://api.test/v1/customers?page=${page + 1}` : null,
        },
        RATE,
      );
    }
    const customer = /^\/customers\/([^/?]+)$/.exec(r.path);
    if (r.method === "get" && customer) {
      const found = this.customers.find((c) => c.id === decodeURIComponent(customer[1] ?? ""));
      return found ? answer(200, found, RATE) : answer(404, { message: "Not found" }, RATE);
    }
    if (r.method === "post" && r.path === "/customers") {
      const b = r.body as { companyName?: string; primaryEmail?: string };
      return answer(201, this.addCustomer(b.companyName ?? "", b.primaryEmail ?? ""), RATE);
    }
    return answer(404, { message: "Not found" }, RATE);
  }

  private create(body: CreateOfferBody): Exchange {
    this.creates++;
    const fault = this.onCreate(body, this.creates);
    if (typeof fault === "object") return fault;
    if (fault === "503") return answer(503, { message: "Service Unavailable" }, RATE);
    const offer = this.account.add(body.offerNumber, this.clock.now(), body.customerId);
    offer.expiresAt = body.expiresAt;
    // The amount as MijnKlantportaal gives it: its lines' total excl. VAT.
    const cents = body.lines.reduce((sum, l) => sum + Math.round(Number(l.amountExclVat) * 100), 0);
    offer.amount = (cents / 100).toFixed(2);
    if (fault === "created-503") return answer(503, { message: "Service Unavailable" }, RATE);
    return answer(201, offer, RATE);
  }
}
