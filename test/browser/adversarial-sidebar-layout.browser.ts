// Adversarial: the sidebar at Sheets' 300 px (CONTRACT §9, §7a) with what real spreadsheets hold —
// Dutch labels, another user's long e-mail address owning the hourly runs, no key of one's own, and a
// Run log (Logboek) edited by hand: blank rows, typed words, counts left empty, a long unbroken link.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import type { Browser } from "playwright-core";
import { launchChromium } from "../../tools/browser/chromium";
import { LINE_HEADERS, OFFER_HEADERS, stopDouble } from "../e2e/world";
import { openIn, seriousViolations, waitFor } from "./harness";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stopDouble();
});

const OWNER = "verkoop.binnendienst.regio-zuidoost@een-heel-lange-bedrijfsnaam-voorbeeld.nl";
const LINK = `https://mijnklantportaal.nl/offertes/${"x".repeat(160)}`;
// Dutch headers in another order than the product writes them, and an extra column of the team's.
const LOG_HEADERS = [
  "Melding",
  "Gestart op",
  "Actie",
  "Gestart door",
  "Aangemaakt",
  "Mislukt",
  "Ongeldig",
  "Nog open",
  "Notitie",
];
const LOG = [
  LOG_HEADERS,
  ["", "2025-04-10 09:00:00", "create", "menu", "3", "0", "0", "0", ""],
  [`Zie ${LINK}`, "2025-04-11 09:00:00", "refresh", "trigger", "0", "0", "0", "0", ""],
  ["", "", "", "", "", "", "", "", ""],
  ["met de hand aangepast", "gisteren", "handmatig", "Piet", "", "", "", "", "Piet"],
  ["", "", "", "", "", "", "", "", ""],
  ["", "2025-04-12 09:00:00", " Scheduled ", "TRIGGER", "1", "1", "0", "2", ""],
  ["", "2025-04-13 09:00:00", "validate", "menu", "0", "0", "2", "5", ""],
];

describe("the sidebar at 300 px with long Dutch texts and a hand-edited Logboek", () => {
  test("nothing overflows, every button is whole, odd rows are shown as typed", async () => {
    const s = await openIn(
      browser,
      "showSidebar",
      {
        locale: "nl_NL",
        withKey: false,
        sheets: { Offertes: [OFFER_HEADERS], Offerteregels: [LINE_HEADERS], Logboek: LOG },
      },
      (w) => {
        // Another user turned hourly runs on.
        w.rt.properties.document.set("MKP_SCHEDULE_OWNER", OWNER);
      },
    );
    try {
      await waitFor(s.page, "#progress-text", /^Er worden nu geen offertes aangemaakt\.$/);
      await s.page.locator("#runs li").nth(4).waitFor();
      expect(await s.page.innerText("#key-state")).toBe("niet ingesteld");
      expect(await s.page.innerText("#schedule")).toBe(`aan, met de API-sleutel van ${OWNER}`);

      // Newest first; the blank rows skipped; what was typed by hand shown as typed.
      const runs = await s.page.locator("#runs li").allInnerTexts();
      expect(runs).toHaveLength(5);
      expect(runs[0]).toMatch(
        /^2025-04-13 09:00:00 · controleren \(menu\)\n0 aangemaakt, 0 mislukt, 2 ongeldig, 5 nog open$/,
      );
      expect(runs[1]).toMatch(/^2025-04-12 09:00:00 · automatische run \(automatisch\)\n/);
      expect(runs[2]).toBe(
        "gisteren · handmatig (Piet)\n0 aangemaakt, 0 mislukt, 0 ongeldig, 0 nog open\nmet de hand aangepast",
      );
      expect(runs[3]).toContain(LINK);
      expect(runs[4]).toMatch(/· aanmaken \(menu\)\n3 aangemaakt/);

      // At 300 px: no sideways scrolling, and every button fully inside the sidebar.
      const layout = (await s.page.evaluate(`(() => {
        const doc = document.documentElement;
        const buttons = [...document.querySelectorAll("button")].map((b) => {
          const r = b.getBoundingClientRect();
          return { text: b.textContent, left: r.left, right: r.right, clipped: b.scrollWidth > b.clientWidth };
        });
        return { width: doc.clientWidth, scrollWidth: doc.scrollWidth, buttons };
      })()`)) as {
        width: number;
        scrollWidth: number;
        buttons: { text: string; left: number; right: number; clipped: boolean }[];
      };
      expect(layout.width).toBeLessThanOrEqual(300);
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.width);
      for (const b of layout.buttons) {
        expect({ text: b.text, inside: b.left >= 0 && b.right <= layout.width, clipped: b.clipped }).toEqual({
          text: b.text,
          inside: true,
          clipped: false,
        });
      }
      expect(await seriousViolations(s.page)).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
