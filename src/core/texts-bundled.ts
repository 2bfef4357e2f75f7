// The few texts that stay in the bundle, in both languages, while the other catalogues are read from
// a language file when first needed (language.ts): the menu, since onOpen runs as a simple trigger
// that may not read project files; and the sheets' field names, since messages name a field as the
// sheet's headers do, whichever language the execution's other texts are in.

import type { Language } from "./language";

/** The menu items by the global function they call, in menu order. */
export const MENU_FUNCTIONS = [
  "createPendingOffers",
  "createSelectedOffers",
  "validateOffers",
  "refreshOfferStatuses",
  "retryFailedOffers",
  "syncCustomers",
  "enableScheduledRuns",
  "disableScheduledRuns",
  "showSidebar",
  "setupSheets",
  "showApiKeyDialog",
  "clearApiKey",
] as const;
export type MenuFunction = (typeof MENU_FUNCTIONS)[number];

export const MENU_LABELS: Readonly<Record<Language, Readonly<Record<MenuFunction, string>>>> = {
  en: {
    createPendingOffers: "Create pending offers",
    createSelectedOffers: "Create offers in selected rows",
    validateOffers: "Check offers without sending",
    refreshOfferStatuses: "Refresh offer statuses",
    retryFailedOffers: "Retry failed offers",
    syncCustomers: "Update customer list",
    enableScheduledRuns: "Turn on hourly runs",
    disableScheduledRuns: "Turn off hourly runs",
    showSidebar: "Open panel",
    setupSheets: "Set up sheets",
    showApiKeyDialog: "Set API key…",
    clearApiKey: "Remove my API key",
  },
  nl: {
    createPendingOffers: "Openstaande offertes aanmaken",
    createSelectedOffers: "Offertes in geselecteerde rijen aanmaken",
    validateOffers: "Offertes controleren zonder te versturen",
    refreshOfferStatuses: "Status van offertes bijwerken",
    retryFailedOffers: "Mislukte offertes opnieuw proberen",
    syncCustomers: "Klantenlijst bijwerken",
    enableScheduledRuns: "Automatische runs aanzetten",
    disableScheduledRuns: "Automatische runs uitzetten",
    showSidebar: "Paneel openen",
    setupSheets: "Tabbladen instellen",
    showApiKeyDialog: "API-sleutel instellen…",
    clearApiKey: "Mijn API-sleutel verwijderen",
  },
};

/** Field names in messages about a field (CONTRACT §5): the sheets' headers as the user reads them. */
export interface FieldNames {
  readonly offerNumber: string;
  readonly customerId: string;
  readonly issuedAt: string;
  readonly expiresAt: string;
  readonly sendNotification: string;
  readonly description: string;
  readonly amountExclVat: string;
  readonly vatRate: string;
}

export const FIELD_NAMES: Readonly<Record<Language, FieldNames>> = {
  en: {
    offerNumber: "Offer number",
    customerId: "Customer ID",
    issuedAt: "Issued at",
    expiresAt: "Expires at",
    sendNotification: "Send notification",
    description: "Description",
    amountExclVat: "Amount excl. VAT",
    vatRate: "VAT rate",
  },
  nl: {
    offerNumber: "Offertenummer",
    customerId: "Klant-ID",
    issuedAt: "Offertedatum",
    expiresAt: "Vervaldatum",
    sendNotification: "Notificatie versturen",
    description: "Omschrijving",
    amountExclVat: "Bedrag excl. btw",
    vatRate: "Btw-tarief",
  },
};

/**
 * How the line messages that name no field start (`lineNoOffer`), in both languages: a Message that
 * starts so is ours and may be cleared once the line is fixed (test/core/texts-bundled.test.ts
 * checks these against the catalogues).
 */
export const LINE_MESSAGE_STARTS: readonly string[] = ["No row in", "Geen rij in"];
