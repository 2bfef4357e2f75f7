// The default suite (`npm test`): everything under test/ except the exhaustive walks. dist/ is built
// once before any test (scripts/jest-global-setup.cjs), so an edit to src/ is never tested stale.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "\\.exhaustive\\.test\\.ts$"],
  transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { target: "es2022" } }] },
  globalSetup: "<rootDir>/scripts/jest-global-setup.cjs",
  testTimeout: 120000,
};
