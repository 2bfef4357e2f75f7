// What an API answer means for an offer: created, refused (with the API's reason in plain words),
// or a temporary problem — expected outcomes as values, never exceptions.

import { LINE_COLUMNS, OFFER_COLUMNS } from "./columns";
import { texts } from "./texts";

export type Headers = Readonly<Record<string, string | readonly string[]>>;

/** An HTTP exchange as the shell saw it: a response, or a failure before one arrived. */
export type Exchange =
  | { readonly kind: "response"; readonly status: number; readonly headers: Headers; readonly body: string }
  | { readonly kind: "timeout"; readonly detail: string }
  | { readonly kind: "network"; readonly detail: string }
  | { readonly kind: "quota"; readonly detail: string };

export interface CreatedOffer {
  readonly id: string;
  readonly amount: string;
  readonly createdAt: string;
  readonly offerNumber: string;
  readonly customerId: string;
  readonly acceptedAt: string | null;
  readonly rejectedAt: string | null;
  readonly expiresAt: string;
}

export type Outcome =
  | { readonly kind: "created"; readonly offer: CreatedOffer }
  /** The API refused the request (4xx other than 401/403/408/429): never retried. */
  | { readonly kind: "refused"; readonly status: number; readonly reason: string }
  | { readonly kind: "unauthorized"; readonly status: number; readonly reason: string }
  | { readonly kind: "rate-limited"; readonly retryAfterMs: number | null }
  /** A temporary failure; `ambiguous` when the server may have acted on the request anyway. */
  | {
      readonly kind: "transient";
      readonly reason: string;
      readonly ambiguous: boolean;
      /** No answer came at all (timeout, network): the server may still be working on it. */
      readonly noAnswer?: boolean;
    }
  | { readonly kind: "quota"; readonly reason: string };

/** Header lookup ignoring case, as HTTP requires. */
export function header(headers: Headers, name: string): string | null {
  const wanted = name.toLowerCase();
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() === wanted) {
      const v = headers[key];
      if (v === undefined) return null;
      return typeof v === "string" ? v : (v[0] ?? null);
    }
  }
  return null;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

/** The CustomerOffer in a response body, or null when it is not one. */
export function asCustomerOffer(json: unknown): CreatedOffer | null {
  if (json === null || typeof json !== "object") return null;
  const o = json as Record<string, unknown>;
  const data = o.data !== null && typeof o.data === "object" && !Array.isArray(o.data) ? o.data : null;
  if (!str(o.id) && data) return asCustomerOffer(data);
  const id = str(o.id);
  if (!id?.startsWith("off_")) return null;
  return {
    id,
    amount: str(o.amount) ?? (typeof o.amount === "number" ? o.amount.toFixed(2) : ""),
    createdAt: str(o.createdAt) ?? "",
    offerNumber: str(o.offerNumber) ?? "",
    customerId: str(o.customerId) ?? "",
    acceptedAt: str(o.acceptedAt),
    rejectedAt: str(o.rejectedAt),
    expiresAt: str(o.expiresAt) ?? "",
  };
}

/** A column's name as messages call it (the catalogue's field name, else its header). */
function fieldName(key: string): string {
  const fields: Readonly<Record<string, string>> = texts().fields;
  return fields[key] ?? [...OFFER_COLUMNS, ...LINE_COLUMNS].find((c) => c.key === key)?.header ?? key;
}

/** `lines.0.vatRate` → `Line 1 VAT rate`; `customerId` → `Customer ID`. */
export function fieldLabel(path: string): string {
  const m = /^lines\.(\d+)\.(\w+)$/.exec(path);
  if (m) {
    const col = LINE_COLUMNS.find((c) => c.key === m[2]);
    return texts().apiLineField(Number(m[1]) + 1, col ? fieldName(col.key) : (m[2] ?? ""));
  }
  const col = OFFER_COLUMNS.find((c) => c.key === path);
  return col ? fieldName(col.key) : path;
}

/** The API's own reason, from `message` and/or `errors` (Laravel style or a plain list). */
export function reasonOf(body: string, status: number): string {
  const json = parseJson(body);
  const parts: string[] = [];
  if (json !== null && typeof json === "object") {
    const o = json as Record<string, unknown>;
    const errors = o.errors;
    if (Array.isArray(errors)) {
      for (const e of errors) {
        const text = str(e) ?? str((e as Record<string, unknown> | null)?.message);
        if (text) parts.push(text);
      }
    } else if (errors !== null && typeof errors === "object") {
      for (const [field, msgs] of Object.entries(errors as Record<string, unknown>)) {
        const list = Array.isArray(msgs)
          ? msgs.filter((x): x is string => typeof x === "string")
          : [String(msgs)];
        for (const msg of list) parts.push(`${fieldLabel(field)}: ${msg}`);
      }
    }
    const message = str(o.message) ?? str(o.error);
    if (parts.length === 0 && message) parts.push(message);
  }
  if (parts.length === 0) {
    const text = body.trim().replace(/\s+/g, " ");
    if (text !== "" && text.length <= 200 && !text.startsWith("<")) parts.push(text);
  }
  const reason = parts.join("; ");
  return texts().apiReason(reason, status);
}

/** Milliseconds to wait after a 429: `retry-after` (seconds or a date), else `x-ratelimit-reset`. */
export function retryAfterMs(headers: Headers, nowMs: number): number | null {
  const after = header(headers, "retry-after");
  if (after !== null) {
    const seconds = Number(after.trim());
    if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
    const at = Date.parse(after);
    if (!Number.isNaN(at)) return Math.max(0, at - nowMs);
  }
  const reset = Number(header(headers, "x-ratelimit-reset") ?? Number.NaN);
  if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - nowMs);
  return null;
}

/** Classifies the answer to a request; `mutating` requests (POST) are ambiguous on 5xx/timeouts. */
export function classify(exchange: Exchange, nowMs: number, mutating: boolean): Outcome {
  if (exchange.kind === "quota") return { kind: "quota", reason: exchange.detail };
  if (exchange.kind === "timeout") {
    return { kind: "transient", reason: texts().noAnswerInTime(), ambiguous: mutating, noAnswer: true };
  }
  if (exchange.kind === "network") {
    return {
      kind: "transient",
      reason: texts().unreachable(),
      ambiguous: mutating,
      noAnswer: true,
    };
  }
  const { status, headers, body } = exchange;
  if (status === 200 || status === 201) {
    const offer = asCustomerOffer(parseJson(body));
    if (offer) return { kind: "created", offer };
    return { kind: "transient", reason: texts().unexpectedAnswer(status), ambiguous: mutating };
  }
  if (status === 401 || status === 403)
    return { kind: "unauthorized", status, reason: reasonOf(body, status) };
  if (status === 429) return { kind: "rate-limited", retryAfterMs: retryAfterMs(headers, nowMs) };
  if (status === 408) return { kind: "transient", reason: texts().temporaryError(408), ambiguous: false };
  if (status >= 500)
    return { kind: "transient", reason: texts().temporaryError(status), ambiguous: mutating };
  if (status >= 400) return { kind: "refused", status, reason: reasonOf(body, status) };
  return { kind: "transient", reason: texts().unexpectedAnswer(status), ambiguous: mutating };
}

/** What is left of the rate-limit window, from any response's headers. */
export function rateLimitOf(headers: Headers): { limit: number | null; remaining: number | null } {
  const num = (name: string): number | null => {
    const v = header(headers, name);
    const n = v === null ? Number.NaN : Number(v);
    return Number.isFinite(n) ? n : null;
  };
  return { limit: num("x-ratelimit-limit"), remaining: num("x-ratelimit-remaining") };
}
