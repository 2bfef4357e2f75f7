// HTTP double of the MijnKlantportaal API on 127.0.0.1: createMkpDouble() gives a server with the API
// under /v1, the control interface under /__control/, and the same control operations in-process.

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleControl } from "./control";
import { serveApi } from "./pipeline";
import { DoubleState } from "./state";
import { nowFrom } from "./time";
import { Holds, sendJson } from "./transport";
import type { DoubleConfig, MkpControl } from "./types";

export type * from "./types";

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface MkpDouble extends MkpControl {
  /** Binds 127.0.0.1 (port 0 = a free port). */
  listen(port?: number): Promise<{ port: number; baseUrl: string }>;
  close(): Promise<void>;
  /** `http://127.0.0.1:PORT/v1` once listening. */
  readonly baseUrl: string;
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

async function dispatch(state: DoubleState, holds: Holds, req: IncomingMessage, res: ServerResponse) {
  const raw = await readBody(req);
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  if (path === "/__control" || path.startsWith("/__control/")) {
    if (raw === null) return sendJson(res, 413, { error: "body too large" });
    let body: unknown;
    try {
      body = raw.trim() === "" ? undefined : JSON.parse(raw);
    } catch {
      return sendJson(res, 400, { error: "invalid JSON" });
    }
    try {
      const now = nowFrom(req.headers["x-virtual-now"]);
      const result = handleControl(state, (req.method ?? "GET").toUpperCase(), path.slice(10), body, now);
      return sendJson(res, result.status, result.body);
    } catch (err) {
      return sendJson(res, 400, { error: err instanceof Error ? err.message : String(err) });
    }
  }
  if (raw === null) return sendJson(res, 413, { code: 413, message: "Content Too Large" });
  await serveApi(state, holds, req, res, raw);
}

export function createMkpDouble(config?: Partial<DoubleConfig>): MkpDouble {
  const state = new DoubleState(config);
  const holds = new Holds();
  const server = createServer((req, res) => {
    dispatch(state, holds, req, res).catch((err: unknown) => {
      if (!res.headersSent && !res.destroyed)
        sendJson(res, 500, {
          code: 500,
          message: `double error: ${err instanceof Error ? err.message : err}`,
        });
    });
  });
  server.on("clientError", (_err, socket) => socket.destroy());
  // The control client (fetch in a jest worker) keeps connections alive, and its thread is often blocked
  // for many seconds by synchronous script runs, so it cannot notice the server closing an idle socket
  // and reuses it ("other side closed"). Idle sockets therefore stay open until the client closes them.
  server.keepAliveTimeout = 0;

  const double: MkpDouble = {
    get baseUrl() {
      return state.baseUrl;
    },
    listen(port = 0) {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, "127.0.0.1", () => {
          server.off("error", reject);
          const bound = (server.address() as AddressInfo).port;
          state.baseUrl = `http://127.0.0.1:${bound}/v1`;
          resolve({ port: bound, baseUrl: state.baseUrl });
        });
      });
    },
    close() {
      holds.releaseAll();
      return new Promise((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
    reset: (c) => state.reset(c),
    configure: (partial) => state.configure(partial),
    config: () => state.config(),
    addCustomers: (items) => state.addCustomers(items),
    customers: () => state.customers(),
    seedOffers: (offers) => state.seedOffers(offers),
    seedGenerated: (options) => state.seedGenerated(options),
    seedGeneratedCustomers: (options) => state.seedGeneratedCustomers(options),
    offers: () => state.offers(),
    updateOffer: (id, patch) => state.updateOffer(id, patch),
    deleteOffer: (id) => state.deleteOffer(id),
    requests: () => state.requests(),
    clearRequests: () => state.clearRequests(),
    injectFaults: (rules) => state.injectFaults(rules),
    clearFaults: () => state.clearFaults(),
    faults: () => state.faults(),
    addListHooks: (rules) => state.addListHooks(rules),
    listHooks: () => state.listHooks(),
    clearListHooks: () => state.clearListHooks(),
    tooManyRequests: () => state.tooManyRequests(),
    rateViolations: () => state.rateViolations(),
    stats: () => state.stats(),
  };
  return double;
}
