// Adversarial: the API-key dialog (CONTRACT §3 saveApiKey, §7, §7a) as a hurried Dutch user meets it:
// an empty field, a key with a space, a very long wrong key, Enter pressed twice, the connection gone;
// the key never shown back nor left in the page.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import type { Browser } from "playwright-core";
import { launchChromium } from "../../tools/browser/chromium";
import { API_KEY, stopDouble, type World } from "../e2e/world";
import { recordSent } from "./adversarial-support";
import { focusedId, openIn, styleOf, waitFor } from "./harness";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stopDouble();
});

const stored = (w: World) => w.rt.properties.user().get("MKP_API_KEY") ?? null;
const dutchDialog = (withKey: boolean) =>
  openIn(browser, "showApiKeyDialog", { locale: "nl_NL", withKey, config: { apiKeys: [API_KEY] } });

describe("the key dialog, adversarially", () => {
  test("nl: an empty field and a key with a space are refused in Dutch, before any request", async () => {
    const s = await dutchDialog(false);
    try {
      await s.page.keyboard.press("Enter");
      await waitFor(s.page, "#alert", /^Plak je API-sleutel: het veld is leeg\./);
      expect(await s.page.getAttribute("#key", "aria-invalid")).toBe("true");
      expect(await focusedId(s.page)).toBe("key");
      await s.page.keyboard.type("test-key 0001");
      await s.page.keyboard.press("Enter");
      await s.page.locator("#alert", { hasText: /spatie/ }).waitFor({ timeout: 15_000 });
      expect(stored(s.w)).toBeNull();
      expect(await s.w.api.requests()).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test("a very long wrong key is refused without echoing it; a good key saved leaves nothing in the page", async () => {
    const s = await dutchDialog(false);
    try {
      const long = `wrong-${"k".repeat(3000)}-9999`;
      await s.page.locator("#key").fill(long);
      await s.page.keyboard.press("Enter");
      await waitFor(s.page, "#alert", /401/);
      expect(await s.page.innerText("#alert")).not.toContain("kkkkkkkk");
      expect(await s.page.innerText("#hint")).not.toContain("9999");
      expect(await s.page.content()).not.toContain("kkkkkkkk");
      expect(stored(s.w)).toBeNull();

      await s.page.locator("#key").fill(`\t${API_KEY}  `);
      await s.page.keyboard.press("Enter");
      await s.page.locator("#status.success").waitFor({ timeout: 15_000 });
      expect(stored(s.w)).toBe(API_KEY);
      expect(await s.page.inputValue("#key")).toBe("");
      const html = await s.page.evaluate("document.documentElement.outerHTML");
      expect(html).not.toContain(API_KEY);
      expect(await s.page.innerText("#hint")).toContain("…0001");
    } finally {
      await s.close();
    }
  });

  test("Enter pressed twice (and Save clicked) checks the key once; the buttons are disabled meanwhile", async () => {
    const s = await dutchDialog(false);
    const sent = recordSent(s.page);
    try {
      await s.page.locator("#key").fill(API_KEY);
      await s.page.evaluate(`(() => {
        const form = document.getElementById("form");
        form.requestSubmit();
        window.__disabled = document.getElementById("save").disabled;
        form.requestSubmit();
        document.getElementById("save").click();
      })()`);
      await s.page.locator("#status.success").waitFor({ timeout: 15_000 });
      expect(await s.page.evaluate("window.__disabled")).toBe(true);
      expect(sent.filter((c) => c.fn === "saveApiKeyFromDialog")).toHaveLength(1);
      expect(await s.page.locator("button:disabled").count()).toBe(0);
    } finally {
      await s.close();
    }
  });

  test("nl: the connection gone while saving: plain Dutch words, the dialog usable again", async () => {
    const s = await dutchDialog(false);
    try {
      await s.page.route("**/run", (route) => route.abort("internetdisconnected"));
      await s.page.locator("#key").fill(API_KEY);
      await s.page.keyboard.press("Enter");
      await waitFor(s.page, "#alert", /./);
      expect(await s.page.innerText("#alert")).not.toMatch(/NetworkError|HTTP 0/);
      expect(await s.page.innerText("#alert")).toMatch(/^Geen verbinding met Google\./);
      expect(await s.page.locator("button:disabled").count()).toBe(0);
      expect(await focusedId(s.page)).toBe("key");
      expect(stored(s.w)).toBeNull();
    } finally {
      await s.close();
    }
  });

  test("the keyboard focus is visible on every button", async () => {
    const s = await dutchDialog(true);
    try {
      for (const id of ["remove", "close", "save"]) {
        await s.page.keyboard.press("Tab");
        expect(await focusedId(s.page)).toBe(id);
        expect(await styleOf(s.page, `#${id}`, "outline-style")).toBe("solid");
      }
    } finally {
      await s.close();
    }
  });
});
