// Adversarial: the sidebar (CONTRACT §9, §7a, §3 "plain words") when its server calls fail — an
// exception in the entry point, the connection gone, an execution stopped at the time limit — and
// when an action button is clicked twice.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import type { Browser } from "playwright-core";
import { launchChromium } from "../../tools/browser/chromium";
import { batch } from "../e2e/batches";
import { postedNumbers, runLogRows, stopDouble } from "../e2e/world";
import { recordSent } from "./adversarial-support";
import { openIn, waitFor } from "./harness";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stopDouble();
});

const SERVICE_ERROR = "Service Spreadsheets failed while accessing document with id 1abc.";

describe("the sidebar when a server call fails", () => {
  test("nl: a poll that throws is told in Dutch; the next good poll takes the message away", async () => {
    let failing = false;
    const s = await openIn(browser, "showSidebar", { ...batch(1, "PF"), locale: "nl_NL" }, undefined, {
      host: () => ({ fail: (fn) => (failing && fn === "getPanelState" ? SERVICE_ERROR : null) }),
    });
    try {
      await waitFor(s.page, "#progress-text", /^Er worden nu geen offertes aangemaakt\.$/);
      failing = true;
      await waitFor(s.page, "#alert", /^Het paneel kon niet worden bijgewerkt: /);
      expect(await s.page.innerText("#alert")).toContain(SERVICE_ERROR);
      failing = false;
      // Recovered: the next poll answers, and the alert no longer says the state cannot be read.
      await s.page.locator("#alert:empty").waitFor({ state: "attached", timeout: 10_000 });
      expect(await s.page.innerText("#progress-text")).toBe("Er worden nu geen offertes aangemaakt.");
    } finally {
      await s.close();
    }
  });

  test("the connection drops: plain words in the user's language, no 'HTTP 0'; it recovers by itself", async () => {
    const s = await openIn(browser, "showSidebar", { ...batch(1, "NC"), locale: "nl_NL" });
    try {
      await waitFor(s.page, "#progress-text", /^Er worden nu geen offertes aangemaakt\.$/);
      await s.page.route("**/run", (route) => route.abort("internetdisconnected"));
      await waitFor(s.page, "#alert", /./);
      const shown = await s.page.innerText("#alert");
      expect(shown).not.toMatch(/NetworkError|HTTP 0/);
      expect(shown).toBe("Geen verbinding met Google. De zijbalk probeert het zo opnieuw.");
      await s.page.unroute("**/run");
      await s.page.locator("#alert:empty").waitFor({ state: "attached", timeout: 10_000 });
    } finally {
      await s.close();
    }
  });

  test("en: an action stopped at Apps Script's time limit: said plainly, the button usable again", async () => {
    const s = await openIn(browser, "showSidebar", batch(1, "TL"));
    try {
      await waitFor(s.page, "#progress-text", /^No batch is running\.$/);
      // What google.script.run hands the failure handler when Apps Script ends the execution.
      await s.page.route("**/run", async (route) => {
        const body = JSON.parse(route.request().postData() ?? "{}") as { fn?: string; args?: unknown[] };
        if (body.args?.[0] !== "createPendingOffers") return route.fallback();
        return route.fulfill({
          contentType: "application/json",
          body: JSON.stringify({ ok: false, message: "Exceeded maximum execution time", name: "Error" }),
        });
      });
      const button = s.page.getByRole("button", { name: "Create pending offers" });
      await button.click();
      await waitFor(s.page, "#alert", /^Create pending offers: /);
      expect(await s.page.innerText("#alert")).not.toContain("Exceeded maximum execution time");
      expect(await s.page.innerText("#alert")).toMatch(/6 minutes/);
      expect(await button.getAttribute("aria-disabled")).toBeNull();
      await s.page.unroute("**/run");
      await button.click();
      await waitFor(s.page, "#status", /^1 created/);
      expect(await s.page.innerText("#alert")).toBe("");
    } finally {
      await s.close();
    }
  });

  // Was a defect: a run that stops (no key, key refused, another run busy) returned its message as
  // a plain string, like a finished run, so the sidebar showed it green in the status region. Sheets
  // does show the same message in an alert (notifier.problem); the sidebar said "success" until its
  // buttons went through runFromSidebar, which says whether the run stopped.
  test("a run that stops (no API key) is shown as an error, not as a success", async () => {
    const s = await openIn(browser, "showSidebar", { ...batch(1, "NK"), withKey: false });
    try {
      await waitFor(s.page, "#key-state", /^not set$/);
      await s.page.getByRole("button", { name: "Create pending offers" }).click();
      await s.page.locator("#status.success, #alert:not(:empty)").first().waitFor({ timeout: 15_000 });
      expect(runLogRows(s.w.ss)).toHaveLength(1);
      expect(await s.page.innerText("#alert")).toMatch(/API key/);
      expect(await s.page.locator("#status.success").count()).toBe(0);
    } finally {
      await s.close();
    }
  });

  test("turning on hourly runs that another user's key runs is refused, and shown as an error", async () => {
    const s = await openIn(browser, "showSidebar", batch(1, "HO"));
    try {
      s.w.rt.properties.document.set("MKP_SCHEDULE_OWNER", "ann@example.nl");
      s.w.rt.properties.document.set("MKP_SCHEDULE_HEARTBEAT", JSON.stringify({ at: s.w.rt.clock.now() }));
      await s.page.getByRole("button", { name: "Turn on hourly runs" }).click();
      await s.page.locator("#status.success, #alert:not(:empty)").first().waitFor({ timeout: 15_000 });
      expect(await s.page.innerText("#alert")).toMatch(/already on.*ann@example\.nl/);
      expect(await s.page.locator("#status.success").count()).toBe(0);
      expect(s.w.rt.triggers.filter((t) => t.type === "hourly")).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test("hourly runs of another user that stopped hours ago: said so, and what to do", async () => {
    const s = await openIn(browser, "showSidebar", batch(1, "HS"));
    try {
      s.w.rt.properties.document.set("MKP_SCHEDULE_OWNER", "ann@example.nl");
      s.w.rt.properties.document.set(
        "MKP_SCHEDULE_HEARTBEAT",
        JSON.stringify({ at: s.w.rt.clock.now() - 5 * 3_600_000 }),
      );
      await waitFor(
        s.page,
        "#schedule",
        /ann@example\.nl, but no hourly run has started for more than 3 hours/,
      );
      expect(await s.page.innerText("#schedule")).toMatch(/Turn on hourly runs to run them with your key\.$/);
    } finally {
      await s.close();
    }
  });

  test("a run that hits an unexpected error is shown as an error, not as a success", async () => {
    const s = await openIn(browser, "showSidebar", batch(1, "UE"), undefined, {
      host: () => ({
        fail: (fn, call) => (fn === "validateOffers" && call.service === "Range" ? SERVICE_ERROR : null),
      }),
    });
    try {
      await waitFor(s.page, "#progress-text", /^No batch is running\.$/);
      await s.page.getByRole("button", { name: "Check offers without sending" }).click();
      await s.page.locator("#status.success, #alert:not(:empty)").first().waitFor({ timeout: 15_000 });
      expect(await s.page.innerText("#alert")).toContain(SERVICE_ERROR);
    } finally {
      await s.close();
    }
  });
});

describe("an action button clicked twice", () => {
  test("a double click (and a third click) starts one run; the button says busy meanwhile", async () => {
    const s = await openIn(
      browser,
      "showSidebar",
      { ...batch(2, "DC"), runtime: { fetchTimeoutWallMs: 20_000 } },
      async (w) => {
        await w.api.injectFaults([
          {
            match: { method: "POST", path: "/customer-offers/manual" },
            fault: { kind: "delay", ms: 1500 },
            times: null,
          },
        ]);
      },
    );
    const sent = recordSent(s.page);
    try {
      await waitFor(s.page, "#progress-text", /^No batch is running\.$/);
      const button = s.page.getByRole("button", { name: "Create pending offers" });
      // The clicks come from inside the page: the test's own process is busy serving the run (the
      // runtime is synchronous), as the user's hand is not. A double click, and one more 300 ms later.
      await s.page.evaluate(`(() => {
        const b = document.querySelector("[data-fn=createPendingOffers]");
        const seen = [];
        window.__busy = seen;
        b.dispatchEvent(new MouseEvent("click", { bubbles: true, detail: 1 }));
        b.dispatchEvent(new MouseEvent("click", { bubbles: true, detail: 2 }));
        b.dispatchEvent(new MouseEvent("dblclick", { bubbles: true, detail: 2 }));
        setTimeout(() => {
          seen.push(b.getAttribute("aria-disabled"));
          b.click();
        }, 300);
      })()`);
      await waitFor(s.page, "#status", /^2 created/);
      expect(sent.filter((c) => c.fn === "createPendingOffers")).toHaveLength(1);
      expect(await postedNumbers(s.w.api)).toEqual(["DC-00001", "DC-00002"]);
      expect(await button.getAttribute("aria-disabled")).toBeNull();
      expect(await s.page.evaluate("window.__busy")).toEqual(["true"]);

      expect(runLogRows(s.w.ss)).toHaveLength(1);
    } finally {
      await s.close();
    }
  });
});
