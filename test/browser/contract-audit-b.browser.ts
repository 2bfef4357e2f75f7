// Contract audit §9 in headless Chromium: the sidebar (not only the key dialog) follows the look of
// Google's add-ons, loads nothing from outside, labels its buttons as the menu does in both
// languages, and runs "Update customer list" from the keyboard.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import type { Browser } from "playwright-core";
import { launchChromium } from "../../tools/browser/chromium";
import { runOk, sheetColumn, stopDouble } from "../e2e/world";
import { openIn, styleOf, waitFor } from "./harness";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stopDouble();
});

describe("§9 the sidebar", () => {
  test("blue primary button, white secondary ones, the Sheets font stack, nothing fetched from outside", async () => {
    const s = await openIn(browser, "showSidebar", {});
    try {
      await waitFor(s.page, "#progress-text", /No batch is running/);
      const primary = '[data-fn="createPendingOffers"]';
      expect(await styleOf(s.page, primary, "background-color")).toBe("rgb(26, 115, 232)");
      expect(await styleOf(s.page, primary, "color")).toBe("rgb(255, 255, 255)");
      expect(await styleOf(s.page, '[data-fn="validateOffers"]', "background-color")).toBe(
        "rgb(255, 255, 255)",
      );
      expect(await styleOf(s.page, "body", "font-family")).toMatch(
        /^"Google Sans", Roboto, Arial, sans-serif$/,
      );
      expect(s.opened.html).not.toMatch(/<link\b|<script[^>]+src=|<img\b|@import|url\(/i);
      expect(s.requested.filter((u) => !u.startsWith(s.host.origin))).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test.each(["en_US", "nl_NL"] as const)(
    "%s: each action button is labelled as its menu item",
    async (locale) => {
      const s = await openIn(browser, "showSidebar", { locale });
      try {
        await waitFor(
          s.page,
          "#progress-text",
          locale === "nl_NL" ? /Er worden nu geen offertes/ : /No batch is running/,
        );
        runOk(s.w, "onOpen");
        const menu = new Map((s.w.ss.menus[0]?.items ?? []).map((i) => [i.functionName, i.label]));
        const buttons = await s.page.$$eval("button[data-fn]", (bs) =>
          bs.map((b) => [b.getAttribute("data-fn") ?? "", b.textContent ?? ""]),
        );
        for (const [fn, label] of buttons) {
          // The key dialog's button is shorter than the menu's "Set API key…"; it holds Remove as well.
          if (fn === "showApiKeyDialog") expect(menu.get(fn)).toContain(label.replace("…", ""));
          else expect({ fn, label }).toEqual({ fn, label: menu.get(fn) });
        }
        const offered = new Set(buttons.map(([fn]) => fn));
        expect([...menu.keys()].filter((fn) => !offered.has(fn))).toEqual(["showSidebar", "clearApiKey"]);
      } finally {
        await s.close();
      }
    },
  );

  test("Update customer list, run with the keyboard, fills Customers and shows the summary", async () => {
    const s = await openIn(browser, "showSidebar", {});
    try {
      await waitFor(s.page, "#progress-text", /No batch is running/);
      await s.page.focus('[data-fn="syncCustomers"]');
      await s.page.keyboard.press("Enter");
      await s.page.locator("#status.success").waitFor({ timeout: 15_000 });
      expect(
        sheetColumn(s.w.ss, "Customers", "Customer ID").filter((id) => id !== "").length,
      ).toBeGreaterThan(0);
      expect(s.host.calls.some((c) => c.fn === "runFromSidebar")).toBe(true);
      // Its Run log row is among the last runs, named in words.
      await waitFor(s.page, "#runs", /· customer list \(menu\)/);
    } finally {
      await s.close();
    }
  });

  test("a Logboek row of a customer list update reads as one in Dutch", async () => {
    const s = await openIn(browser, "showSidebar", {
      locale: "nl_NL",
      sheets: {
        Logboek: [
          ["Gestart op", "Actie", "Gestart door", "Aangemaakt", "Mislukt", "Ongeldig", "Nog open", "Melding"],
          ["2025-04-13 09:00:00", "customers", "menu", "0", "0", "0", "0", "40 klanten bijgewerkt."],
        ],
      },
    });
    try {
      await waitFor(s.page, "#runs", /2025-04-13 09:00:00 · klantenlijst \(menu\)/);
    } finally {
      await s.close();
    }
  });
});
