// The MKP double this jest worker uses: started for the whole jest run by global-setup.ts, one per
// worker; stop() leaves it running for the worker's next test file.

import { connectMkpDouble, type DoubleClient } from "../../tools/mkp-double/client";

/** The double this jest worker may use, when the global setup started one per worker; else null. */
export function workerDouble(): DoubleClient | null {
  const ports = (process.env.MKP_E2E_DOUBLE_PORTS ?? "").split(",").filter((p) => p !== "");
  const port = ports[Number(process.env.JEST_WORKER_ID ?? "1") - 1];
  return port === undefined ? null : connectMkpDouble(Number(port));
}
