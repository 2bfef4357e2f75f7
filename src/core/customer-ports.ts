// The customer sheets as the use cases see them (the shell implements it with Apps Script): reads in
// one go, writes of the product's own columns only, rows found by what they hold at the time of writing.

import type { ColumnMap } from "./columns";
import type { CustomerKey, NewCustomerKey } from "./customer-columns";
import type { SheetTable } from "./table";

export interface SheetRead<K extends string> {
  readonly name: string;
  /** The language of the sheet's headers (statuses are written in it). */
  readonly language: "en" | "nl";
  readonly table: SheetTable;
  readonly columns: ColumnMap<K>;
}

export type CustomerValues = Partial<Record<CustomerKey, string>>;
export type NewCustomerValues = Partial<Record<NewCustomerKey, string>>;

export interface CustomerSheets {
  /** Customers (created with its headers when `create` and missing), or null. */
  readCustomers(create: boolean): SheetRead<CustomerKey> | null;
  readNewCustomers(): SheetRead<NewCustomerKey> | null;
  /**
   * Rewrites the rows holding these customer IDs now (a row gone meanwhile is appended again) and
   * appends the new ones after the last row; only the product's columns are written.
   */
  writeCustomers(
    updates: readonly { id: string; values: CustomerValues }[],
    appends: readonly CustomerValues[],
  ): void;
  /** Writes New customers rows, found by company name now (else at the row they were read from). */
  writeNewCustomers(updates: readonly { key: string; sheetRow: number; values: NewCustomerValues }[]): void;
  /** Customer IDs seen by the sync pass under way (hidden sheet). */
  readSeen(): string[];
  addSeen(ids: readonly string[]): void;
  clearSeen(): void;
  flush(): void;
}
