// The columns of the sheets Customers and New customers in English and Dutch (CONTRACT §4a, §7a;
// their names are in columns.ts SHEET_NAMES), matched by name as every header is.

import type { ColumnSpec } from "./columns";

/** Hidden: the customer IDs seen by the sync pass under way (resumed across executions). */
export const CUSTOMER_SYNC_SHEET = "MKP customer sync";

export type CustomerKey =
  | "customerId"
  | "companyName"
  | "email"
  | "city"
  | "zipCode"
  | "customerGroups"
  | "createdAt"
  | "message";

export const CUSTOMER_COLUMNS: readonly ColumnSpec<CustomerKey>[] = [
  { key: "customerId", header: "Customer ID", nl: "Klant-ID", format: "@", output: true },
  { key: "companyName", header: "Company name", nl: "Bedrijfsnaam", format: "@", output: true },
  { key: "email", header: "Email", nl: "E-mail", format: "@", output: true },
  { key: "city", header: "City", nl: "Plaats", format: "@", output: true },
  { key: "zipCode", header: "Zip code", nl: "Postcode", format: "@", output: true },
  { key: "customerGroups", header: "Customer groups", nl: "Klantgroepen", format: "@", output: true },
  { key: "createdAt", header: "Created at", nl: "Aangemaakt op", format: "@", output: true },
  { key: "message", header: "Message", nl: "Melding", format: "@", output: true },
];

export type NewCustomerKey =
  | "companyName"
  | "address"
  | "zipCode"
  | "city"
  | "email"
  | "countryCode"
  | "phone"
  | "status"
  | "customerId"
  | "message"
  | "sent";

export const NEW_CUSTOMER_COLUMNS: readonly ColumnSpec<NewCustomerKey>[] = [
  { key: "companyName", header: "Company name", nl: "Bedrijfsnaam", format: "@" },
  { key: "address", header: "Address", nl: "Adres", format: "@" },
  { key: "zipCode", header: "Zip code", nl: "Postcode", format: "@" },
  { key: "city", header: "City", nl: "Plaats", format: "@" },
  { key: "email", header: "Email", nl: "E-mail", format: "@" },
  { key: "countryCode", header: "Country code", nl: "Landcode", format: "@" },
  { key: "phone", header: "Phone", nl: "Telefoon", format: "@" },
  { key: "status", header: "Status", nl: "Status", format: "@", output: true },
  { key: "customerId", header: "Customer ID", nl: "Klant-ID", format: "@", output: true },
  { key: "message", header: "Message", nl: "Melding", format: "@", output: true },
  // What was sent and when (hidden), so that a lost answer is looked up by what was sent.
  { key: "sent", header: "MKP sent", nl: "MKP sent", format: "@", output: true, hidden: true },
];
