// Starts the MKP double in a child process (never in the caller's process, whose main thread may be
// blocked by synchronous API calls) and controls it over HTTP: startMkpDouble() → DoubleClient.

import { type ChildProcess, spawn } from "node:child_process";
import type { Socket } from "node:net";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import type { DoubleClient, DoubleConfig } from "./types";

export type * from "./types";

const HERE = typeof __dirname === "string" ? __dirname : join(process.cwd(), "tools", "mkp-double");
const REPO_ROOT = resolve(HERE, "..", "..");

export interface StartOptions {
  /** How long to wait for the child to report its port (default 20 s). */
  startTimeoutMs?: number;
}

function unrefStream(stream: unknown): void {
  (stream as Partial<Socket> | null)?.unref?.();
}

/** Waits for the child's first stdout line (the JSON with the port). */
function firstLine(child: ChildProcess, timeoutMs: number, stderr: () => string): Promise<string> {
  return new Promise((resolveLine, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const done = (err: Error | null, line?: string): void => {
      clearTimeout(timer);
      lines.close();
      child.off("exit", onExit);
      if (err === null) resolveLine(line ?? "");
      else reject(err);
    };
    const onExit = (code: number | null, signal: string | null): void =>
      done(new Error(`mkp-double exited before starting (code ${code}, signal ${signal}): ${stderr()}`));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      done(new Error(`mkp-double did not start within ${timeoutMs} ms: ${stderr()}`));
    }, timeoutMs);
    lines.once("line", (line) => done(null, line));
    child.once("exit", onExit);
    child.once("error", (err) => done(err));
  });
}

export async function startMkpDouble(
  config: Partial<DoubleConfig> = {},
  options: StartOptions = {},
): Promise<DoubleClient> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(HERE, "cli.ts"), "--config", JSON.stringify(config)],
    { cwd: REPO_ROOT, stdio: ["pipe", "pipe", "pipe"] },
  );
  let errText = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    errText = (errText + chunk.toString("utf8")).slice(-4000);
  });
  const killOnExit = (): void => {
    child.kill("SIGKILL");
  };
  process.on("exit", killOnExit);

  let line: string;
  try {
    line = await firstLine(child, options.startTimeoutMs ?? 20_000, () => errText);
  } catch (err) {
    process.off("exit", killOnExit);
    throw err;
  }
  const { port, baseUrl } = JSON.parse(line) as { port: number; baseUrl: string };
  // From here the child must not keep the caller alive; our stdin pipe closing also stops it.
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) unrefStream(stream);
  child.stdout?.resume();

  const exited = new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done();
    else child.once("exit", () => done());
  });
  return connectMkpDouble(port, baseUrl, async () => {
    process.off("exit", killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
      await exited;
      clearTimeout(timer);
    }
  });
}

/** A client of a double already running on `port` (e.g. one started for a whole jest run). */
export function connectMkpDouble(
  port: number,
  baseUrl = `http://127.0.0.1:${port}/v1`,
  stop: () => Promise<void> = async () => undefined,
): DoubleClient {
  const controlUrl = `http://127.0.0.1:${port}/__control`;

  const send = (method: string, path: string, body?: unknown) =>
    fetch(`${controlUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await send(method, path, body);
    } catch (e) {
      // After a long synchronous run (the runtime blocks the event loop) the double may have closed
      // the idle keep-alive socket without undici seeing it: the request never left. Once more.
      if (!/other side closed|ECONNRESET|socket/i.test(String((e as { cause?: unknown }).cause ?? e)))
        throw e;
      await new Promise((resolve) => setTimeout(resolve, 20));
      res = await send(method, path, body);
    }
    const text = await res.text();
    const parsed: unknown = text === "" ? undefined : JSON.parse(text);
    if (!res.ok) throw new Error(`mkp-double control ${method} ${path}: HTTP ${res.status} ${text}`);
    return parsed as T;
  }

  return {
    baseUrl,
    port,
    reset: (c = {}) => call("POST", "/reset", c),
    configure: (partial) => call("POST", "/config", partial),
    config: () => call("GET", "/config"),
    addCustomers: (items) => call("POST", "/customers", items),
    customers: () => call("GET", "/customers"),
    updateCustomer: (id, patch) => call("PATCH", `/customers/${encodeURIComponent(id)}`, patch),
    deleteCustomer: async (id) => {
      const res = await fetch(`${controlUrl}/customers/${encodeURIComponent(id)}`, { method: "DELETE" });
      await res.text();
      return res.ok;
    },
    seedOffers: (offers) => call("POST", "/offers", offers),
    seedGenerated: (options) => call("POST", "/generate-offers", options),
    seedGeneratedCustomers: (options) => call("POST", "/generate-customers", options),
    offers: () => call("GET", "/offers"),
    updateOffer: (id, patch) => call("PATCH", `/offers/${encodeURIComponent(id)}`, patch),
    deleteOffer: async (id) => {
      const res = await fetch(`${controlUrl}/offers/${encodeURIComponent(id)}`, { method: "DELETE" });
      await res.text();
      return res.ok;
    },
    requests: () => call("GET", "/requests"),
    clearRequests: async () => {
      await call("DELETE", "/requests");
    },
    injectFaults: (rules) => call("POST", "/faults", rules),
    clearFaults: async () => {
      await call("DELETE", "/faults");
    },
    faults: () => call("GET", "/faults"),
    addListHooks: (rules) => call("POST", "/list-hooks", rules),
    listHooks: () => call("GET", "/list-hooks"),
    clearListHooks: async () => {
      await call("DELETE", "/list-hooks");
    },
    tooManyRequests: () => call("GET", "/rate-limited"),
    rateViolations: () => call("GET", "/rate-violations"),
    stats: () => call("GET", "/stats"),
    stop,
  };
}
