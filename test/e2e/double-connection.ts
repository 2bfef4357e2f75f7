// A DoubleClient for an MKP double that is already running (started for the whole jest run by
// global-setup.ts): the same control calls as tools/mkp-double/client.ts, and stop() leaves
// the double running for the next test file of this worker.

import type { DoubleClient } from "../../tools/mkp-double/client";

export function connectDouble(port: number): DoubleClient {
  const controlUrl = `http://127.0.0.1:${port}/__control`;
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${controlUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const parsed: unknown = text === "" ? undefined : JSON.parse(text);
    if (!res.ok) throw new Error(`mkp-double control ${method} ${path}: HTTP ${res.status} ${text}`);
    return parsed as T;
  }
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    port,
    reset: (c = {}) => call("POST", "/reset", c),
    configure: (partial) => call("POST", "/config", partial),
    config: () => call("GET", "/config"),
    addCustomers: (items) => call("POST", "/customers", items),
    customers: () => call("GET", "/customers"),
    seedOffers: (offers) => call("POST", "/offers", offers),
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
    stats: () => call("GET", "/stats"),
    stop: async () => {},
  };
}

/** The double this jest worker may use, when the global setup started one per worker; else null. */
export function workerDouble(): DoubleClient | null {
  const ports = (process.env.MKP_E2E_DOUBLE_PORTS ?? "").split(",").filter((p) => p !== "");
  const port = ports[Number(process.env.JEST_WORKER_ID ?? "1") - 1];
  return port === undefined ? null : connectDouble(Number(port));
}
