// The default suite (`npm test`): everything under test/ except the exhaustive walks. Before any test,
// test/e2e/global-setup.ts builds dist/ (so an edit to src/ is never tested stale) and starts the doubles.
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
  // part of their time waiting on HTTP, so one per core is faster.
  maxWorkers: "100%",
  testTimeout: 120000,
};
