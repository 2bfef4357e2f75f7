// The contract between the local Apps Script runtime (tools/gas-runtime/runtime.ts) and each fake
// service: how a service records a call, makes values for the script's V8 realm, and learns the mode.

export type AuthMode = "NONE" | "LIMITED" | "FULL";

/** What every fake service gets from the runtime for one execution. */
export interface ServiceEnv {
  /**
   * Record one call from the script into a service, e.g. record("Range", "getValues").
   * Advances the virtual clock by the cost model and throws (ending the execution) when the
   * execution has been killed or has passed its time limit. Call it BEFORE doing the work,
   * so that a killed call changes nothing.
   */
  record(service: string, method: string, detail?: unknown): void;
  /** A Date object of the script's realm (so `instanceof Date` holds inside the script). */
  makeDate(epochMs: number): Date;
  /** A plain array/object of the script's realm is fine as is; this makes an Error of its realm. */
  makeError(message: string): Error;
  /** Epoch ms of a Date from any realm, or null when `value` is not a Date. */
  dateMs(value: unknown): number | null;
  /** Current virtual time (epoch ms). */
  now(): number;
  authMode: AuthMode;
  /** True when the execution was started by a trigger (no user at the keyboard). */
  isTrigger: boolean;
  /** Email of the user the execution runs as. */
  user: string;
  /** Throws a clear "not implemented by the local runtime" error for `what` (e.g. "Range.merge"). */
  notImplemented(what: string): never;
}

/** Wraps `target` so that reading a member it does not define throws instead of returning undefined. */
export function strict<T extends object>(
  name: string,
  target: T,
  env: Pick<ServiceEnv, "notImplemented">,
): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      if (typeof prop === "symbol" || prop in obj) return Reflect.get(obj, prop, receiver);
      if (prop === "then" || prop === "toJSON" || prop === "constructor") return undefined;
      return env.notImplemented(`${name}.${prop}`);
    },
  });
}

/** An Apps Script enum as the local runtime imitates it: each member's value is its own name. */
export function enumOf<K extends string>(...names: K[]): Readonly<Record<K, K>> {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as Readonly<Record<K, K>>;
}
