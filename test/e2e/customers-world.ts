// Shared set-up of the customers e2e tests: a world with Customers synced from the double, offers
// naming customers, and reading the Customers sheet back.

import type { Customer } from "../../tools/mkp-double/types";
import { sheetColumn, type World, type WorldOptions, world } from "./world";

export const CUSTOMER_HEADERS = [
  "Customer ID",
  "Company name",
  "Email",
  "City",
  "Zip code",
  "Customer groups",
  "Created at",
  "Message",
];
export const NEW_HEADERS = [
  "Company name",
  "Address",
  "Zip code",
  "City",
  "Email",
  "Country code",
  "Phone",
  "Status",
  "Customer ID",
  "Message",
];

export const customer = (i: number, over: Partial<Customer> = {}): Partial<Customer> => ({
  id: `cst_t${String(i).padStart(4, "0")}`,
  companyName: `Klant ${i} B.V.`,
  primaryEmail: `klant${i}@example.nl`,
  createdAt: `2024-01-${String(1 + (i % 28)).padStart(2, "0")}T10:00:00+01:00`,
  ...over,
});

/** A world whose double holds exactly `customers` (the defaults removed). */
export async function customerWorld(customers: Partial<Customer>[], opts: WorldOptions = {}): Promise<World> {
  const w = await world(opts);
  for (const c of await w.api.customers()) await w.api.deleteCustomer(c.id);
  await w.api.addCustomers(customers);
  return w;
}

export const customerIds = (w: World): string[] =>
  w.ss.findSheet("Customers") ? sheetColumn(w.ss, "Customers", "Customer ID") : [];

export const customerRequests = async (w: World) =>
  (await w.api.requests()).filter((r) => r.path.includes("/customers"));

export const offerRow = (n: string, customerText: string) => [
  n,
  customerText,
  "2025-04-14",
  "",
  "",
  "",
  "",
  "",
  "",
  "",
  "",
  "",
];
export const lineRow = (n: string) => [n, "Work", "100.00", "21"];
