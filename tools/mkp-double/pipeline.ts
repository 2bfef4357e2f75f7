// The path of one API request through the MKP double: log, rate-violation check, route, rate limit,
// auth and scopes, injected faults, fuzz mode, route handler, answer (or hold / reset the socket).

import { type IncomingMessage, type ServerResponse, STATUS_CODES } from "node:http";
import { handleApi, matchRoute, ROUTE_SCOPES, ROUTE_TEMPLATES } from "./api";
import type { FaultTarget } from "./faults";
import { limitHeaders, retryUntil, tooManyHeaders, WINDOW_MS } from "./rate-limit";
import type { DoubleState } from "./state";
import { nowFrom } from "./time";
import { type Holds, sendJson, sendRaw } from "./transport";
import type { Fault } from "./types";

export { Holds, sendJson } from "./transport";

function parseJson(raw: string): unknown {
  if (raw.trim() === "") return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** The bearer token of `Authorization` or (per the docs' discrepancy) `Authentication`. */
function bearerToken(req: IncomingMessage): string | null {
  for (const name of ["authorization", "authentication"]) {
    const value = req.headers[name];
    const m = typeof value === "string" ? /^\s*Bearer\s+(\S+)\s*$/i.exec(value) : null;
    if (m?.[1] !== undefined) return m[1];
  }
  return null;
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

export async function serveApi(
  state: DoubleState,
  holds: Holds,
  req: IncomingMessage,
  res: ServerResponse,
  raw: string,
): Promise<void> {
  const now = nowFrom(req.headers["x-virtual-now"]);
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const method = (req.method ?? "GET").toUpperCase();
  const json = parseJson(raw);
  const entry = state.logRequest({
    at: now,
    method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: flatHeaders(req),
    body: json !== undefined ? json : raw === "" ? null : raw,
  });
  const token = bearerToken(req);
  if (token !== null) state.rateBook.arrive(token, entry.seq, now);
  /** Every answer goes through here, so that each 429 is recorded with the wait it asked for. */
  const settle = (status: number, headers: Record<string, string>, source: string): void => {
    entry.status = status;
    if (status === 429 && token !== null)
      state.rateBook.record({
        token,
        seq: entry.seq,
        at: now,
        retryUntil: retryUntil(headerValue(headers, "retry-after"), now),
        source,
      });
  };
  const answer = (status: number, body: unknown, headers: Record<string, string> = {}, source = "api") => {
    settle(status, headers, source);
    sendJson(res, status, body, headers);
  };
  // Like Laravel, an unknown route is a 404 before auth and throttling.
  const v1 = /^\/v1(\/.*)?$/.exec(url.pathname);
  const apiPath = v1 === null ? url.pathname : (v1[1] ?? "/").replace(/\/+$/, "") || "/";
  const matched = v1 === null ? null : matchRoute(method, apiPath);
  if (matched === null) return answer(404, { code: 404, message: "Not found." });
  entry.route = ROUTE_TEMPLATES[matched.name];
  const cfg = state.settings;
  const policy = state.limitPolicy();
  const limitOptions = {
    rateHeaders: cfg.rateHeaders,
    retryAfterOn429: cfg.retryAfterOn429,
    retryAfterFormat: cfg.retryAfterFormat,
  };
  // A request the limiter refuses does not count (Laravel checks before it hits), unless rateCountRefused.
  if (token !== null && state.limiter.used(token, now, policy) >= cfg.rateLimit) {
    if (cfg.rateCountRefused) state.limiter.consume(token, now, policy);
    const grid = cfg.retryAfterFormat === "http-date" ? "absolute" : "relative";
    const at = state.limiter.retryAt(token, now, policy, grid);
    const reset =
      cfg.rateWindow === "calendar" && cfg.otherClientPerMinute <= 0
        ? (Math.floor(now / WINDOW_MS) + 1) * (WINDOW_MS / 1000)
        : Math.ceil(at / 1000);
    const headers = tooManyHeaders(cfg.rateLimit, now, at - now, reset, limitOptions);
    return answer(429, { code: 429, message: "Too many requests." }, headers, "limiter");
  }
  const consume = (): Record<string, string> => {
    if (token === null) return {};
    const used = state.limiter.consume(token, now, policy);
    return cfg.rateHeaders ? limitHeaders(cfg.rateLimit, cfg.rateLimit - used) : {};
  };
  const scopes = token === null ? undefined : cfg.keyScopes[token];
  const known =
    token !== null &&
    (cfg.apiKeys.includes(token) || cfg.readOnlyKeys.includes(token) || scopes !== undefined);
  if (!known) return answer(401, { code: 401, message: "Unauthenticated." }, consume());
  const readOnly = cfg.readOnlyKeys.includes(token) && !cfg.apiKeys.includes(token);
  if (
    (readOnly && (method === "POST" || method === "PATCH")) ||
    (scopes !== undefined && !scopes.includes(ROUTE_SCOPES[matched.name]))
  )
    return answer(403, { code: 403, message: "This action is unauthorized." }, consume());

  const fault = state.faultBook.take(faultTarget(state, method, apiPath, json));
  if (fault?.kind === "rate-limit") {
    entry.fault = fault.kind;
    const retryAfter = Math.max(0, Math.round(fault.retryAfterSeconds));
    const reset = Math.ceil(now / 1000) + retryAfter;
    const headers = tooManyHeaders(cfg.rateLimit, now, retryAfter * 1000, reset, limitOptions);
    return answer(429, { code: 429, message: "Too many requests." }, headers, "fault");
  }
  const rateHeaders = consume();
  if (fault !== null) entry.fault = fault.kind;
  const route = () => {
    const contentType = String(req.headers["content-type"] ?? "");
    const result = handleApi(state, matched, {
      method,
      path: apiPath,
      query: url.searchParams,
      contentType,
      rawBody: raw,
      json,
      now,
    });
    if (result.offerId !== undefined) entry.offerId = result.offerId;
    if (result.customerId !== undefined) entry.customerId = result.customerId;
    return result;
  };
  if (fault === null && state.fuzzer?.affects(apiPath)) {
    const fuzzer = state.fuzzer;
    const creates = matched.name === "create-offer" || matched.name === "create-customer";
    const odd = fuzzer.answer(token);
    const createsFirst = creates && fuzzer.createsFirst(odd.status);
    const created =
      createsFirst &&
      (() => {
        const result = route();
        return result.offerId !== undefined || result.customerId !== undefined;
      })();
    entry.fuzz = creates ? { ...odd.record, created } : odd.record;
    settle(odd.status, odd.headers, "fuzz");
    return sendRaw(res, odd.status, odd.body, odd.headers);
  }
  switch (fault?.kind) {
    case "status": {
      if (fault.rawBody !== undefined || fault.rawBodyBase64 !== undefined) {
        const headers = { "Content-Type": "application/json", ...rateHeaders, ...(fault.headers ?? {}) };
        settle(fault.status, headers, "fault");
        const bytes =
          fault.rawBodyBase64 !== undefined
            ? Buffer.from(fault.rawBodyBase64, "base64")
            : Buffer.from(fault.rawBody ?? "");
        return sendRaw(res, fault.status, bytes, headers);
      }
      const body = fault.body === undefined ? genericError(fault.status) : fault.body;
      return answer(fault.status, body, { ...rateHeaders, ...(fault.headers ?? {}) }, "fault");
    }
    case "timeout":
      return holds.hold(req.socket, fault.holdMs ?? 30_000);
    case "reset":
      req.socket.destroy();
      return;
    case "created-then-status":
      route();
      return answer(fault.status, genericError(fault.status), rateHeaders, "fault");
    case "created-then-timeout":
      route();
      return holds.hold(req.socket, fault.holdMs ?? 30_000);
    case "delay":
      await holds.sleep(Math.max(0, fault.ms));
      if (res.destroyed) return;
      break;
    case "slow": {
      const result = route();
      const elapsed = { "X-Virtual-Elapsed-Ms": String(slowMs(fault.virtualMs, entry.seq)) };
      return answer(result.status, result.body, { ...rateHeaders, ...elapsed });
    }
    case "created-then-answer": {
      const result = route();
      const id = result.offerId ?? result.customerId ?? "";
      const headers: Record<string, string> = { "Content-Type": "application/json", ...rateHeaders };
      for (const [name, value] of Object.entries(fault.headers ?? {}))
        headers[name] = value.replace("{id}", id);
      const status = fault.status ?? result.status;
      settle(status, headers, "fault");
      return sendRaw(res, status, Buffer.from(changedBody(result.body, fault)), headers);
    }
  }
  const result = route();
  answer(result.status, result.body, rateHeaders);
}

/** A slow fault's virtual duration: fixed, or spread over [min, max] by the request's number. */
function slowMs(virtualMs: number | [number, number], seq: number): number {
  if (typeof virtualMs === "number") return Math.max(0, Math.round(virtualMs));
  const [min, max] = virtualMs;
  // A fixed spread (golden ratio steps), so that the same requests take the same times.
  const share = (seq * 0.618_033_988_75) % 1;
  return Math.max(0, Math.round(min + share * (max - min)));
}

/** The body of a created-then-answer fault: the object with fields left out or replaced, as text. */
function changedBody(body: unknown, fault: Extract<Fault, { kind: "created-then-answer" }>): string {
  if (fault.empty === true) return "";
  if (fault.rawBody !== undefined) return fault.rawBody;
  let value = body;
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const copy = { ...(value as Record<string, unknown>) };
    for (const field of fault.omit ?? []) delete copy[field];
    value = { ...copy, ...(fault.patch ?? {}) };
  }
  return `${fault.prefix ?? ""}${JSON.stringify(value)}${fault.suffix ?? ""}`;
}

function genericError(status: number): { code: number; message: string } {
  return { code: status, message: status === 500 ? "Server Error" : (STATUS_CODES[status] ?? "Error") };
}

const stringField = (json: unknown, field: string): string | undefined => {
  if (typeof json !== "object" || json === null) return undefined;
  const value = (json as Record<string, unknown>)[field];
  return typeof value === "string" ? value : undefined;
};

/**
 * What fault rules can match: the offer number / company name / e-mail of the JSON body, or of the offer
 * (/customer-offers/{id}) or customer (/customers/{id}) the path names.
 */
function faultTarget(state: DoubleState, method: string, apiPath: string, json: unknown): FaultTarget {
  const target: FaultTarget = { method, path: apiPath };
  const decode = (segment: string): string | null => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return null;
    }
  };
  const offerId = /^\/customer-offers\/([^/]+)$/.exec(apiPath)?.[1];
  const offerNumber =
    stringField(json, "offerNumber") ??
    (offerId === undefined ? undefined : state.findOffer(decode(offerId) ?? "")?.offerNumber);
  if (offerNumber !== undefined) target.offerNumber = offerNumber;
  const customerId = /^\/customers\/([^/]+)$/.exec(apiPath)?.[1];
  const customer = customerId === undefined ? null : state.findCustomer(decode(customerId) ?? "", Date.now());
  const companyName = stringField(json, "companyName") ?? customer?.companyName;
  if (companyName !== undefined) target.companyName = companyName;
  const primaryEmail = stringField(json, "primaryEmail") ?? customer?.primaryEmail;
  if (primaryEmail !== undefined) target.primaryEmail = primaryEmail;
  return target;
}
