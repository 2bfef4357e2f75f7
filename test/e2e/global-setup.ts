// Jest globalSetup: builds dist/ (scripts/build.mjs) before any test, so the e2e tests always load the
// bundle of the current src/; then starts one MKP double per worker, which the e2e test files of that
// worker share (each world resets it) instead of starting one per file.

import { execFileSync } from "node:child_process";
import { join } from "node:path";
import type { GlobalConfig } from "jest";
import { type DoubleClient, startMkpDouble } from "../../tools/mkp-double/client";

declare global {
  var mkpE2eDoubles: DoubleClient[] | undefined;
}

export default async function globalSetup(config: GlobalConfig): Promise<void> {
  execFileSync(process.execPath, [join(__dirname, "..", "..", "scripts", "build.mjs")], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const doubles = await Promise.all(
    Array.from({ length: Math.max(1, config.maxWorkers) }, () => startMkpDouble()),
  );
  globalThis.mkpE2eDoubles = doubles;
  process.env.MKP_E2E_DOUBLE_PORTS = doubles.map((d) => d.port).join(",");
}
