// More counting fakes for the app tests: the document lock, the mailer, the customer sheets in
// memory, and one helper that puts a whole run context together over a FakeWorkbook and a FakeMkp.

import { type Cell, EMPTY_CELL } from "../../src/core/cells";
import { type ColumnSpec, headerLanguage, matchHeaders } from "../../src/core/columns";
import {
  CUSTOMER_COLUMNS,
  type CustomerKey,
  NEW_CUSTOMER_COLUMNS,
  type NewCustomerKey,
} from "../../src/core/customer-columns";
import { nameKey } from "../../src/core/customer-match";
import type {
  CustomerSheets,
  CustomerValues,
  NewCustomerValues,
  SheetRead,
} from "../../src/core/customer-ports";
import type { Lock, Mailer, RunContext } from "../../src/core/ports";
import { API_KEY } from "../../src/core/state-keys";
import { LINE_HEADERS, OFFER_HEADERS } from "../fixtures/headers";
import { FakeMkp } from "./fake-mkp";
import { type FakeSheet, FakeWorkbook, sheet } from "./fake-workbook";
import { FakeDialogs, FakeNotifier, FakeTriggers, fakeContext, fakeStores, virtualClock } from "./fakes";

/** A lock held by someone else while `busy`; counts takes and releases. */
export class FakeLock implements Lock {
  busy = false;
  taken = 0;
  released = 0;
  held = false;
  tryLock(_waitMs: number): { release(): void } | null {
    if (this.busy || this.held) return null;
    this.taken++;
    this.held = true;
    return {
      release: () => {
        this.released++;
        this.held = false;
      },
    };
  }
}

export class FakeMailer implements Mailer {
  readonly sent: { subject: string; body: string }[] = [];
  address = true;
  send(subject: string, body: string): boolean {
    if (!this.address) return false;
    this.sent.push({ subject, body });
    return true;
  }
  spreadsheetName(): string {
    return "Offers 2026";
  }
  spreadsheetUrl(): string {
    return "https://docs.google.com/spreadsheets/d/test";
  }
}

const textCell = (text: string): Cell => ({ value: text, display: text, format: "@" });

function sheetRead<K extends string>(s: FakeSheet, specs: readonly ColumnSpec<K>[]): SheetRead<K> {
  return {
    name: s.name,
    language: headerLanguage(s.header, specs) ?? "en",
    table: { header: [...s.header], rows: s.rows.map((r) => [...r]), name: s.name },
    columns: matchHeaders(s.header, specs).columns,
  };
}

function put<K extends string>(
  s: FakeSheet,
  row: Cell[],
  specs: readonly ColumnSpec<K>[],
  values: Partial<Record<K, string>>,
): void {
  const columns = matchHeaders(s.header, specs).columns;
  for (const [key, text] of Object.entries(values) as [K, string | undefined][]) {
    const c = columns[key];
    if (c === undefined || text === undefined) continue;
    while (row.length <= c) row.push(EMPTY_CELL);
    row[c] = textCell(text);
  }
}

/** Customers and New customers in memory; rows found by what they hold when written. */
export class FakeCustomerSheets implements CustomerSheets {
  readonly calls = new Map<string, number>();
  /** Customers rows rewritten and appended, over all writes. */
  rewritten = 0;
  appended = 0;
  seen: string[] = [];

  constructor(
    public customers: FakeSheet | null,
    public newCustomers: FakeSheet | null = null,
  ) {}

  count(name: string): number {
    return this.calls.get(name) ?? 0;
  }
  private called(name: string): void {
    this.calls.set(name, this.count(name) + 1);
  }

  readCustomers(create: boolean): SheetRead<CustomerKey> | null {
    this.called("readCustomers");
    if (!this.customers && create)
      this.customers = sheet(
        "Customers",
        CUSTOMER_COLUMNS.map((c) => c.header),
      );
    return this.customers ? sheetRead(this.customers, CUSTOMER_COLUMNS) : null;
  }

  readNewCustomers(): SheetRead<NewCustomerKey> | null {
    this.called("readNewCustomers");
    return this.newCustomers ? sheetRead(this.newCustomers, NEW_CUSTOMER_COLUMNS) : null;
  }

  writeCustomers(
    updates: readonly { id: string; values: CustomerValues }[],
    appends: readonly CustomerValues[],
  ): void {
    this.called("writeCustomers");
    const s = this.customers;
    if (!s) return;
    const idCol = matchHeaders(s.header, CUSTOMER_COLUMNS).columns.customerId ?? 0;
    for (const u of updates) {
      let row = s.rows.find((r) => r[idCol]?.display === u.id);
      if (!row) {
        row = [];
        s.rows.push(row);
        this.appended++;
      } else this.rewritten++;
      put(s, row, CUSTOMER_COLUMNS, u.values);
    }
    for (const values of appends) {
      const row: Cell[] = [];
      s.rows.push(row);
      this.appended++;
      put(s, row, CUSTOMER_COLUMNS, values);
    }
  }

  writeNewCustomers(updates: readonly { key: string; sheetRow: number; values: NewCustomerValues }[]): void {
    this.called("writeNewCustomers");
    const s = this.newCustomers;
    if (!s || updates.length === 0) return;
    let columns = matchHeaders(s.header, NEW_CUSTOMER_COLUMNS).columns;
    if (columns.sent === undefined && updates.some((u) => u.values.sent !== undefined)) {
      s.header.push("MKP sent");
      columns = matchHeaders(s.header, NEW_CUSTOMER_COLUMNS).columns;
    }
    const nameCol = columns.companyName;
    if (nameCol === undefined) return;
    for (const u of updates) {
      const rows = s.rows.flatMap((r, i) => (nameKey(r[nameCol]?.display ?? "") === u.key ? [i + 2] : []));
      const at = rows.includes(u.sheetRow) ? u.sheetRow : rows.length === 1 ? rows[0] : undefined;
      const row = at === undefined ? undefined : s.rows[at - 2];
      if (row) put(s, row, NEW_CUSTOMER_COLUMNS, u.values);
    }
  }

  /** A cell of New customers by header, as shown. */
  newCell(sheetRow: number, header: string): string {
    const s = this.newCustomers;
    const c = s ? s.header.indexOf(header) : -1;
    return s?.rows[sheetRow - 2]?.[c]?.display ?? "";
  }

  readSeen(): string[] {
    this.called("readSeen");
    return [...this.seen];
  }
  addSeen(ids: readonly string[]): void {
    this.called("addSeen");
    this.seen.push(...ids);
  }
  clearSeen(): void {
    this.called("clearSeen");
    this.seen = [];
  }
  flush(): void {
    this.called("flush");
  }
}

export const START = Date.UTC(2026, 11, 1, 9);

/** A whole run context over fakes: a key set, the default API base, an empty Customers sheet. */
export function harness(offers: FakeSheet | null, lines: FakeSheet | null, startMs = START) {
  const events: string[] = [];
  // A clock whose random() varies (refs are made of time and randomness: a constant would repeat them).
  let seed = 12345;
  const clock = {
    ...virtualClock(startMs),
    random: () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    },
  };
  const api = new FakeMkp(clock, events);
  const workbook = new FakeWorkbook(offers, lines, events);
  const stores = fakeStores();
  stores.user.map.set(API_KEY.name, "test-key");
  const triggers = new FakeTriggers();
  const notifier = new FakeNotifier();
  const lock = new FakeLock();
  const mailer = new FakeMailer();
  const dialogs = new FakeDialogs();
  const customers = new FakeCustomerSheets(null);
  const more: Partial<RunContext> = { workbook, triggers, notifier, lock, mailer, dialogs, customers };
  const context = (overrides: Partial<RunContext> = {}): RunContext =>
    fakeContext(api, clock, stores, { ...more, startedAt: clock.now(), ...overrides });
  return {
    events,
    clock,
    api,
    workbook,
    stores,
    triggers,
    notifier,
    lock,
    mailer,
    dialogs,
    customers,
    context,
  };
}

/** Offer lines for `rows` of Offers: one line each (Website, 100, 21 %). */
export const oneLineEach = (rows: readonly (readonly unknown[])[]): unknown[][] =>
  rows.map((r) => [r[0], "Website", 100, 21]);

/** A harness whose Offers hold `rows` (contract headers), each with one line. */
export function offersHarness(rows: unknown[][]) {
  return harness(
    sheet("Offers", OFFER_HEADERS, rows as never),
    sheet("Offer lines", LINE_HEADERS, oneLineEach(rows) as never),
  );
}
