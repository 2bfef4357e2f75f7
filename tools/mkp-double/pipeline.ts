// The path of one API request through the MKP double: log, rate limit, auth, injected faults, route,
// answer (or hold / reset the socket for timeout faults).

import { type IncomingMessage, type ServerResponse, STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import { handleApi, matchRoute } from "./api";
import { limitHeaders, nextWindow, tooManyHeaders } from "./rate-limit";
import type { DoubleState } from "./state";
import { nowFrom } from "./time";

/** Sockets held open by timeout faults, and timers of delay faults; all released by close(). */
export class Holds {
  private timers = new Set<NodeJS.Timeout>();
  private sockets = new Set<Socket>();

  hold(socket: Socket, ms: number): void {
    this.sockets.add(socket);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.sockets.delete(socket);
      socket.destroy();
    }, ms);
    this.timers.add(timer);
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  releaseAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    for (const socket of this.sockets) socket.destroy();
    this.timers.clear();
    this.sockets.clear();
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(text),
  });
  res.end(text);
}

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
  const answer = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
    entry.status = status;
    sendJson(res, status, body, headers);
  };
  // Like Laravel, an unknown route is a 404 before auth and throttling.
  const v1 = /^\/v1(\/.*)?$/.exec(url.pathname);
  const apiPath = v1 === null ? url.pathname : (v1[1] ?? "/").replace(/\/+$/, "") || "/";
  const matched = v1 === null ? null : matchRoute(method, apiPath);
  if (matched === null) return answer(404, { code: 404, message: "Not found." });
  const cfg = state.settings;
  const token = bearerToken(req);
  if (token !== null && state.limiter.used(token, now) >= cfg.rateLimit) {
    const { retryAfter, reset } = nextWindow(now);
    return answer(
      429,
      { code: 429, message: "Too many requests." },
      tooManyHeaders(cfg.rateLimit, retryAfter, reset),
    );
  }
  const consume = (): Record<string, string> =>
    token === null ? {} : limitHeaders(cfg.rateLimit, cfg.rateLimit - state.limiter.consume(token, now));
  const known = token !== null && (cfg.apiKeys.includes(token) || cfg.readOnlyKeys.includes(token));
  if (!known) return answer(401, { code: 401, message: "Unauthenticated." }, consume());
  if (
    cfg.readOnlyKeys.includes(token) &&
    !cfg.apiKeys.includes(token) &&
    (method === "POST" || method === "PATCH")
  )
    return answer(403, { code: 403, message: "This action is unauthorized." }, consume());

  const fault = state.faultBook.take({
    method,
    path: apiPath,
    offerNumber: offerNumberOf(state, apiPath, json),
  });
  if (fault?.kind === "rate-limit") {
    entry.fault = fault.kind;
    const retryAfter = Math.max(0, Math.round(fault.retryAfterSeconds));
    const headers = tooManyHeaders(cfg.rateLimit, retryAfter, Math.ceil(now / 1000) + retryAfter);
    return answer(429, { code: 429, message: "Too many requests." }, headers);
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
    return result;
  };
  switch (fault?.kind) {
    case "status": {
      const body = fault.body === undefined ? genericError(fault.status) : fault.body;
      return answer(fault.status, body, { ...rateHeaders, ...(fault.headers ?? {}) });
    }
    case "timeout":
      return holds.hold(req.socket, fault.holdMs ?? 30_000);
    case "reset":
      req.socket.destroy();
      return;
    case "created-then-status":
      route();
      return answer(fault.status, genericError(fault.status), rateHeaders);
    case "created-then-timeout":
      route();
      return holds.hold(req.socket, fault.holdMs ?? 30_000);
    case "delay":
      await holds.sleep(Math.max(0, fault.ms));
      if (res.destroyed) return;
      break;
  }
  const result = route();
  answer(result.status, result.body, rateHeaders);
}

function genericError(status: number): { code: number; message: string } {
  return { code: status, message: status === 500 ? "Server Error" : (STATUS_CODES[status] ?? "Error") };
}

/** The offer number a request is about: its JSON body's, or that of the offer /customer-offers/{id} names. */
function offerNumberOf(state: DoubleState, apiPath: string, json: unknown): string | undefined {
  if (
    typeof json === "object" &&
    json !== null &&
    typeof (json as { offerNumber?: unknown }).offerNumber === "string"
  )
    return (json as { offerNumber: string }).offerNumber;
  const m = /^\/customer-offers\/([^/]+)$/.exec(apiPath);
  if (m?.[1] === undefined) return undefined;
  try {
    return state.findOffer(decodeURIComponent(m[1]))?.offerNumber;
  } catch {
    return undefined;
  }
}
