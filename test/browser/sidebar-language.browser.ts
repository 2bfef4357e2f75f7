// The sidebar and the key dialog in the user's language (CONTRACT §7a, §9), and "Retry failed
// offers" from the sidebar, in headless Chromium over the built bundle.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../../tools/browser/chromium";
import { batch } from "../e2e/batches";
import { postedNumbers, runOk, stopDouble } from "../e2e/world";
import { focusedId, openIn, seriousViolations, waitFor } from "./harness";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stopDouble();
});

const buttons = (page: Page) => page.locator("button[data-fn]").allInnerTexts();

describe("the sidebar's language", () => {
  test("a Dutch spreadsheet gets a Dutch sidebar; the user switches to English and back with the keyboard", async () => {
    const s = await openIn(browser, "showSidebar", { ...batch(1, "LG"), locale: "nl_NL" });
    try {
      await waitFor(s.page, "#progress-text", /^Er worden nu geen offertes aangemaakt\.$/);
      expect(await s.page.getAttribute("html", "lang")).toBe("nl");
      expect(await buttons(s.page)).toEqual([
        "Openstaande offertes aanmaken",
        "Offertes in geselecteerde rijen aanmaken",
        "Offertes controleren zonder te versturen",
        "Status van offertes bijwerken",
        "Mislukte offertes opnieuw proberen",
        "Klantenlijst bijwerken",
        "Automatische runs aanzetten",
        "Automatische runs uitzetten",
        "Tabbladen instellen",
        "API-sleutel…",
      ]);
      expect(await s.page.innerText("#key-state")).toBe("opgeslagen, eindigt op …0001");
      expect(await s.page.innerText("#schedule")).toBe("uit");
      expect(await s.page.inputValue("#language")).toBe("");
      expect(await seriousViolations(s.page)).toEqual([]);

      // Keyboard only: Tab past the ten buttons to the language choice, pick English.
      for (let i = 0; i < 11; i++) await s.page.keyboard.press("Tab");
      expect(await focusedId(s.page)).toBe("language");
      await s.page.keyboard.press("End");
      await waitFor(s.page, "#status", /^Language saved\.$/);
      expect(s.w.rt.properties.user().get("MKP_LANGUAGE")).toBe("en");
      expect(await s.page.getAttribute("html", "lang")).toBe("en");
      expect((await buttons(s.page))[0]).toBe("Create pending offers");
      await waitFor(s.page, "#key-state", /^saved, ending in …0001$/);
      expect(await s.page.innerText("#progress-text")).toBe("No batch is running.");
      expect(await seriousViolations(s.page)).toEqual([]);

      // A new execution (the menu, a dialog) uses the choice.
      runOk(s.w, "showApiKeyDialog");
      expect(s.w.ss.dialogs.at(-1)?.html).toContain('window.MKP_LANG = "en";');

      // Back to following the spreadsheet: Dutch again, the property gone.
      await s.page.keyboard.press("Home");
      await waitFor(s.page, "#status", /^Taal opgeslagen\.$/);
      expect(s.w.rt.properties.user().get("MKP_LANGUAGE") ?? null).toBeNull();
      expect((await buttons(s.page))[0]).toBe("Openstaande offertes aanmaken");
      await waitFor(s.page, "#key-state", /^opgeslagen/);
      const calls = s.host.calls.filter((c) => c.fn === "setLanguage").map((c) => c.args);
      expect(calls).toEqual([["en"], [""]]);
    } finally {
      await s.close();
    }
  });

  test("an English spreadsheet whose user chose Dutch: sidebar and key dialog in Dutch", async () => {
    const prepare = (w: { rt: { properties: { user(): { set(k: string, v: string): void } } } }) =>
      w.rt.properties.user().set("MKP_LANGUAGE", "nl");
    const s = await openIn(browser, "showSidebar", {}, prepare);
    try {
      await waitFor(s.page, "#progress-text", /^Er worden nu geen offertes aangemaakt\.$/);
      expect(await s.page.inputValue("#language")).toBe("nl");
      expect(await s.page.innerText("#runs-title")).toBe("Laatste runs");
    } finally {
      await s.close();
    }
    const d = await openIn(browser, "showApiKeyDialog", {}, prepare);
    try {
      expect(await d.page.getAttribute("html", "lang")).toBe("nl");
      expect(await d.page.getByRole("button", { name: "Sleutel opslaan" }).count()).toBe(1);
      expect(await d.page.innerText("label[for=key]")).toBe("API-sleutel");
      await d.page.getByRole("button", { name: "Mijn sleutel verwijderen…" }).click();
      expect(await d.page.innerText("#confirm-text")).toMatch(/^Je opgeslagen sleutel verwijderen\?/);
      expect(await seriousViolations(d.page)).toEqual([]);
    } finally {
      await d.close();
    }
  });
});

describe("the sidebar's view, worded by the page from the state the server sends", () => {
  test.each([
    [
      "nl_NL",
      "Offertes aanmaken: 120 klaar, nog 180 te gaan.",
      "Nog ongeveer 3 minuten.",
      "120 van 300 klaar",
      "aan, met de API-sleutel van sales@example.com (jij)",
      / · controleren \(menu\)$/,
      /^\d+ aangemaakt, \d+ mislukt, \d+ ongeldig, \d+ nog open$/,
    ],
    [
      "en_US",
      "Creating offers: 120 done, 180 to go.",
      "About 3 minutes left.",
      "120 of 300 done",
      "on, with the API key of sales@example.com (you)",
      / · validate \(menu\)$/,
      /^\d+ created, \d+ failed, \d+ invalid, \d+ still pending$/,
    ],
  ] as const)(
    "%s: progress, ETA, schedule and the last run",
    async (locale, text, eta, value, schedule, head, counts) => {
      const s = await openIn(browser, "showSidebar", { ...batch(1, "VW"), locale }, (w) => {
        runOk(w, "validateOffers");
        runOk(w, "enableScheduledRuns");
        const now = w.rt.clock.now();
        w.rt.cache.document.set("MKP_PROGRESS", {
          value: JSON.stringify({ action: "create", done: 120, toGo: 180, startedAt: now, updatedAt: now }),
          expiresAt: now + 600_000,
        });
      });
      try {
        await s.page.locator("#progress-text", { hasText: text }).waitFor({ timeout: 15_000 });
        expect(await s.page.innerText("#progress-text")).toBe(text);
        expect(await s.page.innerText("#progress-eta")).toBe(eta);
        expect(await s.page.getAttribute("#progress-bar", "aria-valuetext")).toBe(value);
        expect(await s.page.innerText("#schedule")).toBe(schedule);
        await s.page.locator("#runs li").first().waitFor();
        const run = await s.page.locator("#runs li div").allInnerTexts();
        expect(run[0]).toMatch(head);
        expect(run[1]).toMatch(counts);
      } finally {
        await s.close();
      }
    },
  );
});

describe("Retry failed offers, from the sidebar", () => {
  test("asks (Yes), clears the failed rows and creates them again; the summary appears", async () => {
    const s = await openIn(browser, "showSidebar", batch(3, "RT"), async (w) => {
      await w.api.injectFaults([
        {
          match: { method: "POST", path: "/customer-offers/manual", offerNumber: "RT-00002" },
          fault: { kind: "status", status: 422, body: { message: "Customer is blocked" } },
        },
      ]);
      runOk(w, "createPendingOffers");
      expect(w.column("Status")).toEqual(["created", "failed", "created"]);
      w.ss.alertReplies.push("YES");
    });
    try {
      await waitFor(s.page, "#progress-text", /No batch is running/);
      await s.page.getByRole("button", { name: "Retry failed offers" }).click();
      await waitFor(s.page, "#status", /^1 created/);
      expect(s.w.ss.alerts.at(-1)?.message).toBe(
        "1 row is marked failed. Clear its Status and create it again in MijnKlantportaal?",
      );
      expect(s.w.column("Status")).toEqual(["created", "created", "created"]);
      expect(await postedNumbers(s.w.api)).toEqual(["RT-00001", "RT-00002", "RT-00003", "RT-00002"]);
      await s.page.locator("#runs li").nth(1).waitFor();
    } finally {
      await s.close();
    }
  });
});
