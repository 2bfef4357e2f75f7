// A Dutch sales team (CONTRACT §7a), over the built bundle: Dutch sheets and headers are found and
// created end to end, statuses and texts are Dutch, and an English sheet keeps its English statuses.

import { afterAll, describe, expect, test } from "@jest/globals";
import {
  LINE_HEADERS,
  LINE_HEADERS_NL,
  OFFER_HEADERS,
  OFFER_HEADERS_NL,
  SHEETS_EN,
  SHEETS_NL,
} from "../fixtures/headers";
import {
  cellText,
  postedBodies,
  postedNumbers,
  type Row,
  runOk,
  sheetColumn,
  stopDouble,
  world,
} from "./world";

afterAll(stopDouble);

const OFFERTES = "Offertes";
const REGELS = "Offerteregels";

const dutchWorld = (offers: Row[], lines: Row[], locale: "nl_NL" | "en_US" = "nl_NL") =>
  world({
    locale,
    sheets: {
      [OFFERTES]: [OFFER_HEADERS_NL, ...offers],
      [REGELS]: [[...LINE_HEADERS_NL, "Melding"], ...lines],
    },
  });

/** The sheets a user sees (the product's hidden ledger left out). */
const sheetNames = (w: Awaited<ReturnType<typeof world>>) =>
  w.ss.sheets.map((s) => s.name).filter((n) => n !== "MKP ledger");
const lastToast = (w: Awaited<ReturnType<typeof world>>) => w.ss.toasts.at(-1)?.message ?? "";

describe("a Dutch sheet with Dutch headers", () => {
  test("is created end to end: bodies exact, Status and Melding in Dutch, Logboek in Dutch", async () => {
    const w = await dutchWorld(
      [
        ["NL-1", "cst_demo0001", "2025-04-14", "", "ja"],
        ["NL-2", "cst_demo0002", "2025-04-14", "2025-05-01", ""],
        ["NL-3", "cst_demo0003", "2025-04-14", "", ""],
        ["NL-4", "cst_demo0001", "2025-04-14", "", "", "overslaan"],
      ],
      [
        ["NL-1", "Ontwerp", "12,95", 21],
        ["NL-2", "Workshop", "100.00", 9],
        ["NL-2", "Korting", "-10", 0],
        ["NL-3", "Licentie", "50", 21],
        ["NL-3", "", "5", ""],
      ],
    );
    runOk(w, "createPendingOffers");

    const bodies = await postedBodies(w.api);
    expect(bodies).toEqual([
      {
        customerId: "cst_demo0001",
        offerNumber: "NL-1",
        issuedAt: "2025-04-14",
        expiresAt: "2025-05-14",
        lines: [{ description: "Ontwerp", amountExclVat: "12.95", vatRate: 21 }],
        sendNotification: true,
      },
      {
        customerId: "cst_demo0002",
        offerNumber: "NL-2",
        issuedAt: "2025-04-14",
        expiresAt: "2025-05-01",
        lines: [
          { description: "Workshop", amountExclVat: "100.00", vatRate: 9 },
          { description: "Korting", amountExclVat: "-10.00", vatRate: 0 },
        ],
      },
    ]);
    expect(sheetColumn(w.ss, OFFERTES, "Status")).toEqual([
      "aangemaakt",
      "aangemaakt",
      "ongeldig",
      "overslaan",
    ]);
    expect(sheetColumn(w.ss, OFFERTES, "Offerte-ID").slice(0, 2)).toEqual([
      expect.stringMatching(/^off_/),
      expect.stringMatching(/^off_/),
    ]);
    expect(sheetColumn(w.ss, OFFERTES, "Bedrag").slice(0, 2)).toEqual(["12.95", "90.00"]);
    expect(cellText(w.ss, OFFERTES, 4, "Melding")).toBe(
      "Regel 2 (rij 6 in Offerteregels): Omschrijving ontbreekt, Btw-tarief ontbreekt",
    );
    expect(sheetColumn(w.ss, REGELS, "Melding")).toEqual([
      "",
      "",
      "",
      "",
      "Omschrijving ontbreekt, Btw-tarief ontbreekt",
    ]);
    expect(lastToast(w)).toBe("2 aangemaakt, 1 met fouten om te verbeteren (zie Melding), 1 overgeslagen.");
    // The Run log is created in the locale's language; no English sheet appears beside the Dutch ones.
    expect(sheetNames(w)).toEqual([OFFERTES, REGELS, "Logboek"]);
    expect(w.ss.displayValues("Logboek")[0]).toEqual([
      "Gestart op",
      "Actie",
      "Gestart door",
      "Aangemaakt",
      "Mislukt",
      "Ongeldig",
      "Overgeslagen",
      "Nog open",
      "Duur (s)",
      "Melding",
    ]);
    expect(sheetColumn(w.ss, "Logboek", "Melding")).toEqual([lastToast(w)]);

    // Fixed, the offer goes out on the next run and the line's Melding is cleared.
    w.ss.setCell(REGELS, 6, 2, "Installatie");
    w.ss.setCell(REGELS, 6, 4, 21);
    runOk(w, "createPendingOffers");
    expect(await postedNumbers(w.api)).toEqual(["NL-1", "NL-2", "NL-3"]);
    expect(sheetColumn(w.ss, OFFERTES, "Status")).toEqual([
      "aangemaakt",
      "aangemaakt",
      "aangemaakt",
      "overslaan",
    ]);
    expect(sheetColumn(w.ss, REGELS, "Melding")).toEqual(["", "", "", "", ""]);
    expect(cellText(w.ss, OFFERTES, 4, "Melding")).toBe("");
  });

  test("an offer number this product created before waits for `toch versturen`", async () => {
    const w = await dutchWorld(
      [["NL-9", "cst_demo0001", "2025-04-14", "", ""]],
      [["NL-9", "Werk", "10", 21]],
    );
    runOk(w, "createPendingOffers");
    // The row is cleared, as when someone copies it to make a new offer with the same number.
    w.ss.setCell(OFFERTES, 2, 6, "");
    w.ss.setCell(OFFERTES, 2, 7, "");
    runOk(w, "createPendingOffers");
    expect(await postedNumbers(w.api)).toEqual(["NL-9"]);
    expect(cellText(w.ss, OFFERTES, 2, "Status")).toBe("waarschuwing");
    expect(cellText(w.ss, OFFERTES, 2, "Melding")).toMatch(
      /heeft offerte NL-9 .* al.*typ dan "toch versturen" in Status/,
    );

    w.ss.setCell(OFFERTES, 2, 6, "Toch versturen");
    runOk(w, "createPendingOffers");
    expect(await postedNumbers(w.api)).toEqual(["NL-9", "NL-9"]);
    expect(cellText(w.ss, OFFERTES, 2, "Status")).toBe("aangemaakt");
  });

  test("#N/A in Klant-ID says what to do, a status refresh writes Dutch statuses", async () => {
    const w = await dutchWorld(
      [
        ["NL-A", "#N/A", "2025-04-14", "", ""],
        ["NL-B", "cst_demo0002", "2025-04-14", "", ""],
      ],
      [
        ["NL-A", "Werk", "10", 21],
        ["NL-B", "Werk", "10", 21],
      ],
    );
    runOk(w, "validateOffers");
    expect(cellText(w.ss, OFFERTES, 2, "Melding")).toBe(
      "Klant-ID toont #N/A: een zoekformule vond niets: controleer wat er wordt opgezocht, of typ de waarde",
    );
    expect(cellText(w.ss, OFFERTES, 3, "Melding")).toBe("Klaar om te versturen");
    expect(lastToast(w)).toBe(
      "1 offerte klaar om te versturen, 1 met fouten om te verbeteren (zie Melding), 0 overgeslagen. Er is niets verstuurd.",
    );
    expect(await w.api.requests()).toEqual([]);

    runOk(w, "createPendingOffers");
    const id = cellText(w.ss, OFFERTES, 3, "Offerte-ID");
    await w.api.updateOffer(id, { acceptedAt: "2025-04-20T10:00:00+02:00" });
    runOk(w, "refreshOfferStatuses");
    expect(sheetColumn(w.ss, OFFERTES, "Status")).toEqual(["ongeldig", "geaccepteerd"]);
    expect(lastToast(w)).toMatch(/^Statussen: 1 offerte bijgewerkt/);
  });

  test("on an English locale the Dutch sheet is still found, its statuses stay Dutch, texts are English", async () => {
    const w = await dutchWorld(
      [["NL-E", "cst_demo0001", "2025-04-14", "", ""]],
      [["NL-E", "Werk", "10", 21]],
      "en_US",
    );
    runOk(w, "createPendingOffers");
    expect(await postedNumbers(w.api)).toEqual(["NL-E"]);
    expect(cellText(w.ss, OFFERTES, 2, "Status")).toBe("aangemaakt");
    expect(lastToast(w)).toBe("1 created.");
    // An English user told about a mistake is pointed to the column as the Dutch sheet heads it.
    w.ss.setCell(OFFERTES, 3, 1, "NL-F");
    runOk(w, "validateOffers");
    expect(cellText(w.ss, OFFERTES, 3, "Melding")).toMatch(/^Klant-ID missing;/);
    expect(lastToast(w)).toBe(
      "0 offers ready to send, 1 with mistakes to fix (see Melding), 1 skipped. Nothing was sent.",
    );
  });
});

describe("an English sheet", () => {
  test("on a Dutch locale keeps English statuses and header names, while the texts are Dutch", async () => {
    const w = await world({
      locale: "nl_NL",
      offers: [
        ["EN-1", "cst_demo0001", "2025-04-14", "", ""],
        ["EN-2", "", "2025-04-14", "", ""],
      ],
      lines: [
        ["EN-1", "Work", "10", 21],
        ["EN-2", "Work", "10", 21],
      ],
    });
    runOk(w, "createPendingOffers");
    expect(w.column("Status")).toEqual(["created", "invalid"]);
    // Dutch words, and the column named as the sheet's own header.
    expect(w.column("Message")[1]).toBe("Customer ID ontbreekt");
    // The summary points to the column by the name the sheet gives it.
    expect(lastToast(w)).toBe("1 aangemaakt, 1 met fouten om te verbeteren (zie Message).");
    // The Run log is added in the language of the sheets already there.
    expect(sheetNames(w)).toEqual(["Offers", "Offer lines", "Run log"]);
  });

  test("the user's choice of language wins over the locale (MKP_LANGUAGE)", async () => {
    const w = await world({
      locale: "nl_NL",
      offers: [["EN-3", "", "2025-04-14", "", ""]],
      lines: [["EN-3", "Work", "10", 21]],
    });
    w.rt.properties.user().set("MKP_LANGUAGE", "en");
    runOk(w, "validateOffers");
    expect(w.column("Message")).toEqual(["Customer ID missing"]);
    expect(lastToast(w)).toMatch(/0 offers ready to send, 1 with mistakes to fix \(see Message\)/);
    w.rt.properties.user().set("MKP_LANGUAGE", "nl");
    runOk(w, "validateOffers");
    expect(w.column("Message")).toEqual(["Customer ID ontbreekt"]);
  });
});

describe("setupSheets and the menu", () => {
  test("a new Dutch spreadsheet gets Dutch sheets and headers; a second run changes nothing", async () => {
    const w = await world({ locale: "nl_NL", sheets: {} });
    runOk(w, "setupSheets");
    expect(sheetNames(w)).toEqual(expect.arrayContaining(SHEETS_NL.slice(0, 3)));
    expect(sheetNames(w).filter((n) => SHEETS_EN.includes(n))).toEqual([]);
    expect(w.ss.displayValues(OFFERTES)[0]).toEqual(OFFER_HEADERS_NL);
    expect(w.ss.displayValues(REGELS)[0]).toEqual([...LINE_HEADERS_NL, "Melding"]);
    expect(lastToast(w)).toBe(
      "De tabbladen Offertes, Offerteregels, Logboek, Klanten en Nieuwe klanten zijn klaar.",
    );
    const before = sheetNames(w).map((n) => w.ss.displayValues(n)[0]);
    runOk(w, "setupSheets");
    expect(sheetNames(w).map((n) => w.ss.displayValues(n)[0])).toEqual(before);

    // And it is used end to end.
    w.ss.setCell(OFFERTES, 2, 1, "N-1");
    w.ss.setCell(OFFERTES, 2, 2, "cst_demo0001");
    w.ss.setCell(OFFERTES, 2, 3, "2025-04-14");
    w.ss.setCell(REGELS, 2, 1, "N-1");
    w.ss.setCell(REGELS, 2, 2, "Werk");
    w.ss.setCell(REGELS, 2, 3, 10);
    w.ss.setCell(REGELS, 2, 4, "21");
    runOk(w, "createPendingOffers");
    expect(await postedNumbers(w.api)).toEqual(["N-1"]);
    expect(cellText(w.ss, OFFERTES, 2, "Status")).toBe("aangemaakt");
  });

  test("on a Dutch locale, existing English sheets and headers are never renamed or doubled", async () => {
    const w = await world({
      locale: "nl_NL",
      offerHeaders: OFFER_HEADERS.filter((h) => h !== "Rejected at"),
      lineHeaders: LINE_HEADERS,
      offers: [["K-1", "cst_demo0001", "2025-04-14"]],
    });
    runOk(w, "setupSheets");
    expect(sheetNames(w)).toEqual(["Offers", "Offer lines", "Run log", "Customers", "New customers"]);
    // A missing column is added in the language of the sheet's own headers.
    expect(w.ss.displayValues("Offers")[0]).toEqual([
      ...OFFER_HEADERS.filter((h) => h !== "Rejected at"),
      "Rejected at",
    ]);
    expect(w.ss.displayValues("Offer lines")[0]).toEqual([...LINE_HEADERS, "Message"]);
    expect(lastToast(w)).toBe(
      "De tabbladen Offers, Offer lines, Run log, Customers en New customers zijn klaar.",
    );
  });

  test("the API-key dialog speaks the user's language, every placeholder filled", async () => {
    for (const [locale, save, lang] of [
      ["nl_NL", "Sleutel opslaan", "nl"],
      ["en_US", "Save key", "en"],
    ] as const) {
      const w = await world({ locale });
      runOk(w, "showApiKeyDialog");
      const dialog = w.ss.dialogs.at(-1);
      // The page holds its texts in both languages; the server names this execution's.
      expect(dialog?.html).toContain(`window.MKP_LANG = "${lang}";`);
      expect(dialog?.html).toContain(`"saveKey": "${save}"`);
      expect(dialog?.html).not.toMatch(/<!--[A-Z]/);
    }
  });

  test("a Dutch spreadsheet with only Offertes gets Offerteregels and Logboek; an English one with only Offers, English sheets", async () => {
    const nl = await world({ locale: "en_US", sheets: { [OFFERTES]: [OFFER_HEADERS_NL] } });
    runOk(nl, "setupSheets");
    expect(sheetNames(nl)).toEqual([OFFERTES, REGELS, "Logboek", "Klanten", "Nieuwe klanten"]);
    const en = await world({ locale: "nl_NL", sheets: { Offers: [OFFER_HEADERS] } });
    runOk(en, "setupSheets");
    expect(sheetNames(en)).toEqual(["Offers", "Offer lines", "Run log", "Customers", "New customers"]);
    expect(en.ss.displayValues("Offer lines")[0]).toEqual([...LINE_HEADERS, "Message"]);
  });

  test("onOpen shows the menu in Dutch for a Dutch locale and in English otherwise", async () => {
    const nl = await world({ locale: "nl_NL" });
    runOk(nl, "onOpen", [{ authMode: "LIMITED", source: {} }], { authMode: "LIMITED" });
    const en = await world({ locale: "en_US" });
    runOk(en, "onOpen", [{ authMode: "LIMITED", source: {} }], { authMode: "LIMITED" });
    const nlItems = nl.ss.menus[0]?.items ?? [];
    const enItems = en.ss.menus[0]?.items ?? [];
    expect(nl.ss.menus.map((m) => m.name)).toEqual(["MijnKlantportaal"]);
    expect(nlItems.map((i) => i.functionName)).toEqual(enItems.map((i) => i.functionName));
    expect(nlItems.find((i) => i.functionName === "createPendingOffers")?.label).toBe(
      "Openstaande offertes aanmaken",
    );
    expect(nlItems.find((i) => i.functionName === "setupSheets")?.label).toBe("Tabbladen instellen");
    expect(enItems.find((i) => i.functionName === "createPendingOffers")?.label).toBe(
      "Create pending offers",
    );
    for (const [i, item] of nlItems.entries()) expect(item.label).not.toBe(enItems[i]?.label);
  });
});
