// The local Apps Script runtime: runs the built bundle (dist/*.js) in a fresh V8 context per
// execution, with fake services, a virtual clock, Apps Script's limits, and triggers.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { CacheStores, createCacheService } from "./cache";
import { patchRealm, seededRandom, VirtualClock } from "./clock";
import { describeError, plainCopy } from "./copy-out";
import { type CostModel, DEFAULT_COSTS } from "./costs";
import { Execution } from "./execution";
import { createHtmlService } from "./html";
import { createLockService, type LockKind, LockTable } from "./lock";
import { createConsole, createLogger, type LogEntry } from "./logging";
import { createMailApp, type MailEntry } from "./mail";
import { createPropertiesService, PropertyStores } from "./properties";
import { createSession } from "./session";
import { createSpreadsheetApp, SpreadsheetModel } from "./spreadsheet";
import { clockEvent, createScriptApp, TriggerTable } from "./triggers";
import type { ExecutionResult, RunOptions, TriggerRecord } from "./types";
import { createUrlFetchApp, type UrlFetchSettings } from "./url-fetch";
import { createUtilities } from "./utilities";

export interface RuntimeOptions {
  /** The built project: *.js (evaluated in alphabetical order), appsscript.json, *.html. */
  distDir: string;
  /** The bound spreadsheet (default: a new, empty SpreadsheetModel). */
  spreadsheet?: SpreadsheetModel;
  /** Virtual clock start, epoch ms (default 2025-04-14T08:00Z). */
  startTime?: number;
  /** Default: the timeZone of appsscript.json. */
  scriptTimeZone?: string;
  /** Default "sales@example.com". */
  user?: string;
  /** Virtual ms per call, over DEFAULT_COSTS. */
  costs?: Partial<CostModel>;
  /** Default 360_000 (Apps Script's 6 minutes). */
  executionLimitMs?: number;
  /** Real ms before a hanging request counts as a timeout (default 4000). */
  fetchTimeoutWallMs?: number;
  /** Virtual ms a timed-out request costs (default 60_000). */
  fetchTimeoutVirtualMs?: number;
  /** UrlFetch requests per virtual day before "Service invoked too many times" (default Infinity). */
  urlFetchDailyQuota?: number;
  /** Seed of the script's Math.random and Utilities.getUuid (default 1). */
  seed?: number;
}

const DEFAULT_USER = "sales@example.com";

export class GasRuntime {
  readonly clock: VirtualClock;
  readonly spreadsheet: SpreadsheetModel;
  readonly properties: PropertyStores;
  readonly cache = new CacheStores();
  readonly triggers: TriggerRecord[];
  readonly mail: MailEntry[] = [];
  readonly logs: LogEntry[] = [];
  readonly executions: ExecutionResult[] = [];
  readonly costs: CostModel;
  readonly scriptTimeZone: string;
  readonly user: string;
  private readonly distDir: string;
  private readonly scripts: vm.Script[];
  private readonly locks = new LockTable();
  private readonly triggerTable = new TriggerTable();
  private readonly random: () => number;
  private readonly limitMs: number;
  private readonly fetchSettings: UrlFetchSettings;
  private executionCount = 0;

  constructor(opts: RuntimeOptions) {
    this.distDir = opts.distDir;
    this.clock = new VirtualClock(opts.startTime ?? Date.UTC(2025, 3, 14, 8, 0));
    this.spreadsheet = opts.spreadsheet ?? new SpreadsheetModel();
    this.user = opts.user ?? DEFAULT_USER;
    this.properties = new PropertyStores(this.user);
    this.triggers = this.triggerTable.list;
    this.costs = { ...DEFAULT_COSTS, ...opts.costs };
    this.limitMs = opts.executionLimitMs ?? 360_000;
    this.random = seededRandom(opts.seed ?? 1);
    this.fetchSettings = {
      fetchTimeoutWallMs: opts.fetchTimeoutWallMs ?? 4000,
      fetchTimeoutVirtualMs: opts.fetchTimeoutVirtualMs ?? 60_000,
      quota: { limit: opts.urlFetchDailyQuota ?? Number.POSITIVE_INFINITY, day: -1, used: 0 },
      blocked: { ms: 0 },
    };
    const files = readdirSync(this.distDir)
      .filter((f) => f.endsWith(".js"))
      .sort();
    this.scripts = files.map((f) => compiled(join(this.distDir, f)));
    this.scriptTimeZone = opts.scriptTimeZone ?? manifestTimeZone(this.distDir);
  }

  /** Runs the global function `fn` in a new execution; never throws for the script's own errors. */
  run(fn: string, args: unknown[] = [], opts: RunOptions = {}): ExecutionResult {
    // As in Apps Script, the script's local time (new Date(y, m, d), getHours(), toString()) is in
    // the script's time zone. Safe to switch process-wide: nothing else runs while the script does.
    const env = realProcess.env;
    const previousTz = env.TZ;
    env.TZ = this.scriptTimeZone;
    try {
      return this.execute(fn, args, opts);
    } finally {
      if (previousTz === undefined) Reflect.deleteProperty(env, "TZ");
      else env.TZ = previousTz;
    }
  }

  private execute(fn: string, args: unknown[], opts: RunOptions): ExecutionResult {
    const trigger = this.triggerOf(fn, opts);
    const id = ++this.executionCount;
    const exec: Execution = new Execution({
      id,
      clock: this.clock,
      costs: this.costs,
      limitMs: this.limitMs,
      authMode: opts.authMode ?? "FULL",
      user: opts.user ?? trigger?.owner ?? this.user,
      scriptTimeZone: this.scriptTimeZone,
      trigger,
      kill: opts.kill,
      fail: opts.fail,
      onDeath: () => this.locks.releaseAll(exec.holderId),
    });
    const startedAt = this.clock.now();
    const context = vm.createContext({}, { name: `gas-execution-${id}`, microtaskMode: "afterEvaluate" });
    exec.attachRealm(patchRealm(context, () => this.clock.now(), this.random));
    this.installServices(context, exec);

    const blocked0 = this.fetchSettings.blocked.ms;
    const t0 = performance.now();
    let returned: unknown;
    let error: ExecutionResult["error"];
    try {
      for (const script of this.scripts) script.runInContext(context);
      exec.phase = "run";
      if (typeof context[fn] !== "function") throw exec.makeError(`Script function not found: ${fn}`);
      const callArgs = args.length === 0 && opts.event !== undefined ? [opts.event] : args;
      context.__gasRuntimeInvoke__ = { fn, args: exec.toScript(callArgs) };
      returned = invoke.runInContext(context);
    } catch (e) {
      error = describeError(e);
    }
    const cpuMs = performance.now() - t0 - (this.fetchSettings.blocked.ms - blocked0);
    this.locks.releaseAll(exec.holderId);

    const result: ExecutionResult = {
      fn,
      startedAt,
      endedAt: this.clock.now(),
      calls: exec.calls,
      counts: exec.counts,
      cpuMs,
      notImplemented: exec.notImplemented_,
    };
    if (exec.killed) {
      // A killed execution has no result, whatever the script did after catching the error.
      result.killed = exec.killed;
      result.error = { message: exec.deathError().message, name: "Error" };
    } else if (error) {
      result.error = error;
    } else if (returned !== undefined) {
      result.returned = plainCopy(returned, new WeakSet());
    }
    this.executions.push(result);
    return result;
  }

  /** Simulates ANOTHER execution holding a lock; returns the function that releases it. */
  holdLock(kind: LockKind, user: string = this.user): () => void {
    return this.locks.holdAsOther(kind, user);
  }

  /** Runs every trigger due at the current virtual time, earliest first, as trigger executions. */
  runDueTriggers(): ExecutionResult[] {
    const now = this.clock.now();
    const due = this.triggerTable.scheduled().filter((t) => (t.dueAt ?? Infinity) <= now);
    const results: ExecutionResult[] = [];
    for (const t of due) {
      // An earlier run in this batch may have deleted it.
      if (this.triggers.includes(t) && !t.disabled) results.push(this.fire(t));
    }
    return results;
  }

  /**
   * Moves the clock to the earliest due trigger (if in the future) and runs it; null if none.
   * `kill` is called before each of its service calls, as in `run`.
   */
  advanceToNextTrigger(kill?: RunOptions["kill"]): ExecutionResult | null {
    const next = this.triggerTable.scheduled()[0];
    if (!next || next.dueAt === undefined) return null;
    if (next.dueAt > this.clock.now()) this.clock.set(next.dueAt);
    return this.fire(next, kill);
  }

  private fire(trigger: TriggerRecord, kill?: RunOptions["kill"]): ExecutionResult {
    const now = this.clock.now();
    this.triggerTable.fired(trigger, now);
    return this.run(trigger.handler, [clockEvent(trigger, now)], {
      trigger,
      user: trigger.owner,
      authMode: "FULL",
      ...(kill ? { kill } : {}),
    });
  }

  private triggerOf(fn: string, opts: RunOptions): TriggerRecord | undefined {
    if (opts.trigger === true) {
      const owner = opts.user ?? this.user;
      return { id: "manual-trigger", handler: fn, type: "after", owner, createdAt: this.clock.now() };
    }
    return opts.trigger || undefined;
  }

  private installServices(context: vm.Context, exec: Execution): void {
    const globals: Record<string, unknown> = {
      SpreadsheetApp: createSpreadsheetApp(this.spreadsheet, exec),
      UrlFetchApp: createUrlFetchApp(exec, this.fetchSettings),
      PropertiesService: createPropertiesService(exec, this.properties),
      LockService: createLockService(exec, this.locks),
      CacheService: createCacheService(exec, this.cache),
      ScriptApp: createScriptApp(exec, this.triggerTable),
      Utilities: createUtilities(exec, this.random),
      Session: createSession(exec),
      HtmlService: createHtmlService(exec, this.distDir),
      Logger: createLogger(exec, this.logs),
      console: createConsole(exec, this.logs),
      MailApp: createMailApp(exec, this.mail),
    };
    for (const [name, value] of Object.entries(globals)) {
      Object.defineProperty(context, name, { value, writable: true, configurable: true, enumerable: false });
    }
  }
}

// The process's own `process`: under jest, the global `process` is a sandbox copy whose env.TZ
// does not reach the time zone of the V8 isolate.
const realProcess = vm.runInThisContext("process") as NodeJS.Process;

// Microtasks (promise callbacks) run before the execution ends, as in Apps Script: the context's
// microtask queue is drained after this evaluation.
/**
 * Each script file compiled once per process and text: every runtime (a test's world) runs the same
 * vm.Script in its own fresh context, so V8 compiles the bundle once, not once per world.
 */
const scriptCache = new Map<string, { source: string; script: vm.Script }>();
function compiled(path: string): vm.Script {
  const source = readFileSync(path, "utf8");
  const hit = scriptCache.get(path);
  if (hit && hit.source === source) return hit.script;
  const script = new vm.Script(source, { filename: path });
  scriptCache.set(path, { source, script });
  return script;
}

const invoke = new vm.Script(
  `(function (i) { delete globalThis.__gasRuntimeInvoke__; return globalThis[i.fn].apply(globalThis, i.args); })(globalThis.__gasRuntimeInvoke__)`,
  { filename: "gas-runtime:invoke.js" },
);

function manifestTimeZone(distDir: string): string {
  try {
    const manifest = JSON.parse(readFileSync(join(distDir, "appsscript.json"), "utf8")) as {
      timeZone?: string;
    };
    return manifest.timeZone ?? "Etc/UTC";
  } catch {
    return "Etc/UTC";
  }
}
