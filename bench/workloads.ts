// The benchmark's workloads: n offers × 2 lines for one customer, as a spreadsheet a user keeps
// (date cells, number cells), fresh for every run. Also the API key and base URL the scripts read.

import { LINE_HEADERS, OFFER_HEADERS } from "../test/fixtures/headers";
import { GasRuntime, SpreadsheetModel } from "../tools/gas-runtime";
import type { CellInput } from "../tools/gas-runtime/spreadsheet";

export { LINE_HEADERS, OFFER_HEADERS };

export const SIZES = [10, 50, 200, 1000] as const;
export const LINES_PER_OFFER = 2;
export const CUSTOMER = "cst_demo0001";
export const API_KEY = "test-key-0001";

export const offerNumber = (i: number): string => `B-${String(i).padStart(5, "0")}`;

/** A spreadsheet with `n` pending offers (Issued at a date cell, Expires at blank) and 2 lines each. */
export function spreadsheet(n: number): SpreadsheetModel {
  const offers: CellInput[][] = [OFFER_HEADERS];
  const lines: CellInput[][] = [LINE_HEADERS];
  for (let i = 1; i <= n; i++) {
    const number = offerNumber(i);
    offers.push([number, CUSTOMER, { date: "2025-04-14" }]);
    lines.push(
      [number, `Licence ${number}`, { v: 100, f: "#,##0.00" }, 21],
      [number, "Support", { v: 15.5, f: "#,##0.00" }, 9],
    );
  }
  return SpreadsheetModel.fromFixture({
    timeZone: "Europe/Amsterdam",
    locale: "en_US",
    sheets: { Offers: offers, "Offer lines": lines },
  });
}

/** A runtime of `distDir` on `ss`, with the demo key in user properties and the double's base URL. */
export function runtime(distDir: string, ss: SpreadsheetModel, baseUrl: string): GasRuntime {
  const rt = new GasRuntime({ distDir, spreadsheet: ss });
  rt.properties.script.set("MKP_BASE_URL", baseUrl);
  rt.properties.user().set("MKP_API_KEY", API_KEY);
  return rt;
}

/** The Offers column `header` as displayed, rows 2.. */
export function column(ss: SpreadsheetModel, header: string): string[] {
  const rows = ss.displayValues("Offers");
  const index = (rows[0] ?? []).indexOf(header);
  return rows.slice(1).map((r) => r[index] ?? "");
}
