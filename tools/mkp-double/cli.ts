// Runs the MKP double as a process: `node --import tsx tools/mkp-double/cli.ts [--port N] [--config JSON]
// [--ignore-stdin]`; prints {"port":N,"baseUrl":"http://127.0.0.1:N/v1"} and runs until SIGTERM/SIGINT/stdin end.

import { parseArgs } from "node:util";
import { createMkpDouble } from "./server";
import type { DoubleConfig } from "./types";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "0" },
      config: { type: "string", default: "{}" },
      "ignore-stdin": { type: "boolean", default: false },
    },
  });
  const config = JSON.parse(values.config) as Partial<DoubleConfig>;
  const double = createMkpDouble(config);
  const { port, baseUrl } = await double.listen(Number(values.port));

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    double.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  if (!values["ignore-stdin"]) {
    // The parent holds our stdin open; when it exits (or closes it), we stop.
    process.stdin.on("data", () => {});
    process.stdin.on("end", stop);
    process.stdin.on("close", stop);
    process.stdin.on("error", stop);
    process.stdin.resume();
  }
  process.stdout.write(`${JSON.stringify({ port, baseUrl })}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`mkp-double: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
