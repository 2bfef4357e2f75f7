// The product as Apps Script runs it: the built dist/ in the local runtime (a fresh V8 context per
// execution), with a spreadsheet, talking real HTTP to the MijnKlantportaal double in a child process.

import { join } from "node:path";
import { GasRuntime, type RuntimeOptions, SpreadsheetModel } from "../../tools/gas-runtime";
import { type DoubleClient, startMkpDouble } from "../../tools/mkp-double/client";

export const DIST = join(__dirname, "..", "..", "dist");
export const API_KEY = "test-key-0001";

export const OFFER_HEADERS = [
  "Offer number",
  "Customer ID",
  "Issued at",
  "Expires at",
  "Send notification",
  "Status",
  "Offer ID",
  "Amount",
  "Message",
  "Created at",
  "Accepted at",
  "Rejected at",
];
export const LINE_HEADERS = ["Offer number", "Description", "Amount excl. VAT", "VAT rate"];

export type Row = unknown[];

let shared: DoubleClient | null = null;

/** One double per test file (started once, reset per world). */
export async function double(): Promise<DoubleClient> {
  shared ??= await startMkpDouble();
  return shared;
}

export async function stopDouble(): Promise<void> {
  await shared?.stop();
  shared = null;
}

export interface World {
  readonly rt: GasRuntime;
  readonly ss: SpreadsheetModel;
  readonly api: DoubleClient;
  run(fn: string, args?: unknown[], opts?: Parameters<GasRuntime["run"]>[2]): ReturnType<GasRuntime["run"]>;
  /** Offers as displayed, row 1 included. */
  offers(): string[][];
  /** One column of Offers by header, rows 2.. */
  column(header: string): string[];
}

export interface WorldOptions {
  offers?: Row[];
  lines?: Row[];
  offerHeaders?: string[];
  lineHeaders?: string[];
  timeZone?: string;
  locale?: "en_US" | "nl_NL";
  runtime?: Partial<RuntimeOptions>;
  withKey?: boolean;
  config?: Parameters<DoubleClient["reset"]>[0];
}

export async function world(opts: WorldOptions = {}): Promise<World> {
  const api = await double();
  await api.reset(opts.config ?? {});
  const ss = SpreadsheetModel.fromFixture({
    timeZone: opts.timeZone ?? "Europe/Amsterdam",
    locale: opts.locale ?? "en_US",
    sheets: {
      Offers: [opts.offerHeaders ?? OFFER_HEADERS, ...(opts.offers ?? [])],
      "Offer lines": [opts.lineHeaders ?? LINE_HEADERS, ...(opts.lines ?? [])],
    },
  } as never);
  const rt = new GasRuntime({ distDir: DIST, spreadsheet: ss, fetchTimeoutWallMs: 1500, ...opts.runtime });
  rt.properties.script.set("MKP_BASE_URL", api.baseUrl);
  if (opts.withKey !== false) rt.properties.user().set("MKP_API_KEY", API_KEY);
  const w: World = {
    rt,
    ss,
    api,
    run: (fn, args, runOpts) => rt.run(fn, args, runOpts),
    offers: () => ss.displayValues("Offers"),
    column: (header) => {
      const rows = ss.displayValues("Offers");
      const index = (rows[0] ?? []).indexOf(header);
      return rows.slice(1).map((r) => r[index] ?? "");
    },
  };
  return w;
}

/** Fails with the script's error when an execution did not end normally. */
export function expectOk(result: ReturnType<GasRuntime["run"]>): void {
  if (result.error || result.killed) {
    throw new Error(
      `${result.fn} failed: ${result.killed ?? ""} ${result.error?.message ?? ""}\n${result.error?.stack ?? ""}`,
    );
  }
}
