// The validation table in both languages over the built bundle: each bad input stops its offer,
// and its Message names the field as the sheet's headers do, in the words of the user's language.

import { afterAll, describe, expect, test } from "@jest/globals";
import { LINE_HEADERS_NL, OFFER_HEADERS_NL } from "../fixtures/headers";
import { postedNumbers, type Row, runOk, sheetColumn, stopDouble, world } from "./world";

afterAll(stopDouble);

const D = "2025-04-14";
// Offer row (number, customer, issued, expires, notify), its lines, the Message in English, in Dutch.
const CASES: [Row, Row[], RegExp, RegExp][] = [
  [["V-1", "", D], [["V-1", "Werk", "10", 21]], /^Customer ID missing$/, /^Klant-ID ontbreekt$/],
  [
    ["V-2", "klant42", D],
    [["V-2", "Werk", "10", 21]],
    /^Customer ID: no customer "klant42" in Customers\. Type its customer ID/,
    /^Klant-ID: geen klant "klant42" gevonden in Klanten\. Vul het klant-ID/,
  ],
  [
    ["V-3", "cst_demo0001", ""],
    [["V-3", "Werk", "10", 21]],
    /^Issued at missing$/,
    /^Offertedatum ontbreekt$/,
  ],
  [
    ["V-4", "cst_demo0001", D, "2025-04-01"],
    [["V-4", "Werk", "10", 21]],
    /^Expires at 2025-04-01 is before Issued at 2025-04-14/,
    /^Vervaldatum 2025-04-01 ligt vóór Offertedatum 2025-04-14/,
  ],
  [
    ["V-5", "cst_demo0001", D, "", "misschien"],
    [["V-5", "Werk", "10", 21]],
    /^Send notification: "misschien" is not yes or no/,
    /^Notificatie versturen: "misschien" is geen ja of nee/,
  ],
  [
    ["V-6", "#N/A", D],
    [["V-6", "Werk", "10", 21]],
    /^Customer ID shows #N\/A: .*type the value$/,
    /^Klant-ID toont #N\/A: .*typ de waarde$/,
  ],
  [
    ["V-7", "cst_demo0001", D],
    [],
    /^Lines missing: add rows with offer number V-7/,
    /^Regels ontbreken: voeg in Offerteregels rijen toe met offertenummer V-7$/,
  ],
  [
    ["V-8", "cst_demo0001", D],
    [
      ["V-8", "Werk", "10", 21],
      ["V-8", "", "10", ""],
    ],
    /^Line 2 \(row \d+ of Offer lines\): Description missing, VAT rate missing$/,
    /^Regel 2 \(rij \d+ in Offerteregels\): Omschrijving ontbreekt, Btw-tarief ontbreekt$/,
  ],
  [
    ["V-9", "cst_demo0001", D],
    [["V-9", "Werk", "10", 20]],
    /^Line 1 \(row \d+ of Offer lines\): VAT rate: 20 is not an allowed rate \(use 21, 9 or 0\)$/,
    /^Regel 1 \(rij \d+ in Offerteregels\): Btw-tarief: 20 is geen toegestaan tarief \(gebruik 21, 9 of 0\)$/,
  ],
  [
    ["V-10", "cst_demo0001", D],
    [["V-10", "Werk", "#REF!", 21]],
    /^Line 1 \(row \d+ of Offer lines\): Amount excl\. VAT shows #REF!/,
    /^Regel 1 \(rij \d+ in Offerteregels\): Bedrag excl\. btw toont #REF!/,
  ],
];
const OK: [Row, Row[]] = [["V-OK", "cst_demo0002", D], [["V-OK", "Werk", "10", 21]]];

describe.each([
  ["en", "en_US"],
  ["nl", "nl_NL"],
] as const)("validation in %s", (lang, locale) => {
  test("every bad input stops its offer with a Message naming its field; the valid one is sent", async () => {
    const offers = [...CASES.map((c) => c[0]), OK[0]];
    const lines = [...CASES.flatMap((c) => c[1]), ...OK[1]];
    const w =
      lang === "nl"
        ? await world({
            locale,
            sheets: { Offertes: [OFFER_HEADERS_NL, ...offers], Offerteregels: [LINE_HEADERS_NL, ...lines] },
          })
        : await world({ locale, offers, lines });
    runOk(w, "createPendingOffers");
    const sheet = lang === "nl" ? "Offertes" : "Offers";
    const messages = sheetColumn(w.ss, sheet, lang === "nl" ? "Melding" : "Message");
    const statuses = sheetColumn(w.ss, sheet, "Status");
    CASES.forEach(([row, , en, nl], i) => {
      expect({ offer: row[0], message: messages[i] }).toEqual({
        offer: row[0],
        message: expect.stringMatching(lang === "nl" ? nl : en),
      });
    });
    expect(statuses).toEqual([
      ...CASES.map(() => (lang === "nl" ? "ongeldig" : "invalid")),
      lang === "nl" ? "aangemaakt" : "created",
    ]);
    expect(await postedNumbers(w.api)).toEqual(["V-OK"]);
  });
});
