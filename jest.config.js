// The default suite (`npm test`): everything under test/ except the exhaustive walks. Before any test,
// test/e2e/global-setup.ts builds dist/ (so an edit to src/ is never tested stale) and starts the doubles.
const os = require("node:os");

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "\\.exhaustive\\.test\\.ts$"],
  transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { target: "es2022" } }] },
  // Core and app code read their texts and features through loaders: here, the modules (not HtmlService).
  setupFiles: ["<rootDir>/test/setup-modules.ts"],
  globalSetup: "<rootDir>/test/e2e/global-setup.ts",
  globalTeardown: "<rootDir>/test/e2e/global-teardown.ts",
  // Jest's default is one worker fewer than the cores (one worker on two cores); the e2e tests spend
  // part of their time waiting on HTTP and on timeouts, so one and a half per core is faster (jest
  // reads a percentage over 100 as a count, hence the number).
  maxWorkers: Math.max(2, Math.ceil(os.cpus().length * 1.5)),
  testTimeout: 120000,
};
