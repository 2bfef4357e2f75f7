// Shared by the browser tests: a world (runtime + spreadsheet + double, as in the e2e tests) whose
// dialogs and sidebar are served to headless Chromium, axe-core scans, and what the page requested.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import {
  type BrowserHost,
  type HostOptions,
  type OpenedPage,
  startBrowserHost,
} from "../../tools/browser/host";
import { type World, type WorldOptions, world } from "../e2e/world";

export const AXE_SOURCE = readFileSync(
  join(__dirname, "..", "..", "node_modules", "axe-core", "axe.min.js"),
  "utf8",
);
export const SCREENSHOTS = join(__dirname, "..", "..", "docs", "screenshots");

export interface Session {
  w: World;
  host: BrowserHost;
  page: Page;
  opened: OpenedPage;
  /** Every URL the page requested (to prove nothing comes from outside the page's own host). */
  requested: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  /** What the host does around each server call (observe, fail). */
  host?: (w: World) => HostOptions;
  /** Viewport override (default: the size Sheets gives the page; the sidebar is 300 px wide). */
  viewport?: { width: number; height: number };
  /** Install Playwright's fake clock before the page loads (advance it with page.clock). */
  fakeClock?: boolean;
}

/** Runs `entry` in a fresh world and shows what it opened in a new page, at the size Sheets gives it. */
export async function openIn(
  browser: Browser,
  entry: string,
  opts: WorldOptions = {},
  prepare?: (w: World) => void | Promise<void>,
  open: OpenOptions = {},
): Promise<Session> {
  const w = await world(opts);
  await prepare?.(w);
  const host = await startBrowserHost(w.rt, open.host?.(w));
  const opened = await host.open(entry);
  const context = await browser.newContext({
    viewport: open.viewport ?? { width: opened.width, height: opened.height },
  });
  const page = await context.newPage();
  if (open.fakeClock) await page.clock.install();
  const requested: string[] = [];
  page.on("request", (r) => requested.push(r.url()));
  await page.goto(opened.url);
  return {
    w,
    host,
    page,
    opened,
    requested,
    close: async () => {
      await context.close();
      await host.stop();
    },
  };
}

/** Waits until `selector` shows a text matching `pattern`. */
export const waitFor = (page: Page, selector: string, pattern: RegExp, timeout = 15_000) =>
  page.locator(selector, { hasText: pattern }).waitFor({ timeout });

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(
    "axe.run(document, { resultTypes: ['violations'] }).then(function (r) { return r.violations; })",
  )) as AxeViolation[];
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** The id of the focused element. */
export function focusedId(page: Page): Promise<string> {
  return page.evaluate("document.activeElement ? document.activeElement.id : ''") as Promise<string>;
}

/** A computed style property of the element matching `selector`. */
export function styleOf(page: Page, selector: string, property: string): Promise<string> {
  return page.evaluate(
    `getComputedStyle(document.querySelector(${JSON.stringify(selector)})).getPropertyValue(${JSON.stringify(property)})`,
  ) as Promise<string>;
}
