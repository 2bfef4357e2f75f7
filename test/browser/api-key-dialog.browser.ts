// The API-key dialog (CONTRACT §3) in headless Chromium: the HTML showApiKeyDialog produced, with
// google.script.run answered by the built bundle in the local runtime against the MKP double.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../../tools/browser/chromium";
import { API_KEY, stopDouble, type World } from "../e2e/world";
import { focusedId, openIn, SCREENSHOTS, type Session, seriousViolations, styleOf, waitFor } from "./harness";

const KEY_PROPERTY = "MKP_API_KEY";
const OTHER_KEY = "other-key-7788";
const KEYS = { config: { apiKeys: [API_KEY, OTHER_KEY] } };

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stopDouble();
});

const storedKey = (w: World) => w.rt.properties.user().get(KEY_PROPERTY) ?? null;
const text = (page: Page, selector: string) => page.locator(selector).innerText();
async function dialog(withKey: boolean): Promise<Session> {
  return openIn(browser, "showApiKeyDialog", { withKey, ...KEYS });
}

async function save(s: Session, key: string): Promise<void> {
  await s.page.locator("#key").fill(key);
  await s.page.getByRole("button", { name: "Save key" }).click();
}

describe("the API-key dialog", () => {
  test("opens with the focus in the key field and the stored key's last 4 characters at most", async () => {
    const s = await dialog(true);
    try {
      expect(s.opened.kind).toBe("modal");
      expect(await focusedId(s.page)).toBe("key");
      expect(await s.page.getAttribute("#key", "type")).toBe("password");
      expect(await text(s.page, "#hint")).toBe(
        "A key ending in …0001 is saved for you. Enter a new one to replace it.",
      );
      expect(await s.page.content()).not.toContain(API_KEY);
      // Everything the page needs is in it: no request leaves the page's own host.
      expect(s.requested.filter((u) => !u.startsWith(s.host.origin))).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test("saving a key updates the hint, clears the field and says so as a success", async () => {
    const s = await dialog(false);
    try {
      expect(await text(s.page, "#hint")).toBe("No key is saved for you yet.");
      await save(s, `  ${API_KEY} `);
      await waitFor(s.page, "#status", /^Saved\. MijnKlantportaal accepted the key\.$/);
      expect(await text(s.page, "#hint")).toBe(
        "A key ending in …0001 is saved for you. Enter a new one to replace it.",
      );
      expect(await s.page.inputValue("#key")).toBe("");
      expect(await s.page.getAttribute("#status", "role")).toBe("status");
      expect(await s.page.getAttribute("#status", "class")).toContain("success");
      expect(await text(s.page, "#alert")).toBe("");
      expect(await focusedId(s.page)).toBe("key");
      expect(storedKey(s.w)).toBe(API_KEY);
      await s.page.screenshot({ path: join(SCREENSHOTS, "api-key-dialog.png") });
    } finally {
      await s.close();
    }
  });

  test("saving another key replaces the stored one", async () => {
    const s = await dialog(true);
    try {
      await save(s, OTHER_KEY);
      await waitFor(s.page, "#status", /^Saved\./);
      expect(await text(s.page, "#hint")).toBe(
        "A key ending in …7788 is saved for you. Enter a new one to replace it.",
      );
      expect(storedKey(s.w)).toBe(OTHER_KEY);
    } finally {
      await s.close();
    }
  });

  test("a key MijnKlantportaal refuses (401) is not stored, stays in the field and is shown as an error", async () => {
    const s = await dialog(true);
    try {
      await save(s, "wrong-key-9999");
      await waitFor(s.page, "#alert", /did not accept this key \(HTTP 401\)/);
      const checks = (await s.w.api.requests()).filter((r) =>
        r.headers.authorization?.includes("wrong-key-9999"),
      );
      expect(checks.map((r) => r.status)).toEqual([401]);
      expect(await s.page.inputValue("#key")).toBe("wrong-key-9999");
      expect(await s.page.getAttribute("#key", "aria-invalid")).toBe("true");
      expect(await s.page.getAttribute("#alert", "role")).toBe("alert");
      expect(await text(s.page, "#status")).toBe("");
      expect(storedKey(s.w)).toBe(API_KEY);
      expect(await text(s.page, "#hint")).toContain("…0001");
      // Success and error look different.
      const errorLook = await styleOf(s.page, "#alert", "background-color");
      expect(await seriousViolations(s.page)).toEqual([]);
      await save(s, OTHER_KEY);
      await waitFor(s.page, "#status", /^Saved\./);
      expect(await styleOf(s.page, "#status", "background-color")).not.toBe(errorLook);
      expect(await text(s.page, "#alert")).toBe("");
      expect(await s.page.getAttribute("#key", "aria-invalid")).toBeNull();
    } finally {
      await s.close();
    }
  });

  test("removing the key asks first; keeping it keeps it; confirming removes it and the hint says so", async () => {
    const s = await dialog(true);
    try {
      const remove = s.page.getByRole("button", { name: "Remove my key…" });
      const save = await s.page.getByRole("button", { name: "Save key" }).boundingBox();
      expect(await styleOf(s.page, "#remove", "background-color")).not.toBe(
        await styleOf(s.page, "#save", "background-color"),
      );
      expect(save).not.toBeNull();
      await remove.click();
      expect(await s.page.isVisible("#confirm")).toBe(true);
      expect(storedKey(s.w)).toBe(API_KEY);
      expect(await seriousViolations(s.page)).toEqual([]);
      await s.page.getByRole("button", { name: "Keep my key" }).click();
      expect(await s.page.isVisible("#confirm")).toBe(false);
      expect(storedKey(s.w)).toBe(API_KEY);

      await remove.click();
      await s.page.getByRole("button", { name: "Remove key", exact: true }).click();
      await waitFor(s.page, "#status", /^Your API key was removed\.$/);
      expect(await text(s.page, "#hint")).toBe("No key is saved for you yet.");
      expect(await s.page.getAttribute("#status", "class")).toContain("success");
      expect(storedKey(s.w)).toBeNull();
      expect(s.host.calls.map((c) => c.fn)).toEqual(["clearApiKeyFromDialog"]);
    } finally {
      await s.close();
    }
  });

  test("works with the keyboard only: type, Enter saves; Tab to Remove, Space, Escape cancels, Enter confirms", async () => {
    const s = await dialog(false);
    const { keyboard } = s.page;
    try {
      await keyboard.type(API_KEY);
      await keyboard.press("Enter");
      await waitFor(s.page, "#status", /^Saved\./);
      expect(storedKey(s.w)).toBe(API_KEY);
      expect(await focusedId(s.page)).toBe("key");

      await keyboard.press("Tab");
      expect(await focusedId(s.page)).toBe("remove");
      await keyboard.press("Space");
      expect(await focusedId(s.page)).toBe("confirm-remove");
      await keyboard.press("Escape");
      expect(await s.page.isVisible("#confirm")).toBe(false);
      expect(await focusedId(s.page)).toBe("remove");
      expect(storedKey(s.w)).toBe(API_KEY);

      await keyboard.press("Enter");
      expect(await focusedId(s.page)).toBe("confirm-remove");
      await keyboard.press("Enter");
      await waitFor(s.page, "#status", /removed/);
      expect(storedKey(s.w)).toBeNull();
      expect(await text(s.page, "#hint")).toBe("No key is saved for you yet.");

      // Tab order: field, Remove, Close, Save; Close closes the dialog through google.script.host.
      await keyboard.press("Tab");
      await keyboard.press("Tab");
      expect(await focusedId(s.page)).toBe("close");
      await keyboard.press("Enter");
      await s.page.waitForFunction("true");
      await waitForHost(s, "close");
    } finally {
      await s.close();
    }
  });

  test("looks like Google's dialogs: blue primary action, the Sheets font stack, CSS inlined, nothing fetched", async () => {
    const s = await dialog(true);
    try {
      expect(await styleOf(s.page, "#save", "background-color")).toBe("rgb(26, 115, 232)");
      expect(await styleOf(s.page, "#save", "color")).toBe("rgb(255, 255, 255)");
      expect(await styleOf(s.page, "#close", "background-color")).toBe("rgb(255, 255, 255)");
      expect(await styleOf(s.page, "body", "font-family")).toMatch(
        /^"Google Sans", Roboto, Arial, sans-serif$/,
      );
      // Styles and script are in the page: no stylesheet, script, font or image from anywhere.
      expect(s.opened.html).not.toMatch(/<link\b|<script[^>]+src=|<img\b|@import|url\(/i);
      expect(s.requested).toEqual([s.opened.url]);
    } finally {
      await s.close();
    }
  });

  test("axe-core finds no serious or critical violation", async () => {
    const s = await dialog(true);
    try {
      expect(await seriousViolations(s.page)).toEqual([]);
      await save(s, API_KEY);
      await waitFor(s.page, "#status", /^Saved\./);
      expect(await seriousViolations(s.page)).toEqual([]);
    } finally {
      await s.close();
    }
  });
});

async function waitForHost(s: Session, action: string): Promise<void> {
  for (let i = 0; i < 100 && !s.host.hostActions.some((a) => a.action === action); i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(s.host.hostActions.map((a) => a.action)).toEqual([action]);
}
