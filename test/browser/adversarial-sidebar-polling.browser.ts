// Adversarial: the sidebar left open for a long time (CONTRACT §9 "updated while it runs"), with the
// page's clock faked so that idle minutes pass in seconds: it must not start an execution every 3 s
// all day, nor pile polls on top of a slow one (Apps Script allows 30 simultaneous executions per
// user), and it must still pick up a batch soon after it starts.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../../tools/browser/chromium";
import { batch } from "../e2e/batches";
import { stopDouble } from "../e2e/world";
import { putProgress } from "./adversarial-support";
import { openIn, waitFor } from "./harness";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stopDouble();
});

/** Counts the page's getPanelState requests, and how many are waiting for their answer. */
function track(page: Page): { sent: number[]; inFlight: () => number } {
  const sent: number[] = [];
  let open = 0;
  const isPoll = (body: string | null) => (body ?? "").includes('"fn":"getPanelState"');
  page.on("request", (r) => {
    if (!r.url().endsWith("/run") || !isPoll(r.postData())) return;
    sent.push(Date.now());
    open += 1;
  });
  const done = (r: { url(): string; postData(): string | null }) => {
    if (r.url().endsWith("/run") && isPoll(r.postData())) open -= 1;
  };
  page.on("requestfinished", done);
  page.on("requestfailed", done);
  return { sent, inFlight: () => open };
}

/** Advances the page's clock by `ms` in steps, letting each poll's answer arrive between steps. */
async function idleFor(page: Page, inFlight: () => number, ms: number, step = 5000): Promise<void> {
  for (let t = 0; t < ms; t += step) {
    await page.clock.runFor(step);
    for (let i = 0; i < 200 && inFlight() > 0; i++) await new Promise((r) => setTimeout(r, 10));
    // Let the page run the answer's handler (which times the next poll).
    await page.evaluate("0");
  }
}

describe("the sidebar left open", () => {
  test("idle for 10 minutes it polls every 30 s after the first minute, and still catches a batch", async () => {
    const s = await openIn(browser, "showSidebar", batch(1, "ID"), undefined, { fakeClock: true });
    const polls = track(s.page);
    try {
      await waitFor(s.page, "#progress-text", /^No batch is running\.$/);
      await idleFor(s.page, polls.inFlight, 60_000);
      const firstMinute = polls.sent.length;
      expect(firstMinute).toBeGreaterThanOrEqual(5);
      await idleFor(s.page, polls.inFlight, 9 * 60_000);
      const idle = polls.sent.length - firstMinute;
      // 9 minutes at one poll per 30 s: 18 (a 3-second poll would be 180).
      expect(idle).toBeLessThanOrEqual(19);
      expect(idle).toBeGreaterThanOrEqual(15);

      // A batch started from the menu shows within one idle interval, then follows at 3 s.
      putProgress(s.w, 4, 6);
      await idleFor(s.page, polls.inFlight, 30_000);
      await waitFor(s.page, "#progress-text", /^Creating offers: 4 done, 6 to go\.$/, 5000);
      putProgress(s.w, 7, 3);
      await idleFor(s.page, polls.inFlight, 3000, 3000);
      await waitFor(s.page, "#progress-text", /^Creating offers: 7 done, 3 to go\.$/, 5000);
    } finally {
      await s.close();
    }
  });

  test("a poll that takes long is not joined by others: one poll at a time", async () => {
    const s = await openIn(browser, "showSidebar", batch(1, "SL"), undefined, { fakeClock: true });
    const polls = track(s.page);
    try {
      await waitFor(s.page, "#progress-text", /^No batch is running\.$/);
      // The next poll hangs (a slow spreadsheet, a busy Apps Script) until released.
      const held: (() => Promise<void>)[] = [];
      await s.page.route("**/run", (route) => {
        held.push(() => route.fallback());
      });
      const before = polls.sent.length;
      await s.page.clock.runFor(60_000);
      await new Promise((r) => setTimeout(r, 300));
      expect(polls.sent.length - before).toBe(1);
      await s.page.unroute("**/run");
      for (const release of held) await release();
      // Answered: the next poll follows one (idle) interval after that answer.
      await idleFor(s.page, polls.inFlight, 35_000);
      expect(polls.sent.length - before).toBeGreaterThanOrEqual(2);
      expect(await s.page.innerText("#progress-text")).toBe("No batch is running.");
    } finally {
      await s.close();
    }
  });
});
