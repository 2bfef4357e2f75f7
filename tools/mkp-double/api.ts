// API routes of the MKP double (after auth, rate limit and faults): offers and customers under /v1, with
// the scope each route needs and its template for the request log.

import { validateCreateCustomer } from "./customers";
import { type ListView, pageOf, paginate, perPageRefusal } from "./pagination";
import type { DoubleState } from "./state";
import { toAtom } from "./time";
import type { StoredOffer } from "./types";
import { pickLines, validateCreateOffer, validatePatch, validationMessage } from "./validation";
import { customerFields, offerEnvelope, shapeEnvelope } from "./variants";

export interface ApiRequest {
  method: string;
  /** Path after /v1, without trailing slash, e.g. "/customer-offers/manual". */
  path: string;
  query: URLSearchParams;
  contentType: string;
  rawBody: string;
  /** The parsed body, or undefined when it is empty or not JSON. */
  json: unknown;
  now: number;
}

export interface ApiResult {
  status: number;
  body: unknown;
  offerId?: string;
  customerId?: string;
}

const error = (status: number, message: string): ApiResult => ({ status, body: { code: status, message } });
export type Route =
  | { name: "create-offer" | "list-offers" | "list-customers" | "create-customer" }
  | { name: "get-offer" | "patch-offer" | "get-customer"; id: string };

/** The scope a route needs (mkp-api.md §5). */
export const ROUTE_SCOPES: Record<Route["name"], string> = {
  "list-offers": "offers.read",
  "get-offer": "offers.read",
  "create-offer": "offers.write",
  "patch-offer": "offers.write",
  "list-customers": "customers.read",
  "get-customer": "customers.read",
  "create-customer": "customers.write",
};

/** The route's template for the request log and stats, e.g. "GET /customer-offers/{id}". */
export const ROUTE_TEMPLATES: Record<Route["name"], string> = {
  "list-offers": "GET /customer-offers",
  "get-offer": "GET /customer-offers/{id}",
  "create-offer": "POST /customer-offers/manual",
  "patch-offer": "PATCH /customer-offers/{id}",
  "list-customers": "GET /customers",
  "get-customer": "GET /customers/{id}",
  "create-customer": "POST /customers",
};

/** The route of a method and path after /v1, or null when there is none (→ 404 "Not found."). */
export function matchRoute(method: string, path: string): Route | null {
  const segments = path.split("/").filter((s) => s !== "");
  const [resource, id, extra] = segments.map((s) => safeDecode(s));
  if (extra !== undefined) return null;
  if (resource === "customer-offers") {
    if (id === undefined) return method === "GET" ? { name: "list-offers" } : null;
    if (id === "manual" && method === "POST") return { name: "create-offer" };
    if (method === "GET") return { name: "get-offer", id };
    if (method === "PATCH") return { name: "patch-offer", id };
  }
  if (resource === "customers" && method === "GET")
    return id === undefined ? { name: "list-customers" } : { name: "get-customer", id };
  if (resource === "customers" && method === "POST" && id === undefined) return { name: "create-customer" };
  return null;
}

export function handleApi(state: DoubleState, route: Route, req: ApiRequest): ApiResult {
  switch (route.name) {
    case "create-offer":
      return createOffer(state, req);
    case "list-offers":
      return listOffers(state, req);
    case "get-offer":
      return getOffer(state, route.id);
    case "patch-offer":
      return patchOffer(state, route.id, req);
    case "list-customers":
      return list(
        state,
        req,
        "/customers",
        () => state.listedCustomers(),
        (c) => customerFields(c, state.settings.customerFieldCase),
      );
    case "create-customer":
      return createCustomer(state, req);
    case "get-customer": {
      const customer = state.findCustomer(route.id, req.now);
      return customer === null
        ? error(404, "No Customer can be found for the given ID")
        : { status: 200, body: customerFields(customer, state.settings.customerFieldCase) };
    }
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The JSON object body of a POST/PATCH, or the 400 to answer. */
function objectBody(req: ApiRequest): Record<string, unknown> | ApiResult {
  const mediaType = req.contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (mediaType !== "application/json" && !mediaType.endsWith("+json"))
    return error(400, "The request body must be JSON (Content-Type: application/json).");
  if (req.rawBody.trim() === "") return {};
  if (req.json === undefined) return error(400, "The request body is not valid JSON.");
  if (typeof req.json !== "object" || req.json === null || Array.isArray(req.json))
    return error(400, "The request body must be a JSON object.");
  return req.json as Record<string, unknown>;
}

const isResult = (value: unknown): value is ApiResult =>
  typeof value === "object" && value !== null && "status" in value && "body" in value;

function invalid(state: DoubleState, errors: Record<string, string[]>): ApiResult {
  return {
    status: state.settings.validationErrorStatus,
    body: { message: validationMessage(errors), errors },
  };
}

function createOffer(state: DoubleState, req: ApiRequest): ApiResult {
  const body = objectBody(req);
  if (isResult(body)) return body;
  const cfg = state.settings;
  const asValidation = cfg.duplicateAnswer === "validation";
  const errors = validateCreateOffer(body, {
    enforceExpiryAfterIssue: cfg.enforceExpiryAfterIssue,
    isDuplicate: (n) => asValidation && cfg.rejectDuplicateOfferNumbers && state.hasOfferNumber(n),
  });
  if (Object.keys(errors).length > 0) return invalid(state, errors);
  const existing = cfg.rejectDuplicateOfferNumbers ? state.firstWithNumber(body.offerNumber as string) : null;
  if (existing !== null && cfg.duplicateAnswer === "existing")
    return { status: 200, body: offerEnvelope(state.toApi(existing), cfg.offerEnvelope) };
  if (existing !== null) {
    const message = "A Customer Offer with this offer number already exists.";
    const served =
      cfg.duplicateAnswer === "conflict-with-id" ? (state.toApi(existing) as { id?: unknown }) : {};
    return { status: 409, body: { code: 409, message, ...("id" in served ? { id: served.id } : {}) } };
  }
  const customerId = body.customerId as string;
  if (state.findCustomer(customerId, req.now) === null) {
    if (cfg.unknownCustomerStatus === 422)
      return invalid(state, { customerId: ["The selected customerId is invalid."] });
    return error(404, "No Customer can be found for the given ID");
  }
  const offer = state.createOffer(
    {
      customerId,
      offerNumber: body.offerNumber as string,
      issuedAt: body.issuedAt as string,
      expiresAt: body.expiresAt as string,
      lines: pickLines(body),
      sendNotification: typeof body.sendNotification === "boolean" ? body.sendNotification : null,
    },
    req.now,
  );
  return {
    status: cfg.createdStatus,
    body: offerEnvelope(state.toApi(offer), cfg.offerEnvelope),
    offerId: offer.id,
  };
}

function listOffers(state: DoubleState, req: ApiRequest): ApiResult {
  return list(
    state,
    req,
    "/customer-offers",
    () => state.listedOffers(),
    (o) => state.toApi(o, state.settings.listOmitFields),
  );
}

/** A list page: per_page refusal first, then the list hooks (mutations before the answer), then the page. */
function list<T>(
  state: DoubleState,
  req: ApiRequest,
  path: "/customer-offers" | "/customers",
  view: () => ListView<T>,
  toApi: (item: T) => unknown,
): ApiResult {
  const refusal = perPageRefusal(req.query, state.settings);
  if (refusal !== null) return { status: state.settings.validationErrorStatus, body: refusal };
  state.beforeList(path, pageOf(req.query), req.now);
  const items = view();
  const page = paginate(items, req.query, `${state.baseUrl}${path}`, state.settings);
  if (state.settings.pastEndStatus === 404 && page.current_page > 1 && page.data.length === 0)
    return error(404, "Not found.");
  return {
    status: 200,
    body: shapeEnvelope({ ...page, data: page.data.map(toApi) }, items.length, state.settings),
  };
}

function createCustomer(state: DoubleState, req: ApiRequest): ApiResult {
  const body = objectBody(req);
  if (isResult(body)) return body;
  const { errors, customer } = validateCreateCustomer(body);
  if (customer === null) return invalid(state, errors);
  const created = state.createCustomer(customer, req.now);
  return {
    status: state.settings.customerCreatedStatus,
    body: customerFields(structuredClone(created), state.settings.customerFieldCase),
    customerId: created.id,
  };
}

const offerNotFound = (): ApiResult => error(404, "No Customer Offer can be found for the given ID");

function getOffer(state: DoubleState, id: string): ApiResult {
  const offer = state.findOffer(id);
  if (offer === null) return offerNotFound();
  return { status: 200, body: offerEnvelope(state.toApi(offer), state.settings.offerEnvelope) };
}

function patchOffer(state: DoubleState, id: string, req: ApiRequest): ApiResult {
  const offer = state.findOffer(id);
  if (offer === null) return offerNotFound();
  const body = objectBody(req);
  if (isResult(body)) return body;
  const { errors, times, strings } = validatePatch(body);
  if (Object.keys(errors).length > 0) return invalid(state, errors);
  applyAcceptance(offer, times, strings);
  return { status: 200, body: offerEnvelope(state.toApi(offer), state.settings.offerEnvelope) };
}

function applyAcceptance(
  offer: StoredOffer,
  times: { acceptedAt?: number | null; rejectedAt?: number | null },
  strings: { acceptedViaIp?: string | null; acceptedViaUserAgent?: string | null },
): void {
  if (times.acceptedAt !== undefined)
    offer.acceptedAt = times.acceptedAt === null ? null : toAtom(times.acceptedAt);
  if (times.rejectedAt !== undefined)
    offer.rejectedAt = times.rejectedAt === null ? null : toAtom(times.rejectedAt);
  if (strings.acceptedViaIp !== undefined) offer.acceptedViaIp = strings.acceptedViaIp;
  if (strings.acceptedViaUserAgent !== undefined) offer.acceptedViaUserAgent = strings.acceptedViaUserAgent;
  if (offer.acceptedAt === null) {
    offer.acceptedViaIp = null;
    offer.acceptedViaUserAgent = null;
  }
}
