// The local Apps Script runtime's UrlFetchApp: real HTTP against a throwaway server in a CHILD
// process (the runtime blocks this thread while it waits, so a server here would deadlock).
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GasRuntime, type RuntimeOptions } from "../../tools/gas-runtime";

const START = Date.UTC(2025, 3, 14, 8, 0);

const SERVER = String.raw`
const http = require("node:http");
let counted = 0;
const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://x");
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    const json = (status, value, headers = {}) => {
      res.writeHead(status, { "Content-Type": "application/json", ...headers });
      res.end(JSON.stringify(value));
    };
    switch (url.pathname) {
      case "/hello":
        return json(200, { method: req.method, virtualNow: req.headers["x-virtual-now"] }, {
          "X-RateLimit-Limit": "60",
          "X-RateLimit-Remaining": "59",
        });
      case "/echo":
        return json(200, { method: req.method, body, contentType: req.headers["content-type"], auth: req.headers.authorization });
      case "/delay":
        return setTimeout(() => json(200, { delayed: Number(url.searchParams.get("ms")) }), Number(url.searchParams.get("ms")));
      case "/fail":
        return json(500, { message: "x".repeat(150) });
      case "/count":
        counted++;
        return json(200, { counted });
      case "/counted":
        return json(200, { counted });
      case "/redirect":
        res.writeHead(302, { Location: "/hello" });
        return res.end();
      case "/hang":
        return; // never answers
      default:
        return json(404, { message: "not found" });
    }
  });
});
server.listen(0, "127.0.0.1", () => process.stdout.write(JSON.stringify({ port: server.address().port }) + "\n"));
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
`;

function startServer(): Promise<{ baseUrl: string; stop(): void }> {
  const child = spawn(process.execPath, ["-e", SERVER], { stdio: ["pipe", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    child.once("error", reject);
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (!out.includes("\n")) return;
      const { port } = JSON.parse(out.split("\n")[0]!) as { port: number };
      resolve({ baseUrl: `http://127.0.0.1:${port}`, stop: () => child.kill() });
    });
  });
}

const CODE = `
function get(url, params) {
  var r = UrlFetchApp.fetch(url, params || {});
  return { code: r.getResponseCode(), headers: r.getHeaders(), body: JSON.parse(r.getContentText()) };
}
function post(url) {
  var r = UrlFetchApp.fetch(url, { method: "post", contentType: "application/json", payload: JSON.stringify({ a: 1 }),
    headers: { Authorization: "Bearer k" } });
  return JSON.parse(r.getContentText());
}
function all(urls) {
  return UrlFetchApp.fetchAll(urls.map(function (u) { return { url: u, muteHttpExceptions: true }; }))
    .map(function (r) { return r.getResponseCode(); });
}
function tryGet(url, mute) {
  try { return UrlFetchApp.fetch(url, { muteHttpExceptions: mute }).getResponseCode(); } catch (e) { return e.message; }
}
function tryAll(urls) {
  try { UrlFetchApp.fetchAll(urls); return "no error"; } catch (e) { return e.message; }
}
`;

let server: { baseUrl: string; stop(): void };
let dist: string;

beforeAll(async () => {
  server = await startServer();
  dist = mkdtempSync(join(tmpdir(), "gas-runtime-fetch-"));
  writeFileSync(join(dist, "appsscript.json"), JSON.stringify({ timeZone: "Europe/Amsterdam" }));
  writeFileSync(join(dist, "Code.js"), CODE);
});
afterAll(() => server.stop());

const runtime = (opts: Partial<RuntimeOptions> = {}) =>
  new GasRuntime({ distDir: dist, startTime: START, ...opts });

describe("UrlFetchApp over real HTTP", () => {
  it("fetches, keeps the server's header case, and sends the virtual clock", () => {
    const rt = runtime();
    const r = rt.run("get", [`${server.baseUrl}/hello`]);
    expect(r.error).toBeUndefined();
    const out = r.returned as {
      code: number;
      headers: Record<string, string>;
      body: Record<string, unknown>;
    };
    expect(out.code).toBe(200);
    expect(out.headers).toMatchObject({ "X-RateLimit-Remaining": "59", "X-RateLimit-Limit": "60" });
    expect(out.body).toEqual({ method: "GET", virtualNow: String(START + 250) });
    expect(r.endedAt - r.startedAt).toBe(250);
  });

  it("sends method, payload, content type and headers; follows redirects", () => {
    const rt = runtime();
    expect(rt.run("post", [`${server.baseUrl}/echo`]).returned).toEqual({
      method: "POST",
      body: '{"a":1}',
      contentType: "application/json",
      auth: "Bearer k",
    });
    expect(rt.run("tryGet", [`${server.baseUrl}/redirect`, false]).returned).toBe(200);
  });

  it("sends a fetchAll batch in parallel and costs 250 ms + 10 ms per request", () => {
    const rt = runtime();
    const urls = [1, 2, 3, 4].map(() => `${server.baseUrl}/delay?ms=400`);
    const t0 = performance.now();
    const r = rt.run("all", [[...urls, `${server.baseUrl}/fail`]]);
    expect(performance.now() - t0).toBeLessThan(1500);
    expect(r.returned).toEqual([200, 200, 200, 200, 500]);
    expect(r.endedAt - r.startedAt).toBe(250 + 5 * 10);
    expect(r.cpuMs).toBeLessThan(400);
  });

  it("throws Apps Script's error for a status >= 400 unless muteHttpExceptions", () => {
    const rt = runtime();
    const url = `${server.baseUrl}/fail`;
    expect(rt.run("tryGet", [url, true]).returned).toBe(500);
    expect(rt.run("tryGet", [url, false]).returned).toBe(
      `Request failed for ${url} returned code 500. Truncated server response: ` +
        `{"message":"${"x".repeat(88)} (use muteHttpExceptions option to examine full response)`,
    );
  });

  it("turns a hanging request into a Timeout that costs virtual time", () => {
    const rt = runtime({ fetchTimeoutWallMs: 300, fetchTimeoutVirtualMs: 60_000 });
    const url = `${server.baseUrl}/hang`;
    const r = rt.run("tryGet", [url, true]);
    expect(r.returned).toBe(`Timeout: ${url}`);
    expect(r.endedAt - r.startedAt).toBe(250 + 60_000);
  });

  it("reports a refused connection as Address unavailable; fetchAll fails whole but sends the rest", () => {
    const rt = runtime();
    const refused = "http://127.0.0.1:1/x";
    expect(rt.run("tryGet", [refused, true]).returned).toBe(`Address unavailable: ${refused}`);
    const before = (rt.run("get", [`${server.baseUrl}/counted`]).returned as { body: { counted: number } })
      .body;
    const count = `${server.baseUrl}/count`;
    expect(rt.run("tryAll", [[count, refused, count]]).returned).toBe(`Address unavailable: ${refused}`);
    const after = (rt.run("get", [`${server.baseUrl}/counted`]).returned as { body: { counted: number } })
      .body;
    expect(after.counted - before.counted).toBe(2);
  });

  it("enforces the daily quota and the authorization mode", () => {
    const rt = runtime({ urlFetchDailyQuota: 2 });
    const url = `${server.baseUrl}/hello`;
    expect(rt.run("tryGet", [url, true]).returned).toBe(200);
    expect(rt.run("tryAll", [[url, url]]).returned).toBe(
      "Service invoked too many times for one day: urlfetch.",
    );
    expect(rt.run("tryGet", [url, true]).returned).toBe(200);
    expect(rt.run("tryGet", [url, true]).returned).toBe(
      "Service invoked too many times for one day: urlfetch.",
    );
    rt.clock.advance(86_400_000);
    expect(rt.run("tryGet", [url, true]).returned).toBe(200);
    expect(runtime().run("tryGet", [url, true], { authMode: "LIMITED" }).returned).toBe(
      "You do not have permission to call UrlFetchApp.fetch. " +
        "Required permissions: https://www.googleapis.com/auth/script.external_request",
    );
  });
});
