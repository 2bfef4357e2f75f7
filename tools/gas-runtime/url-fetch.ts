// UrlFetchApp: real HTTP done synchronously (a synckit worker sends each batch in parallel), with
// Apps Script's errors, its daily quota, and the virtual clock passed to the server in x-virtual-now.
import { join, resolve } from "node:path";
import { createSyncFn } from "synckit";
import { strict } from "./env";
import { type ExecEnv, requireAuth } from "./execution";

interface WireRequest {
  url: string;
  method: string;
  headers: [string, string][];
  body?: string;
  followRedirects: boolean;
}

type WireResult =
  | { status: number; rawHeaders: string[]; body: string }
  | { error: "timeout" | "network" | "dns" | "invalid"; message: string };

type SendBatch = (requests: WireRequest[], wallTimeoutMs: number) => WireResult[];

const HERE = typeof __dirname === "string" ? __dirname : resolve("tools/gas-runtime");
let sendBatch: SendBatch | undefined;

/** Sends requests in parallel and blocks until all are answered. One worker per process (unref'd). */
export function sendHttp(requests: WireRequest[], wallTimeoutMs: number): WireResult[] {
  if (requests.length === 0) return [];
  // synckit caches the worker per path; it does not keep the process alive once the work is done.
  sendBatch ??= createSyncFn<SendBatch>(join(HERE, "http-worker.mjs"), { timeout: 15 * 60_000 });
  return sendBatch(requests, wallTimeoutMs);
}

export interface UrlFetchSettings {
  fetchTimeoutWallMs: number;
  fetchTimeoutVirtualMs: number;
  /** Requests allowed per virtual day; shared by all executions of the runtime. */
  quota: { limit: number; day: number; used: number };
  /** Real milliseconds spent blocked on HTTP, so cpuMs can leave them out. */
  blocked: { ms: number };
}

const KNOWN_PARAMS = new Set([
  "url",
  "method",
  "headers",
  "contentType",
  "payload",
  "muteHttpExceptions",
  "followRedirects",
  "validateHttpsCertificates",
  "escaping",
]);
const USER_AGENT =
  "Mozilla/5.0 (compatible; Google-Apps-Script; beanserver; +https://script.google.com; id: local)";

type Params = Record<string, unknown>;

export function createUrlFetchApp(env: ExecEnv, settings: UrlFetchSettings): object {
  const start = (method: string, count: number) => {
    env.record("UrlFetchApp", method, method === "fetchAll" ? { requests: count } : undefined);
    requireAuth(env, `UrlFetchApp.${method}`, "script.external_request");
    const q = settings.quota;
    const day = Math.floor(env.now() / 86_400_000);
    if (day !== q.day) Object.assign(q, { day, used: 0 });
    if (q.used + count > q.limit)
      throw env.makeError("Service invoked too many times for one day: urlfetch.");
    q.used += count;
  };
  const exchange = (requests: { url: string; params: Params }[]) => {
    const wire = requests.map((r) => toWire(env, r.url, r.params));
    const t0 = performance.now();
    const results = sendHttp(wire, settings.fetchTimeoutWallMs);
    settings.blocked.ms += performance.now() - t0;
    // A server may say how long its answer took in virtual time (X-Virtual-Elapsed-Ms, the MKP double's
    // slow fault): the batch's requests run side by side, so the call takes the longest of them, and an
    // answer that would come at or after the fetch timeout is a timeout.
    const elapsed = results.map((r) => ("error" in r ? 0 : virtualElapsed(r.rawHeaders)));
    const slowest = Math.max(0, ...elapsed);
    const late = slowest >= settings.fetchTimeoutVirtualMs;
    const timedOut = late || results.some((r) => "error" in r && r.error === "timeout");
    // A failure of any request fails the whole call (the others were still sent), as in Apps Script.
    env.spend(timedOut ? settings.fetchTimeoutVirtualMs : slowest);
    if (late) {
      const i = elapsed.indexOf(slowest);
      throw env.makeError(`Timeout: ${requests[i]?.url ?? ""}`);
    }
    results.forEach((r, i) => {
      const url = requests[i]!.url;
      if (!("error" in r)) return;
      if (r.error === "timeout") throw env.makeError(`Timeout: ${url}`);
      if (r.error === "dns") throw env.makeError(`DNS error: ${url}`);
      if (r.error === "invalid") throw env.makeError(`Invalid argument: ${url}`);
      throw env.makeError(`Address unavailable: ${url}`);
    });
    return results.map((r, i) => {
      const { url, params } = requests[i]!;
      const ok = r as { status: number; rawHeaders: string[]; body: string };
      if (ok.status >= 400 && params.muteHttpExceptions !== true) {
        throw env.makeError(
          `Request failed for ${url} returned code ${ok.status}. Truncated server response: ` +
            `${ok.body.slice(0, 100)} (use muteHttpExceptions option to examine full response)`,
        );
      }
      return httpResponse(env, ok);
    });
  };
  return strict(
    "UrlFetchApp",
    {
      fetch(url: unknown, params?: Params) {
        start("fetch", 1);
        return exchange([{ url: String(url), params: params ?? {} }])[0];
      },
      fetchAll(requests: unknown[]) {
        const list = Array.isArray(requests) ? requests : [];
        start("fetchAll", list.length);
        const normalized = list.map((r) =>
          typeof r === "string"
            ? { url: r, params: {} }
            : { url: String((r as Params).url), params: r as Params },
        );
        return env.toScriptList(exchange(normalized));
      },
      getRequest: () => env.notImplemented("UrlFetchApp.getRequest"),
    },
    env,
  );
}

function virtualElapsed(rawHeaders: string[]): number {
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (rawHeaders[i]!.toLowerCase() !== "x-virtual-elapsed-ms") continue;
    const ms = Number(rawHeaders[i + 1]);
    return Number.isFinite(ms) && ms > 0 ? ms : 0;
  }
  return 0;
}

function toWire(env: ExecEnv, url: string, params: Params): WireRequest {
  for (const key of Object.keys(params)) {
    if (!KNOWN_PARAMS.has(key)) env.notImplemented(`UrlFetchApp.fetch option "${key}"`);
  }
  if (!/^https?:\/\/[^\s/]+/i.test(url)) throw env.makeError(`Invalid argument: ${url}`);
  const headers = new Map<string, [string, string]>();
  const set = (name: string, value: string) => headers.set(name.toLowerCase(), [name, value]);
  set("User-Agent", USER_AGENT);
  if (params.headers !== undefined && params.headers !== null) {
    for (const [k, v] of Object.entries(params.headers as Record<string, unknown>)) set(k, String(v));
  }
  let body: string | undefined;
  if (params.payload !== undefined && params.payload !== null) {
    if (typeof params.payload !== "string") {
      env.notImplemented("UrlFetchApp.fetch with a non-string payload (form encoding, bytes, Blob)");
    }
    body = params.payload;
    if (!headers.has("content-type")) set("Content-Type", "application/x-www-form-urlencoded");
  }
  if (params.contentType !== undefined) set("Content-Type", String(params.contentType));
  set("x-virtual-now", String(env.now()));
  const wire: WireRequest = {
    url,
    method: String(params.method ?? "get").toUpperCase(),
    headers: [...headers.values()],
    followRedirects: params.followRedirects !== false,
  };
  if (body !== undefined) wire.body = body;
  return wire;
}

function httpResponse(env: ExecEnv, r: { status: number; rawHeaders: string[]; body: string }): object {
  // Header names as the server cased them; repeated headers become arrays in getAllHeaders.
  const all: Record<string, string[]> = {};
  for (let i = 0; i + 1 < r.rawHeaders.length; i += 2) {
    const name = r.rawHeaders[i]!;
    const existing = Object.keys(all).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
    all[existing] = [...(all[existing] ?? []), r.rawHeaders[i + 1]!];
  }
  const call = (method: string) => env.record("HTTPResponse", method);
  return strict(
    "HTTPResponse",
    {
      getResponseCode() {
        call("getResponseCode");
        return r.status;
      },
      getContentText(_charset?: string) {
        call("getContentText");
        return r.body;
      },
      getHeaders() {
        call("getHeaders");
        return env.toScript(Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v.join(", ")])));
      },
      getAllHeaders() {
        call("getAllHeaders");
        return env.toScript(
          Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v.length > 1 ? v : v[0]])),
        );
      },
    },
    env,
  );
}
