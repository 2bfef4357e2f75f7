// The sidebar during a real batch, in headless Chromium: "Create pending offers" clicked on 300
// offers; the progress it shows moves while the run executes (its polls served at the run's waits,
// as Apps Script runs the sidebar's calls beside it) and matches the rows created at those moments;
// the summary appears, a continuation finishes the batch, the last runs follow.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../../tools/browser/chromium";
import { batch, expectExactlyOnce } from "../e2e/batches";
import { runLogRows, stopDouble, type World } from "../e2e/world";
import { openIn, SCREENSHOTS, seriousViolations, waitFor as waitForText } from "./harness";

/** As harness' waitFor, given longer: the batch's answers are slow on purpose. */
const waitFor = (page: Page, selector: string, pattern: RegExp) =>
  waitForText(page, selector, pattern, 30_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stopDouble();
});

const N = 300;
const created = (w: World): number => w.column("Status").filter((s) => s === "created").length;
/** Starts recording, in the page itself, every text the progress line shows. */
function recordProgressTexts(page: Page): Promise<unknown> {
  return page.evaluate(`(() => {
    window.__shown = [];
    const el = document.getElementById("progress-text");
    new MutationObserver(() => window.__shown.push(el.textContent)).observe(el, { childList: true, characterData: true, subtree: true });
  })()`);
}

const DONE = /^Creating offers: (\d+) done, (\d+) to go\.$/;

describe("the sidebar during a batch of 300 offers", () => {
  test("the progress moves with the rows created; the summary appears; the continuation ends it", async () => {
    const s = await openIn(
      browser,
      "showSidebar",
      // 40 requests a minute: the batch needs a continuation. Slow answers keep each round trip
      // long enough in real time for the page to poll during the run.
      { ...batch(N, "SB"), config: { rateLimit: 40 }, runtime: { fetchTimeoutWallMs: 20_000 } },
      async (w) => {
        await w.api.injectFaults([
          {
            match: { method: "POST", path: "/customer-offers/manual" },
            fault: { kind: "delay", ms: 2500 },
            times: null,
          },
        ]);
      },
      { host: (w) => ({ observe: () => created(w) }) },
    );
    try {
      await waitFor(s.page, "#progress-text", /^No batch is running\.$/);
      await recordProgressTexts(s.page);
      await s.page.getByRole("button", { name: "Create pending offers" }).click();
      // The first execution's summary: some created, the rest continues.
      await waitFor(s.page, "#status", /created.*continues automatically/);
      const afterFirst = created(s.w);
      expect(afterFirst).toBeGreaterThan(0);
      expect(afterFirst).toBeLessThan(N);

      // Every poll answered during the run said what the rows said at that moment.
      const first = s.host.calls.find((c) => c.action === "createPendingOffers");
      const polls = s.host.calls.filter(
        (c) => c.fn === "getPanelState" && c.during === "createPendingOffers",
      );
      expect(polls.length).toBeGreaterThanOrEqual(3);
      for (const p of polls) {
        const progress = (p.result.returned as { progress: { done: number; toGo: number } | null }).progress;
        expect(p.result.counts["LockService.getDocumentLock"] ?? 0).toBe(0);
        if (progress === null) continue; // asked before the first batch was marked
        expect({ done: progress.done, toGo: progress.toGo }).toEqual({
          done: p.observed,
          toGo: N - Number(p.observed),
        });
      }
      // And the page showed them: at least three different moments, each the rows created then.
      const shown = (await s.page.evaluate("window.__shown")) as string[];
      const moments = new Set<number>();
      // (Polls after the run ended count too: the page may show their answer by now.)
      const answered = s.host.calls.filter((c) => c.fn === "getPanelState");
      const observed = new Set(
        answered
          .filter(
            (c) => (c.result.returned as { progress: { done: number } | null }).progress?.done === c.observed,
          )
          .map((c) => Number(c.observed)),
      );
      for (const text of shown) {
        const m = DONE.exec(text);
        if (!m) continue;
        expect(Number(m[1]) + Number(m[2])).toBe(N);
        expect(observed.has(Number(m[1]))).toBe(true);
        moments.add(Number(m[1]));
      }
      expect(moments.size).toBeGreaterThanOrEqual(3);
      expect(first?.result.error).toBeUndefined();

      // Between the executions: the batch is still shown, with the time left at the rate limit.
      await waitFor(
        s.page,
        "#progress-text",
        new RegExp(`^Creating offers: ${afterFirst} done, ${N - afterFirst} to go\\.$`),
      );
      expect(await s.page.innerText("#progress-eta")).toMatch(
        /^About \d+ minutes? left\.$|^Less than a minute left\.$/,
      );
      expect(await s.page.getAttribute("#progress-bar", "aria-valuetext")).toBe(`${afterFirst} of ${N} done`);
      expect(await seriousViolations(s.page)).toEqual([]);
      await s.page.screenshot({ path: join(SCREENSHOTS, "sidebar-running.png"), fullPage: true });

      // The continuation (a trigger execution) finishes the batch while the page keeps polling.
      for (let i = 0; i < 4 && created(s.w) < N; i++) {
        const run = s.host.runNextTrigger();
        expect(run?.error).toBeUndefined();
      }
      await expectExactlyOnce(s.w, N);
      const later = s.host.calls.filter((c) => c.fn === "getPanelState" && c.during === "trigger");
      for (const p of later) {
        const progress = (p.result.returned as { progress: { done: number } | null }).progress;
        if (progress !== null) expect(progress.done).toBe(p.observed);
      }
      await waitFor(s.page, "#progress-text", /^No batch is running\.$/);
      // The end of the batch brings the last runs: the menu run and the continuation.
      await s.page
        .locator("#runs li")
        .nth(runLogRows(s.w.ss).length - 1)
        .waitFor({ timeout: 30_000 });
      expect(await s.page.locator("#runs li").first().innerText()).toMatch(/hourly run[\s\S]*\(trigger\)/);
      expect(await s.page.locator("#runs li").last().innerText()).toMatch(/create[\s\S]*\(menu\)/);
      expect(await seriousViolations(s.page)).toEqual([]);
      await s.page.screenshot({ path: join(SCREENSHOTS, "sidebar-done.png"), fullPage: true });
    } finally {
      await s.close();
    }
  });
});
