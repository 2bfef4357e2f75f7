// The virtual clock shared by every execution of a runtime, the seeded random source, and the patch
// that makes a vm context's own `Date` and `Math.random` follow them.
import vm from "node:vm";

export class VirtualClock {
  private ms: number;
  constructor(startMs: number) {
    this.ms = startMs;
  }
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`[gas-runtime] clock.advance(${ms}): not a duration`);
    this.ms += ms;
  }
  set(ms: number): void {
    if (!Number.isFinite(ms)) throw new Error(`[gas-runtime] clock.set(${ms}): not a time`);
    this.ms = ms;
  }
}

/** mulberry32: small, fast, deterministic; plenty for jitter and UUIDs in tests. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the patch hands back: the context's original constructors and a copier into that realm. */
export interface RealmIntrinsics {
  Date: DateConstructor;
  Error: ErrorConstructor;
  /** Deep-copies plain data (arrays, plain objects, Dates) into the context's realm. */
  copyIn<T>(value: T): T;
  /** A shallow copy of a list into the context's realm (the items stay as they are). */
  listIn<T>(items: readonly T[]): T[];
}

// Runs inside the context. `Date` keeps its prototype (so `instanceof Date` and subclasses work);
// only `Date()`, `new Date()` with no argument and `Date.now()` read the virtual clock.
const PATCH = `(function (now, random) {
  "use strict";
  var RealDate = Date;
  function VirtualDate(a, b, c, d, e, f, g) {
    if (!new.target) return new RealDate(now()).toString();
    if (arguments.length === 0) return Reflect.construct(RealDate, [now()], new.target);
    return Reflect.construct(RealDate, Array.prototype.slice.call(arguments), new.target);
  }
  Object.defineProperty(VirtualDate, "name", { value: "Date" });
  Object.defineProperty(VirtualDate, "prototype", { value: RealDate.prototype, writable: false });
  Object.defineProperty(RealDate.prototype, "constructor", { value: VirtualDate, writable: true, configurable: true });
  Object.defineProperty(VirtualDate, "now", { value: function now_() { return now(); }, writable: true, configurable: true });
  Object.defineProperty(VirtualDate, "parse", { value: RealDate.parse, writable: true, configurable: true });
  Object.defineProperty(VirtualDate, "UTC", { value: RealDate.UTC, writable: true, configurable: true });
  Object.defineProperty(globalThis, "Date", { value: VirtualDate, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(Math, "random", { value: function random_() { return random(); }, writable: true, configurable: true });
  var getTime = RealDate.prototype.getTime;
  function copyIn(v) {
    if (v === null || typeof v !== "object") return v;
    if (Object.prototype.toString.call(v) === "[object Date]") return new RealDate(getTime.call(v));
    if (Array.isArray(v)) return v.map(copyIn);
    var o = {};
    Object.keys(v).forEach(function (k) { o[k] = copyIn(v[k]); });
    return o;
  }
  function listIn(v) { return Array.prototype.slice.call(v); }
  return { Date: RealDate, Error: Error, copyIn: copyIn, listIn: listIn };
})`;

const patchScript = new vm.Script(PATCH, { filename: "gas-runtime:clock-patch.js" });

/** Installs the virtual Date and the seeded Math.random in `context`; returns the realm's intrinsics. */
export function patchRealm(context: vm.Context, now: () => number, random: () => number): RealmIntrinsics {
  const install = patchScript.runInContext(context) as (n: () => number, r: () => number) => RealmIntrinsics;
  return install(now, random);
}
