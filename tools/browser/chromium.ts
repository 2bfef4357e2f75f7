// Debian's Chromium for the browser tests, launched through playwright-core. A machine without it
// fails the tests with one line saying how to install it: they never pass without having run.
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const MISSING_CHROMIUM = `Chromium is not installed at ${CHROMIUM}: install it with \`sudo apt-get install chromium\` (Debian/Ubuntu), then run npm run test:browser again.`;

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(MISSING_CHROMIUM);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--headless",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
