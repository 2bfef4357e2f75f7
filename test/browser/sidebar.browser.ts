// The sidebar (CONTRACT §9) in headless Chromium: the HTML showSidebar produced, with every
// google.script.run call answered by the built bundle in the local runtime against the MKP double.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import type { Browser } from "playwright-core";
import { launchChromium } from "../../tools/browser/chromium";
import { runLogMessages, runLogRows, runOk, stopDouble, type World } from "../e2e/world";
import { focusedId, openIn, seriousViolations, waitFor } from "./harness";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stopDouble();
});

const offer = (n: string) => [n, "cst_demo0001", "2025-04-14", "", ""];
const line = (n: string) => [n, "Workshop", 100, 21];
const OFFERS = ["S-1", "S-2", "S-3"];
function putProgress(w: World, progress: Record<string, unknown>): void {
  w.rt.cache.document.set("MKP_PROGRESS", {
    value: JSON.stringify(progress),
    expiresAt: w.rt.clock.now() + 600_000,
  });
}

describe("the sidebar", () => {
  test("shows the key (last 4 at most), hourly runs and their owner, the last five runs; axe clean", async () => {
    const s = await openIn(browser, "showSidebar", { offers: [offer("S-1")], lines: [line("S-1")] }, (w) => {
      for (let i = 0; i < 6; i++) runOk(w, "validateOffers");
      runOk(w, "enableScheduledRuns");
    });
    try {
      expect(s.opened.kind).toBe("sidebar");
      expect(s.opened.title).toBe("MijnKlantportaal");
      await waitFor(s.page, "#key-state", /saved, ending in …0001/);
      expect(await s.page.content()).not.toContain("test-key-0001");
      expect(await s.page.innerText("#schedule")).toBe("on, with the API key of sales@example.com (you)");
      expect(runLogRows(s.w.ss)).toHaveLength(6);
      expect(await s.page.locator("#runs li").count()).toBe(5);
      expect(await s.page.locator("#runs li").first().innerText()).toContain("validate");
      expect(await s.page.innerText("#progress-text")).toBe("No batch is running.");
      for (const name of [
        "Create pending offers",
        "Create offers in selected rows",
        "Check offers without sending",
        "Refresh offer statuses",
        "Retry failed offers",
        "Turn on hourly runs",
        "Turn off hourly runs",
        "Set up sheets",
        "API key…",
      ]) {
        expect(await s.page.getByRole("button", { name, exact: true }).count()).toBe(1);
      }
      expect(await seriousViolations(s.page)).toEqual([]);
      expect(s.requested.filter((u) => !u.startsWith(s.host.origin))).toEqual([]);
      // getPanelState never takes the document lock.
      const panelCalls = s.host.calls.filter((c) => c.fn === "getPanelState");
      expect(panelCalls.length).toBeGreaterThan(0);
      for (const c of panelCalls) expect(c.result.counts["LockService.getDocumentLock"] ?? 0).toBe(0);
      expect(panelCalls[0]!.result.counts["Range.getDisplayValues"]).toBe(1);
    } finally {
      await s.close();
    }
  });

  test("shows the running batch's progress from MKP_PROGRESS and follows it while it changes", async () => {
    const s = await openIn(browser, "showSidebar", {}, (w) => {
      const now = w.rt.clock.now();
      putProgress(w, { action: "create", done: 3, toGo: 7, startedAt: now, updatedAt: now });
    });
    try {
      await waitFor(s.page, "#progress-text", /^Creating offers: 3 done, 7 to go\.$/);
      expect(await s.page.getAttribute("#progress-bar", "aria-valuetext")).toBe("3 of 10 done");
      expect(await seriousViolations(s.page)).toEqual([]);
      const now = s.w.rt.clock.now();
      putProgress(s.w, { action: "create", done: 9, toGo: 1, startedAt: now, updatedAt: now });
      await waitFor(s.page, "#progress-text", /^Creating offers: 9 done, 1 to go\.$/);
      s.w.rt.cache.document.delete("MKP_PROGRESS");
      await waitFor(s.page, "#progress-text", /^No batch is running\.$/);
    } finally {
      await s.close();
    }
  });

  test("buttons work with the keyboard: Tab to an action, Enter runs it, the last runs follow", async () => {
    const s = await openIn(browser, "showSidebar", { offers: [offer("S-1")], lines: [line("S-1")] });
    try {
      await waitFor(s.page, "#progress-text", /No batch is running/);
      expect(await s.page.locator("#runs li").count()).toBe(0);
      const order: string[] = [];
      for (let i = 0; i < 3; i++) {
        await s.page.keyboard.press("Tab");
        order.push(await s.page.evaluate("document.activeElement.textContent"));
      }
      expect(order).toEqual([
        "Create pending offers",
        "Create offers in selected rows",
        "Check offers without sending",
      ]);
      await s.page.keyboard.press("Enter");
      // The run's own summary, as the Run log has it, styled as a success.
      await s.page.locator("#status.success").waitFor({ timeout: 15_000 });
      expect(await s.page.innerText("#status")).toBe(runLogMessages(s.w.ss).at(-1));
      await s.page.locator("#runs li").first().waitFor();
      expect(await s.page.locator("#runs li").first().innerText()).toContain("validate");
      expect(runLogRows(s.w.ss)).toHaveLength(1);
      expect(await s.page.evaluate("document.activeElement.textContent")).toBe(
        "Check offers without sending",
      );

      await s.page.keyboard.press("Shift+Tab");
      await s.page.keyboard.press("Shift+Tab");
      expect(await s.page.evaluate("document.activeElement.dataset.fn")).toBe("createPendingOffers");
      await s.page.keyboard.press("Space");
      await waitFor(s.page, "#status", /^1 created/);
      expect(s.w.column("Status")).toEqual(["created"]);
      expect(await focusedId(s.page)).toBe("");
    } finally {
      await s.close();
    }
  });

  test("polls are answered while a long create run is in progress (executions run concurrently)", async () => {
    const s = await openIn(browser, "showSidebar", {
      offers: OFFERS.map(offer),
      lines: OFFERS.map(line),
      runtime: { fetchTimeoutWallMs: 20_000 },
    });
    try {
      await waitFor(s.page, "#progress-text", /No batch is running/);
      // Slow answers, and a 429 for S-1 that makes the run wait (Utilities.sleep) before it retries.
      const manual = { method: "POST", path: "/customer-offers/manual" };
      await s.w.api.injectFaults([
        { match: { ...manual, offerNumber: "S-1" }, fault: { kind: "rate-limit", retryAfterSeconds: 5 } },
        { match: manual, fault: { kind: "delay", ms: 3500 }, times: null },
      ]);
      await s.page.getByRole("button", { name: "Create pending offers" }).click();
      await waitFor(s.page, "#status", /^3 created/);
      expect(s.w.column("Status")).toEqual(["created", "created", "created"]);
      const during = s.host.calls.filter((c) => c.during === "createPendingOffers").map((c) => c.fn);
      expect(during.length).toBeGreaterThan(0);
      expect(new Set(during)).toEqual(new Set(["getPanelState"]));
      const create = s.host.calls.find((c) => c.action === "createPendingOffers")!;
      for (const c of s.host.calls.filter((x) => x.during !== null)) {
        expect(c.result.error).toBeUndefined();
        expect(c.result.startedAt).toBeGreaterThanOrEqual(create.result.startedAt);
        expect(c.result.endedAt).toBeLessThanOrEqual(create.result.endedAt);
      }
    } finally {
      await s.close();
    }
  });
});
