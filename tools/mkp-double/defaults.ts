// Defaults of the MKP double: its configuration and the demo customers it starts with.

import type { Customer, DoubleConfig } from "./types";

export const DEFAULT_CONFIG: Readonly<DoubleConfig> = Object.freeze({
  apiKeys: ["demo-key-0001", "test-key-0001"],
  readOnlyKeys: [],
  keyScopes: {},
  rateLimit: 60,
  rateWindow: "calendar",
  rateHeaders: true,
  retryAfterOn429: true,
  retryAfterFormat: "seconds",
  otherClientPerMinute: 0,
  rateCountRefused: false,
  validationErrorStatus: 422,
  unknownCustomerStatus: 404,
  rejectDuplicateOfferNumbers: false,
  createdStatus: 201,
  customerCreatedStatus: 201,
  enforceExpiryAfterIssue: true,
  amountIncludesVat: false,
  perPage: 15,
  perPageMode: "ignore",
  honourPerPage: false,
  maxPerPage: 100,
  listOrder: "asc",
  customerListOrder: "asc",
  acceptAnyCustomer: false,
  fuzz: null,
  listEnvelope: "simple",
  pastEndStatus: 200,
  nextOnFullLastPage: false,
  timestampFormat: "atom",
  amountFormat: "dot",
  offerIdFormat: "off",
  offerEnvelope: "bare",
  offerFieldCase: "camel",
  jsonNumericCheck: false,
  customerFieldCase: "camel",
  listOmitFields: [],
  duplicateAnswer: "validation",
});

export const CUSTOMER_ID_PATTERN = /^cst_[A-Za-z0-9]+$/;

export function defaultConfig(): DoubleConfig {
  return structuredClone({ ...DEFAULT_CONFIG }) as DoubleConfig;
}

/**
 * Merges a partial config into a config, ignoring undefined values and unknown keys. honourPerPage is an
 * alias of perPageMode: given alone it sets the mode; the mode (given or not) keeps the alias in step.
 */
export function mergeConfig(base: DoubleConfig, partial: Partial<DoubleConfig> | undefined): DoubleConfig {
  const next = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(partial ?? {})) {
    if (value !== undefined && key in DEFAULT_CONFIG) next[key] = structuredClone(value);
  }
  const merged = next as unknown as DoubleConfig;
  if (partial?.perPageMode === undefined && partial?.honourPerPage !== undefined)
    merged.perPageMode = partial.honourPerPage ? "honour" : "ignore";
  merged.honourPerPage = merged.perPageMode === "honour";
  return merged;
}

export function defaultCustomers(): Customer[] {
  return [
    {
      id: "cst_abc12345def678",
      companyName: "Webdesign Bakker B.V.",
      address: "Keizersgracht 123",
      zipCode: "1015 CJ",
      city: "Amsterdam",
      countryCode: "NL",
      primaryEmail: "info@webdesignbakker.nl",
      phone: "+31201234567",
      integration: null,
      integrationId: null,
      customerGroups: [],
      createdAt: "2024-01-15T10:12:00+01:00",
    },
    {
      id: "cst_demo0001",
      companyName: "De Vries Installatietechniek",
      address: "Stationsweg 8",
      zipCode: "3511 ED",
      city: "Utrecht",
      countryCode: "NL",
      primaryEmail: "administratie@devries-installatie.nl",
      phone: "+31302345678",
      integration: "acumulus",
      integrationId: "10432",
      customerGroups: ["cug_vaste0klanten"],
      createdAt: "2024-03-02T09:30:00+01:00",
    },
    {
      id: "cst_demo0002",
      companyName: "Jansen & Zn. Bouw",
      address: "Markt 4",
      zipCode: "5611 EB",
      city: "Eindhoven",
      countryCode: "NL",
      primaryEmail: "offertes@jansenbouw.nl",
      phone: null,
      integration: null,
      integrationId: null,
      customerGroups: [],
      createdAt: "2024-06-20T14:05:00+02:00",
    },
    {
      id: "cst_demo0003",
      companyName: "Bloemenhandel Visser",
      address: "Westersingel 55",
      zipCode: "3015 LC",
      city: "Rotterdam",
      countryCode: "NL",
      primaryEmail: "visser@bloemenhandelvisser.nl",
      phone: "+31104567890",
      integration: "moneybird",
      integrationId: "mb-88121",
      customerGroups: ["cug_vaste0klanten", "cug_retail01"],
      createdAt: "2024-09-11T08:45:00+02:00",
    },
  ];
}

/** A full customer from an id or a partial customer; fills the rest with plausible data. */
export function makeCustomer(item: string | Partial<Customer>, createdAt: string): Customer {
  const given = typeof item === "string" ? { id: item } : item;
  const id = given.id ?? "cst_unknown";
  const name = id.replace(/^cst_/, "");
  return {
    id,
    companyName: `Klant ${name} B.V.`,
    address: "Dorpsstraat 1",
    zipCode: "1234 AB",
    city: "Utrecht",
    countryCode: "NL",
    primaryEmail: `info@${name.toLowerCase()}.example.nl`,
    phone: null,
    integration: null,
    integrationId: null,
    customerGroups: [],
    createdAt,
    ...given,
  } as Customer;
}
