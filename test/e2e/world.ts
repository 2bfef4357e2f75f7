// The product as Apps Script runs it: the built dist/ in the local runtime (a fresh V8 context per
// execution), with a spreadsheet, talking real HTTP to the MijnKlantportaal double in a child process.

import { join } from "node:path";
import { GasRuntime, type RuntimeOptions, SpreadsheetModel } from "../../tools/gas-runtime";
import { type DoubleClient, startMkpDouble } from "../../tools/mkp-double/client";
import { LINE_HEADERS, OFFER_HEADERS } from "../fixtures/headers";
import { workerDouble } from "./double-connection";

export { LINE_HEADERS, OFFER_HEADERS };

export const DIST = join(__dirname, "..", "..", "dist");
export const API_KEY = "test-key-0001";

export type Row = unknown[];

let shared: DoubleClient | null = null;

/** The double of this jest worker (see global-setup.ts), else one per test file; reset per world. */
export async function double(): Promise<DoubleClient> {
  shared ??= workerDouble() ?? (await startMkpDouble());
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
  locale?: "en_US" | "nl_NL" | "nl_BE";
  runtime?: Partial<RuntimeOptions>;
  withKey?: boolean;
  config?: Parameters<DoubleClient["reset"]>[0];
  /** Replaces the default Offers / Offer lines sheets entirely (e.g. `{}` for an empty spreadsheet). */
  sheets?: Record<string, Row[]>;
}

export async function world(opts: WorldOptions = {}): Promise<World> {
  const api = await double();
  await api.reset(opts.config ?? {});
  const ss = SpreadsheetModel.fromFixture({
    timeZone: opts.timeZone ?? "Europe/Amsterdam",
    locale: opts.locale ?? "en_US",
    sheets: opts.sheets ?? {
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
    offers: () => withoutRefColumn(ss.displayValues("Offers")),
    column: (header) => {
      const rows = ss.displayValues("Offers");
      const index = (rows[0] ?? []).indexOf(header);
      return rows.slice(1).map((r) => r[index] ?? "");
    },
  };
  return w;
}

/** The product's hidden bookkeeping column (a row's ledger ref), added when a row is first marked. */
export const REF_HEADER = "MKP ref";

/** Display rows without the hidden ref column, so that tests compare what the team typed and sees. */
export function withoutRefColumn(rows: string[][]): string[][] {
  const index = (rows[0] ?? []).indexOf(REF_HEADER);
  return index < 0 ? rows : rows.map((r) => r.filter((_, i) => i !== index));
}

/** Fails with the script's error when an execution did not end normally. */
export function expectOk(result: ReturnType<GasRuntime["run"]>): void {
  if (result.error || result.killed) {
    throw new Error(
      `${result.fn} failed: ${result.killed ?? ""} ${result.error?.message ?? ""}\n${result.error?.stack ?? ""}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers shared by the e2e tests.

type Result = ReturnType<GasRuntime["run"]>;

/** Runs `fn` and fails the test when the execution did not end normally. */
export function runOk(w: World, fn: string, args?: unknown[], opts?: Parameters<World["run"]>[2]): Result {
  const result = w.run(fn, args, opts);
  expectOk(result);
  return result;
}

/** The JSON bodies of every POST /customer-offers/manual the double received, in order. */
export async function postedBodies(api: DoubleClient): Promise<Record<string, unknown>[]> {
  return (await api.requests())
    .filter((r) => r.method === "POST" && r.path.endsWith("/customer-offers/manual"))
    .map((r) => r.body as Record<string, unknown>);
}

/** The offer numbers of every create request the double received, in order. */
export async function postedNumbers(api: DoubleClient): Promise<string[]> {
  return (await postedBodies(api)).map((b) => String(b.offerNumber));
}

/** `Amount excl. VAT` = `amount_excl_vat` (CONTRACT §4). */
export const normalize = (text: unknown): string =>
  String(text ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

/** One column of any sheet as displayed, rows 2.., found by header name (normalized). */
export function sheetColumn(ss: SpreadsheetModel, sheet: string, header: string): string[] {
  const rows = ss.displayValues(sheet);
  const index = (rows[0] ?? []).findIndex((h) => normalize(h) === normalize(header));
  if (index < 0) throw new Error(`No column "${header}" in ${sheet}: ${(rows[0] ?? []).join(" | ")}`);
  return rows.slice(1).map((r) => r[index] ?? "");
}

/** The displayed value of one data row (sheet row number) in a column found by header name. */
export function cellText(ss: SpreadsheetModel, sheet: string, row: number, header: string): string {
  return sheetColumn(ss, sheet, header)[row - 2] ?? "";
}

/** Run log rows as displayed, header row excluded; [] when the sheet does not exist. */
export function runLogRows(ss: SpreadsheetModel): string[][] {
  if (!ss.findSheet("Run log")) return [];
  return ss.displayValues("Run log").slice(1);
}

/** The Run log's Message column (rows 2..). */
export function runLogMessages(ss: SpreadsheetModel): string[] {
  if (!ss.findSheet("Run log")) return [];
  return sheetColumn(ss, "Run log", "Message");
}

/** A deep, plain copy of everything a sheet holds: every stored cell (value, formula, format,
 * note, validation, display override), size and frozen rows/columns. */
export function sheetState(ss: SpreadsheetModel, name: string): unknown {
  const sheet = ss.sheet(name);
  const cells: Record<string, unknown> = {};
  sheet.forEachCell((cell, row, col) => {
    cells[`${row},${col}`] = JSON.parse(JSON.stringify(cell));
  });
  return {
    name: sheet.name,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    values: JSON.parse(JSON.stringify(ss.values(name))),
    display: ss.displayValues(name),
    cells,
  };
}

/** Every sheet's state, by name, in sheet order. */
export function spreadsheetState(ss: SpreadsheetModel): unknown {
  return ss.sheets.map((s) => sheetState(ss, s.name));
}

/** Every text the user can see in the spreadsheet: values, displays, formulas and notes of every cell. */
export function allCellTexts(ss: SpreadsheetModel): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const sheet of ss.sheets) {
    sheet.forEachCell((cell, row, col) => {
      const where = `${sheet.name}!R${row}C${col}`;
      for (const text of [cell.value, cell.formula, cell.note, cell.displayOverride]) {
        if (text !== undefined && text !== null) out.push({ where, text: String(text) });
      }
    });
    ss.displayValues(sheet.name).forEach((r, i) => {
      r.forEach((text, j) => {
        out.push({ where: `${sheet.name}!R${i + 1}C${j + 1} (display)`, text });
      });
    });
  }
  return out;
}
