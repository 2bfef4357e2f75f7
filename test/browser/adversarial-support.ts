// Shared by the adversarial browser tests: a page opened as harness.openIn does, with the page's
// clock optionally faked (hours of polling in seconds) and server calls that may be made to fail.
import type { Browser, Page } from "playwright-core";
import { actionOf, type HostOptions, startBrowserHost } from "../../tools/browser/host";
import { type World, type WorldOptions, world } from "../e2e/world";
import type { Session } from "./harness";

export interface OpenOptions {
  /** Install Playwright's fake clock before the page loads (advance it with page.clock). */
  fakeClock?: boolean;
  /** Viewport override (the sidebar is 300 px wide in Sheets). */
  viewport?: { width: number; height: number };
  host?: (w: World) => HostOptions;
}

export async function openWith(
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

export const waitFor = (page: Page, selector: string, pattern: RegExp, timeout = 15_000) =>
  page.locator(selector, { hasText: pattern }).waitFor({ timeout });

/** Records, on the Node side, every google.script.run request the page sends (by function name). */
/** Every server call the page sent, by its action (a sidebar button's menu function, see actionOf). */
export function recordSent(page: Page): { fn: string }[] {
  const sent: { fn: string }[] = [];
  page.on("request", (r) => {
    if (!r.url().endsWith("/run")) return;
    const body = JSON.parse(r.postData() ?? "{}") as { fn?: string; args?: unknown[] };
    sent.push({ fn: actionOf(String(body.fn), body.args) });
  });
  return sent;
}

export function putProgress(w: World, done: number, toGo: number): void {
  const now = w.rt.clock.now();
  w.rt.cache.document.set("MKP_PROGRESS", {
    value: JSON.stringify({ action: "create", done, toGo, startedAt: now, updatedAt: now }),
    expiresAt: now + 600_000,
  });
}
