// The customer sync's decisions (pure): a Customer object of the API as a Customers row, and which
// rows a page of the list adds or changes — only those are written, so the team's edits elsewhere and
// its own columns stay as they are.

import type { CustomerKey } from "./customer-columns";
import { CUSTOMER_ID, emailKey, nameKey } from "./customer-match";
import type { CustomerValues } from "./customer-ports";
import { instantOf } from "./offer-list";
import type { CustomerRow, NewCustomerRow } from "./parse-customers";
import { field } from "./responses";

/** The fields of the API's Customer object the sheet shows (mkp-api.md §4). */
export interface ApiCustomer {
  readonly id: string;
  readonly companyName: string;
  readonly primaryEmail: string;
  readonly city: string;
  readonly zipCode: string;
  readonly customerGroups: readonly string[];
  readonly createdAt: string;
}

const str = (v: unknown): string =>
  typeof v === "string" ? v : v === null || v === undefined ? "" : String(v);

export function asApiCustomer(json: unknown): ApiCustomer | null {
  if (json === null || typeof json !== "object") return null;
  const o = json as Record<string, unknown>;
  const id = str(o.id);
  if (!CUSTOMER_ID.test(id)) return null;
  // Documented names, or the same in snake_case (`primary_email`), as for offers.
  const groups = field(o, "customerGroups");
  return {
    id,
    companyName: str(field(o, "companyName")),
    primaryEmail: str(field(o, "primaryEmail")),
    city: str(o.city),
    zipCode: str(field(o, "zipCode")),
    customerGroups: Array.isArray(groups) ? groups.map(str) : [],
    createdAt: str(field(o, "createdAt")),
  };
}

/** The row a customer gets (Message cleared: it is in MijnKlantportaal). */
export function customerValues(c: ApiCustomer, formatTimestamp: (iso: string) => string): CustomerValues {
  return {
    customerId: c.id,
    companyName: c.companyName,
    email: c.primaryEmail,
    city: c.city,
    zipCode: c.zipCode,
    customerGroups: c.customerGroups.join(", "),
    createdAt: c.createdAt ? formatTimestamp(c.createdAt) : "",
    message: "",
  };
}

export interface PageDiff {
  readonly updates: { id: string; values: CustomerValues }[];
  readonly appends: CustomerValues[];
}

/** What a page changes: new customers appended, changed ones rewritten, the rest left alone. */
export function diffCustomers(
  rowsById: ReadonlyMap<string, CustomerRow>,
  customers: readonly ApiCustomer[],
  formatTimestamp: (iso: string) => string,
): PageDiff {
  const updates: { id: string; values: CustomerValues }[] = [];
  const appends: CustomerValues[] = [];
  const done = new Set<string>();
  for (const c of customers) {
    if (done.has(c.id)) continue;
    done.add(c.id);
    const values = customerValues(c, formatTimestamp);
    const row = rowsById.get(c.id);
    if (!row) {
      appends.push(values);
      continue;
    }
    const changed = (Object.keys(values) as CustomerKey[]).some((k) => (values[k] ?? "") !== row.shown[k]);
    if (changed) updates.push({ id: c.id, values });
  }
  return { updates, appends };
}

/**
 * New customers rows left `sending` that a customer of the list settles: same e-mail and company name
 * as sent, and created no earlier than the marking minus `skewMs` (an older namesake is not ours).
 */
export function settledBy(
  rows: readonly NewCustomerRow[],
  customers: readonly ApiCustomer[],
  skewMs: number,
): { row: NewCustomerRow; id: string }[] {
  const out: { row: NewCustomerRow; id: string }[] = [];
  for (const row of rows) {
    const sent = row.sent;
    if (row.status !== "sending" || row.customerId !== "" || sent === null) continue;
    const found = customers.find((c) => {
      if (emailKey(c.primaryEmail) !== emailKey(sent.primaryEmail)) return false;
      if (nameKey(c.companyName) !== nameKey(sent.companyName)) return false;
      const at = instantOf(c.createdAt);
      return at === null || at.ms + at.marginMs >= sent.at - skewMs;
    });
    if (found) out.push({ row, id: found.id });
  }
  return out;
}
