// Fuzz mode of the MKP double: a seeded PRNG (mulberry32) picks which API requests get an odd answer and
// what it is: a random status with random JSON, truncated JSON, HTML, 1 MB, empty, binary, a wrong content
// type, or the bearer token echoed in various encodings (raw, after Bearer in any case, JSON-escaped once or
// twice, URL-encoded, as HTML entities). Same seed + same request order = same answers.

import { STATUS_CODES } from "node:http";
import type { FuzzConfig, FuzzRecord } from "./types";

const STATUSES = [200, 201, 400, 404, 408, 409, 422, 429, 500, 502, 503, 504];
const BODIES = [
  "json-random",
  "json-message",
  "json-laravel",
  "truncated-json",
  "html",
  "huge",
  "empty",
  "binary",
  "wrong-content-type",
  "token-echo",
] as const;
const ECHOES = [
  "raw",
  "bearer",
  "bearer-odd-case",
  "json-slash",
  "json-u002f",
  "json-unicode-all",
  "url",
  "url-all",
  "html-entity",
  "json-twice",
  "all",
] as const;
const FIELD_NAMES = [
  "offerNumber",
  "customerId",
  "lines.0.vatRate",
  "lines.12.amountExclVat",
  "per_page",
  "__proto__",
  "constructor",
  "toString",
  "",
  "ünïcødé",
  "a.b.c.d.e",
];
const MB = 1024 * 1024;

export interface FuzzAnswer {
  status: number;
  body: Buffer;
  headers: Record<string, string>;
  record: FuzzRecord;
}

export class Fuzzer {
  private state: number;

  constructor(private readonly config: FuzzConfig) {
    this.state = Math.floor(Number(config.seed)) >>> 0;
  }

  /** Uniform in [0, 1) (mulberry32). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** Whether this request (path after /v1) gets an odd answer; one draw per eligible request. */
  affects(path: string): boolean {
    const paths = this.config.paths;
    if (paths !== undefined && !paths.some((p) => path.startsWith(p))) return false;
    return this.next() < this.config.rate;
  }

  /**
   * For a POST create: whether it really creates before the odd answer. Only before a 2xx or a 5xx, as
   * a real server: a 4xx says the request was not processed (and after a 408 or 429 a client sends it
   * again), so an offer created before one would be a server bug no client could guard against.
   */
  createsFirst(status: number): boolean {
    const created = this.next() < 0.5;
    return created && (status < 400 || status >= 500);
  }

  answer(token: string | null): FuzzAnswer {
    const status = this.pick(STATUSES);
    let kind: string = this.pick(BODIES);
    if (kind === "token-echo" && token === null) kind = "json-random";
    const headers: Record<string, string> = {};
    let body: Buffer;
    let contentType: string | null = "application/json";
    switch (kind) {
      case "json-random":
        body = Buffer.from(JSON.stringify(this.value(0)));
        break;
      case "json-message":
        body = Buffer.from(JSON.stringify({ code: this.value(3), message: this.text() }));
        break;
      case "json-laravel":
        body = Buffer.from(JSON.stringify(this.laravel()));
        break;
      case "truncated-json": {
        const full = JSON.stringify({ data: [this.value(1), this.value(1)], message: this.text() });
        body = Buffer.from(full.slice(0, 1 + this.int(Math.max(1, full.length - 1))));
        break;
      }
      case "html":
        contentType = "text/html; charset=UTF-8";
        body = Buffer.from(this.html(status));
        break;
      case "huge":
        if (this.next() < 0.5) body = Buffer.from(JSON.stringify({ message: "x".repeat(MB) }));
        else {
          contentType = this.pick(["text/plain", "application/json", "text/html"]);
          body = Buffer.alloc(MB, "A");
        }
        break;
      case "empty":
        contentType = this.next() < 0.5 ? "application/json" : null;
        body = Buffer.alloc(0);
        break;
      case "binary":
        contentType = this.pick(["application/octet-stream", "application/json", "image/png"]);
        body = Buffer.from(Array.from({ length: 1 + this.int(2048) }, () => this.int(256)));
        break;
      case "wrong-content-type":
        contentType = this.pick(["text/html", "text/plain", "application/xml", "application/pdf"]);
        body = Buffer.from(JSON.stringify(this.value(1)));
        break;
      default: {
        const echo = this.pick(ECHOES);
        kind = `token-echo:${echo}`;
        contentType = this.pick(["application/json", "text/plain", "text/html"]);
        body = Buffer.from(echoBody(echo, token ?? ""));
        if (this.next() < 0.3) headers["x-debug-authorization"] = `Bearer ${token}`;
      }
    }
    if (contentType !== null) headers["Content-Type"] = contentType;
    if (status === 429) this.retryAfter(headers);
    return { status, body, headers, record: { status, body: kind, contentType } };
  }

  private retryAfter(headers: Record<string, string>): void {
    const r = this.int(4);
    if (r === 1) headers["retry-after"] = String(this.int(90));
    else if (r === 2) headers["retry-after"] = new Date(Date.UTC(2025, 0, 1) + this.int(1e9)).toUTCString();
    else if (r === 3) headers["retry-after"] = this.pick(["soon", "-5", "1.5", "99999999999", ""]);
  }

  private text(): string {
    const r = this.int(6);
    if (r === 0) return "";
    if (r === 1) return "x".repeat(50_001 + this.int(20_000));
    if (r === 2) return "Ünïcødé ✓ € 😀 \u0000 \u202e <script>alert(1)</script>";
    if (r === 3) return "line1\nline2\r\n\ttabbed";
    return `error ${this.int(1e6)}`;
  }

  private value(depth: number): unknown {
    const r = this.int(depth >= 4 ? 5 : 8);
    switch (r) {
      case 0:
        return null;
      case 1:
        return this.next() < 0.5;
      case 2:
        return this.pick([0, -1, 1.5, 1e308, -0, 2 ** 53 + 2, this.int(1e9)]);
      case 3:
      case 4:
        return this.text();
      case 5:
      case 6: {
        const out: Record<string, unknown> = {};
        for (let i = this.int(6); i > 0; i -= 1)
          out[this.pick([...FIELD_NAMES, "message", "data", "id"])] = this.value(depth + 1);
        return out;
      }
      default:
        return Array.from({ length: this.int(6) }, () => this.value(depth + 1));
    }
  }

  private laravel(): unknown {
    const errors: Record<string, unknown> = {};
    for (let i = 1 + this.int(4); i > 0; i -= 1) {
      const field = this.next() < 0.7 ? this.pick(FIELD_NAMES) : `field_${this.int(1e6)}`;
      const r = this.int(4);
      errors[field] = r === 0 ? this.text() : r === 1 ? this.value(2) : [this.text(), this.text()];
    }
    return { message: this.text(), errors: this.next() < 0.9 ? errors : [errors] };
  }

  private html(status: number): string {
    const title = `${status} ${STATUS_CODES[status] ?? "Error"}`;
    return (
      `<!DOCTYPE html><html><head><title>${title}</title></head><body><center><h1>${title}</h1>` +
      `</center><hr><center>nginx</center>${"<!-- padding -->".repeat(this.int(64))}</body></html>`
    );
  }
}

/** JSON string content of `s` (no quotes), with extra escaping of `/` or of every character. */
function jsonContent(s: string, slash: "plain" | "\\/" | "\\u002f" | "all"): string {
  if (slash === "all")
    return [...s].map((c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`).join("");
  const plain = JSON.stringify(s).slice(1, -1);
  return slash === "plain" ? plain : plain.replace(/\//g, slash);
}

function echoBody(echo: (typeof ECHOES)[number], token: string): string {
  const forms: Record<Exclude<(typeof ECHOES)[number], "all">, string> = {
    raw: token,
    bearer: `Bearer ${token}`,
    "bearer-odd-case": `bEaReR ${token}`,
    "json-slash": jsonContent(token, "\\/"),
    "json-u002f": jsonContent(token, "\\u002f"),
    "json-unicode-all": jsonContent(token, "all"),
    url: encodeURIComponent(token),
    "url-all": [...Buffer.from(token)]
      .map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`)
      .join(""),
    "html-entity": token.replace(/[/+=]/g, (c) => `&#${c.charCodeAt(0)};`),
    // A JSON document inside a JSON string: every backslash escaped again (`\\/`).
    "json-twice": jsonContent(jsonContent(token, "\\/"), "plain"),
  };
  if (echo === "all") return Object.values(forms).join("\n");
  const form = forms[echo];
  // JSON forms are written into JSON text as-is, so their escapes reach the client.
  if (echo.startsWith("json-") || echo === "html-entity")
    return `{"message":"Invalid token ${form}","token":"${form}"}`;
  return `{"message":"Unauthenticated (${form})","authorization":"${form}"}`;
}
