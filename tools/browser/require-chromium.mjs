// Run before the browser tests: stops with one clear line when Debian's Chromium is missing.
import { existsSync } from "node:fs";

if (!existsSync("/usr/bin/chromium")) {
  console.error(
    "Chromium is not installed at /usr/bin/chromium: install it with `sudo apt-get install chromium` (Debian/Ubuntu), then run npm run test:browser again.",
  );
  process.exit(1);
}
