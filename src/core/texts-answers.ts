// Texts about what MijnKlantportaal answered (refusals, field errors, a refused key) and about the
// API base: English and Dutch, read with `pick(ANSWER_TEXTS)`.

import type { BaseUrlProblem } from "./base-url";
import { catalogue } from "./language";

const MENU_EN = "MijnKlantportaal ›";
const MENU_NL = "MijnKlantportaal ›";

/** The permissions an MKP key can have that the product needs. */
export type Permission = "offers.read" | "offers.write" | "customers.read" | "customers.write";

export const ANSWER_EN = {
  /** Field names of the create request, as the sheets call them. */
  field: {
    offerNumber: "Offer number",
    customerId: "Customer ID",
    issuedAt: "Issued at",
    expiresAt: "Expires at",
    sendNotification: "Send notification",
    lines: "Offer lines",
    description: "Description",
    amountExclVat: "Amount excl. VAT",
    vatRate: "VAT rate",
  } as Record<string, string>,
  line: (n: number) => `Line ${n}`,
  moreErrors: (n: number) => `(and ${n} more)`,
  /** A refusal with the API's reason; the row is failed and waits for the user. */
  refused: (reason: string, status: number) =>
    `MijnKlantportaal refused this offer: ${reason} (HTTP ${status}). Fix the row, then clear Status to send it again.`,
  refusedNoReason: (status: number, phrase: string) =>
    `MijnKlantportaal refused this offer without giving a reason (HTTP ${status}${phrase ? ` ${phrase}` : ""}). Check the row, then clear Status to send it again.`,
  refusedPage: (status: number, phrase: string) =>
    `MijnKlantportaal refused this offer and answered with an error page instead of a reason (HTTP ${status}${phrase ? ` ${phrase}` : ""}). Check the row, then clear Status to send it again.`,
  /** `what`: the offer's ID, number, customer and (when known) creation time, joined. */
  answeredWithOther: (what: string) =>
    `Not created: MijnKlantportaal answered with an offer it already had (${what}) instead of making this one. An offer number can be used there only once, it seems: give this offer another number, then clear Status to send it.`,
  otherOfferParts: (id: string, offerNumber: string, customerId: string, createdAt: string) =>
    [id, `offer number ${offerNumber}`, `customer ${customerId}`, createdAt ? `created ${createdAt}` : ""]
      .filter((p) => !/^(offer number |customer |)$/.test(p))
      .join(", "),
  // The key check (saveApiKey)
  keyWrong: (status: number) =>
    `MijnKlantportaal did not accept this key (HTTP ${status}): it may be mistyped or revoked. Copy it again from MijnKlantportaal (Settings › API keys). Nothing was saved.`,
  keyLacks: (permission: Permission) =>
    `This key lacks the ${permission} permission (HTTP 403), which the offers need. Give the key that permission in MijnKlantportaal (Settings › API keys), or create one that has offers.read and offers.write. Nothing was saved.`,
  // A run stopped by a refused key
  runKeyLacks: (permission: Permission) =>
    `MijnKlantportaal refused the API key: it lacks the ${permission} permission (HTTP 403). The run stopped; no offer was marked failed. Give the key that permission in MijnKlantportaal (Settings › API keys), or use ${MENU_EN} Set API key… to enter another.`,
  // MKP_BASE_URL
  baseUrlRefused: (shown: string, why: string) =>
    `The script property MKP_BASE_URL (${shown}) was not used: ${why}. Your API key may only go to MijnKlantportaal (https:// on mijnklantportaal.nl) or, for testing, to http://localhost. Remove the property to use the standard address; nothing was sent.`,
  baseUrlWhy: {
    scheme: "it must start with https:// (http:// only for localhost)",
    userinfo: "it contains a user name or @",
    host: "its host is not mijnklantportaal.nl or one of its subdomains",
    port: "its port is not a number from 1 to 65535",
    query: "it contains ? or #",
    malformed: "it contains spaces, backslashes or other characters an address cannot have",
  } as Record<BaseUrlProblem, string>,
};

export type AnswerTexts = typeof ANSWER_EN;

export const ANSWER_NL: AnswerTexts = {
  field: {
    offerNumber: "Offertenummer",
    customerId: "Klant-ID",
    issuedAt: "Offertedatum",
    expiresAt: "Vervaldatum",
    sendNotification: "Notificatie versturen",
    lines: "Offerteregels",
    description: "Omschrijving",
    amountExclVat: "Bedrag excl. btw",
    vatRate: "Btw-tarief",
  },
  line: (n) => `Regel ${n}`,
  moreErrors: (n) => `(en nog ${n})`,
  refused: (reason, status) =>
    `MijnKlantportaal heeft deze offerte geweigerd: ${reason} (HTTP ${status}). Verbeter de rij en maak Status leeg om de offerte opnieuw te versturen.`,
  refusedNoReason: (status, phrase) =>
    `MijnKlantportaal heeft deze offerte geweigerd zonder reden te geven (HTTP ${status}${phrase ? ` ${phrase}` : ""}). Controleer de rij en maak Status leeg om de offerte opnieuw te versturen.`,
  refusedPage: (status, phrase) =>
    `MijnKlantportaal heeft deze offerte geweigerd en gaf een foutpagina in plaats van een reden (HTTP ${status}${phrase ? ` ${phrase}` : ""}). Controleer de rij en maak Status leeg om de offerte opnieuw te versturen.`,
  answeredWithOther: (what) =>
    `Niet aangemaakt: MijnKlantportaal antwoordde met een offerte die er al was (${what}) in plaats van deze aan te maken. Een offertenummer kan daar blijkbaar maar één keer gebruikt worden: geef deze offerte een ander nummer en maak Status leeg om hem te versturen.`,
  otherOfferParts: (id, offerNumber, customerId, createdAt) =>
    [id, `offertenummer ${offerNumber}`, `klant ${customerId}`, createdAt ? `aangemaakt op ${createdAt}` : ""]
      .filter((p) => !/^(offertenummer |klant |)$/.test(p))
      .join(", "),
  keyWrong: (status) =>
    `MijnKlantportaal accepteert deze sleutel niet (HTTP ${status}): misschien is hij verkeerd gekopieerd of ingetrokken. Kopieer hem opnieuw uit MijnKlantportaal (Instellingen › API-sleutels). Er is niets opgeslagen.`,
  keyLacks: (permission) =>
    `Deze sleutel mist het recht ${permission} (HTTP 403), dat nodig is voor de offertes. Geef de sleutel dat recht in MijnKlantportaal (Instellingen › API-sleutels), of maak een sleutel met offers.read en offers.write. Er is niets opgeslagen.`,
  runKeyLacks: (permission) =>
    `MijnKlantportaal weigerde de API-sleutel: die mist het recht ${permission} (HTTP 403). De run is gestopt; er is geen offerte als mislukt gemarkeerd. Geef de sleutel dat recht in MijnKlantportaal (Instellingen › API-sleutels), of kies ${MENU_NL} API-sleutel instellen… om een andere in te voeren.`,
  baseUrlRefused: (shown, why) =>
    `De scripteigenschap MKP_BASE_URL (${shown}) is niet gebruikt: ${why}. Je API-sleutel mag alleen naar MijnKlantportaal (https:// op mijnklantportaal.nl) of, om te testen, naar http://localhost. Verwijder de eigenschap om het standaardadres te gebruiken; er is niets verstuurd.`,
  baseUrlWhy: {
    scheme: "het adres moet met https:// beginnen (http:// alleen voor localhost)",
    userinfo: "het adres bevat een gebruikersnaam of @",
    host: "de host is niet mijnklantportaal.nl of een subdomein daarvan",
    port: "de poort is geen getal van 1 tot 65535",
    query: "het adres bevat ? of #",
    malformed: "het adres bevat spaties, backslashes of andere tekens die niet in een adres horen",
  },
};

export const ANSWER_TEXTS = catalogue<AnswerTexts>("answers");
