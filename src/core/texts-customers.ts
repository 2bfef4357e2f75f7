// Texts of the customers work (Customers, New customers, names in Offers), in English and Dutch.
// Read with `pick(CUSTOMER_TEXTS).x(…)`; both halves have the same keys.

import { catalogue } from "./language";

const MENU_EN = "MijnKlantportaal ›";

export const CUSTOMER_EN = {
  // Validation of New customers rows
  missing: (field: string) => `${field}: missing`,
  badEmail: (text: string) => `Email: "${text}" is not an e-mail address (like name@company.nl)`,
  badZip: (text: string) => `Zip code: "${text}" is not a Dutch zip code (like 1234 AB)`,
  badCountry: (text: string) =>
    `Country code: "${text}" is not a two-letter country code (NL, BE, DE …); leave it blank for NL`,
  tooLong: (field: string, max: number) => `${field}: longer than ${max} characters`,
  duplicateNew: (rows: readonly number[]) =>
    `Company name: also in ${rows.length === 1 ? "row" : "rows"} ${rows.join(", ")} of New customers; keep one row per customer`,
  // The customer column of Offers
  // `field` is the column's header as the sheet names it ("Customer", "Customer ID", "Klant-ID" …).
  // `suggestions` come quoted, with the ID where two share a name (customer-step.ts).
  noSuchCustomer: (field: string, text: string, suggestions: readonly string[]) =>
    suggestions.length > 0
      ? `${field}: no customer ${JSON.stringify(text)} in Customers. Did you mean ${suggestions.join(", ")}?`
      : `${field}: no customer ${JSON.stringify(text)} in Customers. Type its customer ID (cst_…), or add it to New customers.`,
  idInCapitals: (field: string, text: string, id: string) =>
    `${field}: ${JSON.stringify(text)} looks like a customer ID, but customer IDs start with cst_ in small letters: type ${id} if that is the one.`,
  notAName: (field: string, text: string) =>
    `${field}: ${JSON.stringify(text)} is not a customer. Type a customer ID (cst_…), or a company name or e-mail address from Customers.`,
  severalCustomers: (field: string, text: string, candidates: readonly string[]) =>
    `${field}: ${JSON.stringify(text)} matches more than one customer: ${candidates.join(", ")}. Type the customer ID (cst_…) instead.`,
  newNotCreated: (field: string, name: string, why: string) =>
    `${field}: the new customer "${name}" is not created yet (${why}); see its row in New customers.`,
  newWaiting: () => "waiting for MijnKlantportaal",
  newHasProblems: () => "its row has mistakes to fix",
  newFailed: () => "MijnKlantportaal refused it",
  noCustomerRead: (field: string) =>
    `${field}: names cannot be looked up, because the API key lacks the permission customers.read. Type the customer ID (cst_…), or ask for a key with that permission.`,
  noCustomerReadRun: () =>
    "The API key lacks the permission customers.read, so customer names could not be looked up.",
  noCustomerWrite: () =>
    "Not created: the API key lacks the permission customers.write. Ask for a key with that permission.",
  // The sync
  syncing: () => "Reading the customer list of MijnKlantportaal…",
  gone: (day: string) => `No longer in MijnKlantportaal (noticed ${day})`,
  syncSummary: (r: { added: number; changed: number; gone: number; total: number; more: boolean }) =>
    `Customers: ${r.added} new, ${r.changed} changed, ${r.gone} no longer in MijnKlantportaal` +
    (r.more ? " — the rest of the list follows automatically." : ` (${r.total} in the list).`),
  syncStopped: () =>
    "Customers: the customer list could not be read completely; the next run goes on with it.",
  noCustomersSheet: () => `There is no sheet Customers. Use ${MENU_EN} Set up sheets first.`,
  // New customers rows
  created: () => "",
  willCheck: (reason: string) => `${reason}; will check MijnKlantportaal before sending it again`,
  foundAfterAll: () => "",
  newCreatedSummary: (n: number) => `${n} new ${n === 1 ? "customer" : "customers"} created`,
  // The API key
  keyNoCustomers: () =>
    " The key has no permission to read customers (customers.read): customer names in Offers cannot be looked up, only customer IDs (cst_…) work.",
  // setupSheets
  dropdownHelp: () => "Choose a customer from the sheet Customers, or type a customer ID (cst_…).",
};

export type CustomerTexts = typeof CUSTOMER_EN;

export const CUSTOMER_NL: CustomerTexts = {
  missing: (field) => `${field}: ontbreekt`,
  badEmail: (text) => `E-mail: "${text}" is geen e-mailadres (bijvoorbeeld naam@bedrijf.nl)`,
  badZip: (text) => `Postcode: "${text}" is geen Nederlandse postcode (bijvoorbeeld 1234 AB)`,
  badCountry: (text) =>
    `Landcode: "${text}" is geen landcode van twee letters (NL, BE, DE …); laat het veld leeg voor NL`,
  tooLong: (field, max) => `${field}: langer dan ${max} tekens`,
  duplicateNew: (rows) =>
    `Bedrijfsnaam: staat ook in ${rows.length === 1 ? "rij" : "rijen"} ${rows.join(", ")} van Nieuwe klanten; houd één rij per klant`,
  noSuchCustomer: (field, text, suggestions) =>
    suggestions.length > 0
      ? `${field}: geen klant ${JSON.stringify(text)} gevonden in Klanten. Bedoel je ${suggestions.join(", ")}?`
      : `${field}: geen klant ${JSON.stringify(text)} gevonden in Klanten. Vul het klant-ID (cst_…) in, of zet de klant in Nieuwe klanten.`,
  idInCapitals: (field, text, id) =>
    `${field}: ${JSON.stringify(text)} lijkt een klant-ID, maar klant-ID's beginnen met cst_ in kleine letters: typ ${id} als je die bedoelt.`,
  notAName: (field, text) =>
    `${field}: ${JSON.stringify(text)} is geen klant. Vul een klant-ID (cst_…) in, of een bedrijfsnaam of e-mailadres uit Klanten.`,
  severalCustomers: (field, text, candidates) =>
    `${field}: ${JSON.stringify(text)} past bij meer dan één klant: ${candidates.join(", ")}. Vul het klant-ID (cst_…) in.`,
  newNotCreated: (field, name, why) =>
    `${field}: de nieuwe klant "${name}" is nog niet aangemaakt (${why}); zie de rij in Nieuwe klanten.`,
  newWaiting: () => "wacht op MijnKlantportaal",
  newHasProblems: () => "de rij bevat fouten",
  newFailed: () => "MijnKlantportaal heeft de klant geweigerd",
  noCustomerRead: (field) =>
    `${field}: klantnamen kunnen niet worden opgezocht, omdat de API-sleutel het recht customers.read niet heeft. Vul het klant-ID (cst_…) in, of vraag om een sleutel met dat recht.`,
  noCustomerReadRun: () =>
    "De API-sleutel heeft het recht customers.read niet, dus klantnamen konden niet worden opgezocht.",
  noCustomerWrite: () =>
    "Niet aangemaakt: de API-sleutel heeft het recht customers.write niet. Vraag om een sleutel met dat recht.",
  syncing: () => "Klantenlijst van MijnKlantportaal wordt gelezen…",
  gone: (day) => `Niet meer in MijnKlantportaal (opgemerkt op ${day})`,
  syncSummary: (r) =>
    `Klanten: ${r.added} nieuw, ${r.changed} gewijzigd, ${r.gone} niet meer in MijnKlantportaal` +
    (r.more ? " — de rest van de lijst volgt vanzelf." : ` (${r.total} in de lijst).`),
  syncStopped: () =>
    "Klanten: de klantenlijst kon niet helemaal worden gelezen; de volgende run leest verder.",
  noCustomersSheet: () => "Er is geen tabblad Klanten. Kies eerst MijnKlantportaal › Tabbladen instellen.",
  created: () => "",
  willCheck: (reason) =>
    `${reason}; MijnKlantportaal wordt eerst gecontroleerd voordat de klant opnieuw wordt verstuurd`,
  foundAfterAll: () => "",
  newCreatedSummary: (n) => `${n} ${n === 1 ? "nieuwe klant" : "nieuwe klanten"} aangemaakt`,
  keyNoCustomers: () =>
    " De sleutel mag geen klanten lezen (customers.read): klantnamen in Offertes kunnen niet worden opgezocht, alleen klant-ID's (cst_…) werken.",
  dropdownHelp: () => "Kies een klant uit het tabblad Klanten, of vul een klant-ID (cst_…) in.",
};

export const CUSTOMER_TEXTS = catalogue<CustomerTexts>("customers");

/** Statuses of New customers rows, written in the sheet's language, read in either. */
export const NEW_CUSTOMER_STATUS = {
  en: { sending: "sending", created: "created", failed: "failed", invalid: "invalid" },
  nl: { sending: "wordt verzonden", created: "aangemaakt", failed: "mislukt", invalid: "ongeldig" },
} as const;
