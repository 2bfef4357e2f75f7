// The exhaustive suite (`npm run test:exhaustive`): the kill walks at every call, slow by nature.
const base = require("./jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ["**/*.exhaustive.test.ts"],
  testPathIgnorePatterns: ["/node_modules/"],
};
