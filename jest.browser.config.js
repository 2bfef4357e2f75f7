// The browser tests (test/browser/*.browser.ts): the built dialog and sidebar in headless Chromium.
// Kept out of the main jest run, which must work on machines without a browser.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/browser"],
  testMatch: ["**/*.browser.ts"],
  transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { target: "es2022" } }] },
  testTimeout: 120000,
  maxWorkers: 1,
};
