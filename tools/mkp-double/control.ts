// Control interface of the MKP double over HTTP (under /__control/, no auth, never rate-limited or
// logged): the MkpControl operations as JSON endpoints, used by client.ts. Routes: reset, config,
// customers, offers[/:id], generate-offers, generate-customers, requests, faults, list-hooks,
// rate-limited, rate-violations, stats.

import type { DoubleState } from "./state";
import type {
  Customer,
  DoubleConfig,
  FaultRule,
  GenerateCustomersOptions,
  GenerateOffersOptions,
  ListHookRule,
  OfferSeed,
} from "./types";

export interface ControlResult {
  status: number;
  body: unknown;
}

const ok = (body: unknown): ControlResult => ({ status: 200, body });
const fail = (status: number, message: string): ControlResult => ({ status, body: { error: message } });

/** A body that is either an array or an object with the array under one of `keys`. */
function listOf<T>(body: unknown, ...keys: string[]): T[] {
  if (Array.isArray(body)) return body as T[];
  if (typeof body === "object" && body !== null) {
    const record = body as Record<string, unknown>;
    for (const key of keys) if (Array.isArray(record[key])) return record[key] as T[];
  }
  throw new Error(`expected an array or an object with ${keys.join(" or ")}`);
}

function objectOf(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {};
  if (typeof body !== "object" || Array.isArray(body)) throw new Error("expected a JSON object");
  return body as Record<string, unknown>;
}

/** Handles `method` on `path` (after /__control). Throws for malformed bodies (→ 400 by the caller). */
export function handleControl(state: DoubleState, method: string, path: string, body: unknown, now: number) {
  const [resource, id] = path
    .split("/")
    .filter((s) => s !== "")
    .map((s) => decodeURIComponent(s));
  const route = `${method} ${resource ?? ""}${id === undefined ? "" : "/:id"}`;
  switch (route) {
    case "POST reset":
      return ok(state.reset(objectOf(body) as Partial<DoubleConfig>));
    case "GET config":
      return ok(state.config());
    case "POST config":
      return ok(state.configure(objectOf(body) as Partial<DoubleConfig>));
    case "GET customers":
      return ok(state.customers());
    case "POST customers": {
      return ok(state.addCustomers(customersOf(body), now));
    }
    case "PATCH customers/:id": {
      const updated = state.updateCustomer(id as string, objectOf(body) as Partial<Customer>);
      return updated === null ? fail(404, `no customer ${id}`) : ok(updated);
    }
    case "DELETE customers/:id":
      return state.deleteCustomer(id as string) ? ok({ deleted: true }) : fail(404, `no customer ${id}`);
    case "GET offers":
      return ok(state.offers());
    case "POST offers":
      return ok(state.seedOffers(listOf<OfferSeed>(body, "offers"), now));
    case "PATCH offers/:id": {
      const updated = state.updateOffer(id as string, objectOf(body));
      return updated === null ? fail(404, `no offer ${id}`) : ok(updated);
    }
    case "DELETE offers/:id":
      return state.deleteOffer(id as string) ? ok({ deleted: true }) : fail(404, `no offer ${id}`);
    case "GET requests":
      return ok(state.requests());
    case "DELETE requests":
      state.clearRequests();
      return ok({ cleared: true });
    case "GET faults":
      return ok(state.faults());
    case "POST faults":
      return ok(state.injectFaults(listOf<FaultRule>(body, "rules", "faults")));
    case "DELETE faults":
      state.clearFaults();
      return ok({ cleared: true });
    case "POST generate-offers":
      return ok(state.seedGenerated(objectOf(body) as unknown as GenerateOffersOptions, now));
    case "POST generate-customers":
      return ok(state.seedGeneratedCustomers(objectOf(body) as unknown as GenerateCustomersOptions, now));
    case "GET list-hooks":
      return ok(state.listHooks());
    case "POST list-hooks":
      return ok(state.addListHooks(listOf<ListHookRule>(body, "rules", "hooks")));
    case "DELETE list-hooks":
      state.clearListHooks();
      return ok({ cleared: true });
    case "GET rate-limited":
      return ok(state.tooManyRequests());
    case "GET rate-violations":
      return ok(state.rateViolations());
    case "GET stats":
      return ok(state.stats());
    default:
      return fail(404, `unknown control route: ${method} /__control/${path.replace(/^\//, "")}`);
  }
}

/** An array of ids / customer objects, or `{ids?: string[], customers?: Partial<Customer>[]}`. */
function customersOf(body: unknown): Array<string | Partial<Customer>> {
  if (Array.isArray(body)) return body as Array<string | Partial<Customer>>;
  const record = objectOf(body);
  const ids = Array.isArray(record.ids) ? (record.ids as string[]) : [];
  const customers = Array.isArray(record.customers) ? (record.customers as Partial<Customer>[]) : [];
  if (ids.length + customers.length === 0 && !Array.isArray(record.ids) && !Array.isArray(record.customers))
    throw new Error("expected an array, {ids: [...]} or {customers: [...]}");
  return [...ids, ...customers];
}
