// What an API answer means for an offer: created, refused (with the API's reason in plain words),
// or a temporary problem — expected outcomes as values, never exceptions.

import { capText, type FieldError, MAX_ANSWER_CHARS, REASON_PHRASES, summarizeAnswer } from "./api-answer";
import { pick } from "./language";
import { texts } from "./texts";
import { ANSWER_TEXTS } from "./texts-answers";

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
  /** As served; "" when it cannot be read. */
  readonly offerNumber: string;
  /**
   * True when the API served the offer number as a JSON number (PHP's JSON_NUMERIC_CHECK turns
   * `"0042"` into 42): then it stands for any offer number of that value.
   */
  readonly numericNumber?: boolean;
  readonly customerId: string;
  readonly acceptedAt: string | null;
  readonly rejectedAt: string | null;
  readonly expiresAt: string;
}

export type Outcome =
  /** `status`: 201 says this request made it; 200 may also hand back an offer made before. */
  | { readonly kind: "created"; readonly offer: CreatedOffer; readonly status?: number }
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
    // A byte order mark before the JSON (some servers and proxies add one) is not part of it.
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch {
    return null;
  }
}

const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

/**
 * A field of an API object by its documented name, or (a Laravel model served as it is) by the same
 * name in snake_case: `offerNumber` or `offer_number`.
 */
export function field(o: Record<string, unknown>, name: string): unknown {
  const v = o[name];
  return v !== undefined ? v : o[name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)];
}

/** An offer number: text as it is; a JSON number as JavaScript writes it (numeric: true); else null. */
function offerNumberOf(v: unknown): { text: string; numeric: boolean } | null {
  if (typeof v === "string") return { text: v, numeric: false };
  if (typeof v === "number" && Number.isFinite(v)) return { text: String(v), numeric: true };
  return null;
}

/**
 * A timestamp field: the documented ATOM text as it is; a number (a Unix time, in seconds below 10^11,
 * else milliseconds) as ISO text, so that creation times stay comparable and dates are not lost.
 */
const stamp = (v: unknown): string | null => {
  if (typeof v === "string") return v;
  if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) return null;
  const ms = v < 1e11 ? v * 1000 : v;
  // Not a time of this product's offers (before 2000, or past 2200): not known rather than read as
  // "long ago", which would make an offer that may be ours look like someone else's.
  if (ms < Date.UTC(2000, 0, 1) || ms > Date.UTC(2200, 0, 1)) return null;
  return new Date(ms).toISOString();
};

/**
 * An offer ID: documented as `off_…`, but an API that serves ids in another form (no prefix, an integer)
 * must still be read. Otherwise a created offer looks absent in its answer and in the list, and is sent
 * again: one offer for each run. Short text of letters, digits, `_` and `-` only, never a sentence.
 */
export function isOfferId(text: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(text);
}

/** The id of an offer object: `off_…` always; another form only when the object has an offer number. */
function offerIdOf(o: Record<string, unknown>): string | null {
  const raw = typeof o.id === "number" && Number.isSafeInteger(o.id) && o.id > 0 ? String(o.id) : str(o.id);
  if (raw === null) return null;
  if (raw.startsWith("off_")) return raw;
  return offerNumberOf(field(o, "offerNumber")) !== null && isOfferId(raw) ? raw : null;
}

/** The CustomerOffer in a response body, or null when it is not one. */
export function asCustomerOffer(json: unknown): CreatedOffer | null {
  if (json === null || typeof json !== "object") return null;
  const o = json as Record<string, unknown>;
  const data = o.data !== null && typeof o.data === "object" && !Array.isArray(o.data) ? o.data : null;
  const id = offerIdOf(o);
  if (id === null) return data ? asCustomerOffer(data) : null;
  const number = offerNumberOf(field(o, "offerNumber"));
  return {
    id,
    amount: str(o.amount) ?? (typeof o.amount === "number" ? o.amount.toFixed(2) : ""),
    createdAt: stamp(field(o, "createdAt")) ?? "",
    offerNumber: number?.text ?? "",
    ...(number?.numeric ? { numericNumber: true } : {}),
    customerId: str(field(o, "customerId")) ?? "",
    acceptedAt: stamp(field(o, "acceptedAt")),
    rejectedAt: stamp(field(o, "rejectedAt")),
    expiresAt: str(field(o, "expiresAt")) ?? "",
  };
}

/**
 * An item of the offers list: an offer, or an item whose ID cannot be read (ID "" then, and what else
 * cannot be read ""). A lookup must not prove an offer absent past an item that may be it
 * (reconcile.ts): one of the number sent, or of a number, customer or ID it cannot read.
 */
export function asListedOffer(json: unknown): CreatedOffer {
  const offer = asCustomerOffer(json);
  if (offer) return offer;
  const o = json !== null && typeof json === "object" ? (json as Record<string, unknown>) : {};
  const number = offerNumberOf(field(o, "offerNumber"));
  return {
    id: "",
    amount: "",
    createdAt: stamp(field(o, "createdAt")) ?? "",
    offerNumber: number?.text ?? "",
    ...(number?.numeric ? { numericNumber: true } : {}),
    customerId: str(field(o, "customerId")) ?? "",
    acceptedAt: null,
    rejectedAt: null,
    expiresAt: "",
  };
}

/** `lines.0.vatRate` → `Line 1, VAT rate`; `customerId` → `Customer ID`; unknown names as the API gave them. */
export function fieldLabel(error: Pick<FieldError, "path" | "line" | "field">): string {
  const t = pick(ANSWER_TEXTS);
  const name = (key: string): string => (Object.keys(t.field).includes(key) ? (t.field[key] ?? key) : key);
  if (error.line === null) return name(error.path);
  return error.field === "" ? t.line(error.line) : `${t.line(error.line)}, ${name(error.field)}`;
}

/** The API's own words in a short plain form (CONTRACT §6), or null when it gave none. */
export function answerWords(status: number, contentType: string | null, body: string): string | null {
  const summary = summarizeAnswer(status, contentType, body);
  const parts: string[] = summary.message === null ? [] : [summary.message];
  for (const f of summary.fields) {
    const text = f.messages.join(" ");
    parts.push(text === "" ? fieldLabel(f) : `${fieldLabel(f)}: ${text}`);
  }
  if (parts.length === 0) return null;
  const more = summary.omitted > 0 ? ` ${pick(ANSWER_TEXTS).moreErrors(summary.omitted)}` : "";
  return capText(parts.join("; "), MAX_ANSWER_CHARS) + more;
}

/** A refused offer's Message: the API's reason (or the status in words) and what to do next. */
export function reasonOf(body: string, status: number, contentType: string | null = null): string {
  const t = pick(ANSWER_TEXTS);
  const words = answerWords(status, contentType, body);
  if (words !== null) return t.refused(words, status);
  const phrase = REASON_PHRASES[status] ?? "";
  return summarizeAnswer(status, contentType, body).html
    ? t.refusedPage(status, phrase)
    : t.refusedNoReason(status, phrase);
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
    if (offer) return { kind: "created", offer, status };
    return { kind: "transient", reason: texts().unexpectedAnswer(status), ambiguous: mutating };
  }
  const type = header(headers, "content-type");
  if (status === 401 || status === 403)
    return { kind: "unauthorized", status, reason: answerWords(status, type, body) ?? `HTTP ${status}` };
  if (status === 429) return { kind: "rate-limited", retryAfterMs: retryAfterMs(headers, nowMs) };
  if (status === 408) return { kind: "transient", reason: texts().temporaryError(408), ambiguous: false };
  if (status >= 500)
    return { kind: "transient", reason: texts().temporaryError(status), ambiguous: mutating };
  if (status >= 400) return { kind: "refused", status, reason: reasonOf(body, status, type) };
  if (status >= 300 && status < 400) {
    // Not followed (the key would go along): where it points, bounded and on one line.
    const location = capText((header(headers, "location") ?? "").replace(/\s+/g, " ").trim(), 200);
    return { kind: "transient", reason: texts().redirected(status, location), ambiguous: mutating };
  }
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
