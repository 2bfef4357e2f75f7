// Values leaving the script's realm: thrown errors described as plain data, returned values copied
// as plain data (so a test compares them with ordinary objects).
import { types } from "node:util";

export function describeError(e: unknown): { message: string; name: string; stack?: string } {
  if (e !== null && typeof e === "object" && "message" in e) {
    const err = e as { message: unknown; name?: unknown; stack?: unknown };
    const out: { message: string; name: string; stack?: string } = {
      message: String(err.message),
      name: String(err.name ?? "Error"),
    };
    if (typeof err.stack === "string") out.stack = err.stack;
    return out;
  }
  return { message: String(e), name: "Error" };
}

/** Copies a value out of the script's realm as plain data (Dates stay Dates; functions are dropped). */
export function plainCopy(value: unknown, seen: WeakSet<object>): unknown {
  if (value === null || typeof value !== "object") return typeof value === "function" ? undefined : value;
  if (types.isDate(value)) return new Date(Date.prototype.getTime.call(value));
  if (seen.has(value)) return "[Circular]";
  seen.add(value);
  let out: unknown;
  if (Array.isArray(value)) {
    out = value.map((v) => plainCopy(v, seen));
  } else {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const v = plainCopy((value as Record<string, unknown>)[key], seen);
      if (v !== undefined) copy[key] = v;
    }
    out = copy;
  }
  seen.delete(value);
  return out;
}
