// One execution of the script: implements the ServiceEnv every fake service records its calls
// through, advances the virtual clock by the cost model, and kills the execution at its limits.
import { types } from "node:util";
import type { RealmIntrinsics, VirtualClock } from "./clock";
import { type CostModel, callCost } from "./costs";
import type { AuthMode, ServiceEnv } from "./env";
import type { CallRecord, KillReason, RunOptions, TriggerRecord } from "./types";

/** The ServiceEnv plus what the runtime's own services need. */
export interface ExecEnv extends ServiceEnv {
  /** Identifies this execution as a lock holder. */
  readonly holderId: string;
  readonly scriptTimeZone: string;
  /** The trigger that started the execution, if any. */
  readonly trigger: TriggerRecord | undefined;
  /**
   * Spends virtual time inside a call already recorded (a lock wait, a request that timed out).
   * Throws, ending the execution, when that passes the time limit.
   */
  spend(ms: number): void;
  /** Deep-copies plain data into the script's realm (so `instanceof Array/Object/Date` hold there). */
  toScript<T>(value: T): T;
  /** A shallow copy of a list into the script's realm (for lists of service objects). */
  toScriptList<T>(items: readonly T[]): T[];
}

export interface ExecutionSetup {
  id: number;
  clock: VirtualClock;
  costs: CostModel;
  limitMs: number;
  authMode: AuthMode;
  user: string;
  scriptTimeZone: string;
  trigger: TriggerRecord | undefined;
  kill: ((call: { index: number; service: string; method: string }) => boolean) | undefined;
  fail: RunOptions["fail"] | undefined;
  /** Called once when the execution dies (releases its locks at once). */
  onDeath: () => void;
}

const TIME_LIMIT_MESSAGE = "Exceeded maximum execution time";

export class Execution implements ExecEnv {
  phase: "load" | "run" = "load";
  readonly calls: CallRecord[] = [];
  readonly counts: Record<string, number> = {};
  /** Members the script reached that the runtime does not imitate (even if the script caught the error). */
  readonly notImplemented_: string[] = [];
  killed: KillReason | undefined;
  readonly startedAt: number;
  readonly holderId: string;
  readonly authMode: AuthMode;
  readonly user: string;
  readonly isTrigger: boolean;
  readonly scriptTimeZone: string;
  readonly trigger: TriggerRecord | undefined;
  private realm: RealmIntrinsics | undefined;
  private attempted = 0;

  constructor(private readonly setup: ExecutionSetup) {
    this.startedAt = setup.clock.now();
    this.holderId = `execution-${setup.id}`;
    this.authMode = setup.authMode;
    this.user = setup.user;
    this.isTrigger = setup.trigger !== undefined;
    this.scriptTimeZone = setup.scriptTimeZone;
    this.trigger = setup.trigger;
  }

  attachRealm(realm: RealmIntrinsics): void {
    this.realm = realm;
  }

  record(service: string, method: string, detail?: unknown): void {
    if (this.killed) throw this.deathError();
    const index = this.attempted++;
    if (this.setup.kill?.({ index, service, method })) this.die("killed");
    const failure = this.setup.fail?.({ index, service, method, detail });
    if (typeof failure === "string") throw this.makeError(failure);
    const cost = callCost(service, method, detail, this.setup.costs);
    this.checkBudget(cost);
    this.calls.push({ index, service, method, atMs: this.setup.clock.now(), phase: this.phase });
    const key = `${service}.${method}`;
    this.counts[key] = (this.counts[key] ?? 0) + 1;
    this.setup.clock.advance(cost);
  }

  spend(ms: number): void {
    if (this.killed) throw this.deathError();
    this.checkBudget(ms);
    this.setup.clock.advance(ms);
  }

  now(): number {
    return this.setup.clock.now();
  }

  makeDate(epochMs: number): Date {
    return this.realm ? new this.realm.Date(epochMs) : new Date(epochMs);
  }

  makeError(message: string): Error {
    return this.realm ? new this.realm.Error(message) : new Error(message);
  }

  dateMs(value: unknown): number | null {
    return types.isDate(value) ? Date.prototype.getTime.call(value) : null;
  }

  toScript<T>(value: T): T {
    return this.realm ? this.realm.copyIn(value) : value;
  }

  toScriptList<T>(items: readonly T[]): T[] {
    return this.realm ? this.realm.listIn(items) : [...items];
  }

  notImplemented(what: string): never {
    this.notImplemented_.push(what);
    throw this.makeError(`[gas-runtime] ${what} is not implemented`);
  }

  isDead(): boolean {
    return this.killed !== undefined;
  }

  deathError(): Error {
    return this.makeError(TIME_LIMIT_MESSAGE);
  }

  // Apps Script kills the execution at the limit, in the middle of whatever it was doing: the call
  // that would cross it is not performed and the clock stops at the limit.
  private checkBudget(ms: number): void {
    const deadline = this.startedAt + this.setup.limitMs;
    const now = this.setup.clock.now();
    if (now + ms > deadline) {
      if (now < deadline) this.setup.clock.set(deadline);
      this.die("time-limit");
    }
  }

  private die(reason: KillReason): never {
    this.killed = reason;
    this.setup.onDeath();
    throw this.deathError();
  }
}

/** Throws Apps Script's permission error when the execution runs without full authorization. */
export function requireAuth(env: ServiceEnv, what: string, scope: string): void {
  if (env.authMode === "FULL") return;
  throw env.makeError(
    `You do not have permission to call ${what}. Required permissions: https://www.googleapis.com/auth/${scope}`,
  );
}
