// Jest globalSetup: builds dist/ (scripts/build.mjs) before any test runs, so the e2e tests always load
// the bundle of the current src/. A failed build fails the run.
const { execFileSync } = require("node:child_process");
const { join } = require("node:path");

module.exports = function buildDist() {
  execFileSync(process.execPath, [join(__dirname, "build.mjs")], { stdio: ["ignore", "ignore", "inherit"] });
};
