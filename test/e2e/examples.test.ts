// The examples `npm start` runs (tools/start.ts), over the built bundle: the Dutch one
// (`--locale nl_NL`) end to end in Dutch, the English one with its English sheets and statuses.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "@jest/globals";
import { postedNumbers, type Row, runOk, sheetColumn, stopDouble, world } from "./world";

afterAll(stopDouble);

function example(file: string): { locale: "nl_NL" | "en_US"; sheets: Record<string, Row[]> } {
  return JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", file), "utf8"));
}

async function runExample(file: string) {
  const fixture = example(file);
  const w = await world({ locale: fixture.locale, sheets: fixture.sheets, withKey: false });
  const headers = Object.keys(fixture.sheets).map((name) => w.ss.displayValues(name)[0]);
  runOk(w, "onOpen", [{ authMode: "LIMITED" }], { authMode: "LIMITED" });
  runOk(w, "setupSheets");
  runOk(w, "saveApiKey", ["demo-key-0001"]);
  runOk(w, "createPendingOffers");
  const visible = w.ss.sheets.filter((s) => !s.hidden).map((s) => s.name);
  // What row 1 of each example sheet holds now beyond what it held (no header renamed or moved).
  const added = Object.keys(fixture.sheets).map((name, i) => {
    const now = w.ss.displayValues(name)[0] ?? [];
    const before = headers[i] ?? [];
    expect(now.slice(0, before.length)).toEqual(before);
    return now.slice(before.length);
  });
  return { w, added, visible };
}

describe("the examples of npm start", () => {
  test("--locale nl_NL: the Dutch example is created end to end in Dutch", async () => {
    const { w, added, visible } = await runExample("offertes.json");
    expect([...visible].sort()).toEqual([
      "Klanten",
      "Logboek",
      "Nieuwe klanten",
      "Offerteregels",
      "Offertes",
    ]);
    // setupSheets found every Dutch column: only the product's hidden ref column was added.
    expect(added).toEqual([["MKP ref"], []]);
    expect(await postedNumbers(w.api)).toEqual(["2025-101", "2025-102"]);
    expect(sheetColumn(w.ss, "Offertes", "Status")).toEqual([
      "aangemaakt",
      "aangemaakt",
      "ongeldig",
      "ongeldig",
      "overslaan",
    ]);
    expect(sheetColumn(w.ss, "Offertes", "Melding").slice(2, 4)).toEqual([
      "Vervaldatum 2025-04-01 ligt vóór Offertedatum 2025-04-16: verbeter een van beide, of maak Vervaldatum leeg (dan geldt 30 dagen na Offertedatum)",
      "Regel 2 (rij 9 in Offerteregels): Omschrijving ontbreekt, Btw-tarief ontbreekt",
    ]);
    expect(w.ss.menus[0]?.items[0]?.label).toBe("Openstaande offertes aanmaken");
    expect(w.ss.toasts.at(-1)?.message).toBe(
      "2 aangemaakt, 2 met fouten om te verbeteren (zie Melding), 1 overgeslagen.",
    );
    expect(sheetColumn(w.ss, "Logboek", "Aangemaakt")).toEqual(["2"]);
  });

  test("the English example keeps its English sheets, headers and statuses", async () => {
    const { w, added, visible } = await runExample("offers.json");
    expect([...visible].sort()).toEqual(["Customers", "New customers", "Offer lines", "Offers", "Run log"]);
    // The Message column setupSheets adds to Offer lines is English, as the sheet's headers are.
    // (and the hidden bookkeeping column of the example's New customers sheet).
    expect(added).toEqual([["MKP ref"], ["Message"], ["MKP sent"]]);
    expect(sheetColumn(w.ss, "Offers", "Status")).toEqual([
      "created",
      "created",
      "invalid",
      "created",
      "created",
    ]);
    expect(await postedNumbers(w.api)).toEqual(["2025-001", "2025-002", "2025-004", "2025-005"]);
  });
});
