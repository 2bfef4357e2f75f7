// Shared by the adversarial browser tests (pages are opened and waited on with harness.ts):
// what the page sent, and a progress entry as a running batch writes it.
import type { Page } from "playwright-core";
import { actionOf } from "../../tools/browser/host";
import type { World } from "../e2e/world";

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
