// The ServiceEnv the SpreadsheetApp imitation's tests hand it (tools/gas-runtime/env): records every
// call, real Dates and errors, a fixed clock, a FULL-mode menu run of user@example.com.
import type { ServiceEnv } from "../../tools/gas-runtime/env";

export function fakeEnv(overrides: Partial<ServiceEnv> = {}) {
  const calls: string[] = [];
  const env: ServiceEnv = {
    record: (service, method) => {
      calls.push(`${service}.${method}`);
    },
    makeDate: (ms) => new Date(ms),
    makeError: (message) => new Error(message),
    dateMs: (v) => (Object.prototype.toString.call(v) === "[object Date]" ? (v as Date).getTime() : null),
    now: () => 1_744_000_000_000,
    authMode: "FULL",
    isTrigger: false,
    user: "user@example.com",
    notImplemented: (what) => {
      throw new Error(`${what} is not implemented by the local runtime`);
    },
    ...overrides,
  };
  return { env, calls };
}
