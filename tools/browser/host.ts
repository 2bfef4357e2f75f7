// Serves the product's dialogs and sidebar to a real browser, as HtmlService would: the page is the
// HTML the product's own code handed to Ui.showModalDialog / showSidebar, and every
// google.script.run call is one execution in the same GasRuntime (so against the same double).
//
// GasRuntime.run is synchronous. The HTTP server therefore lives in a worker thread; calls reach the
// main thread over a MessagePort. While an execution runs, calls that arrive are served as separate,
// nested executions at each of its UrlFetch and Utilities.sleep calls (where a real execution would
// be waiting), as Apps Script runs executions of one script concurrently.
import { join } from "node:path";
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";
import type { ExecutionResult, GasRuntime } from "../gas-runtime";
import { servedPage } from "./client-shim";

const HERE = typeof __dirname === "string" ? __dirname : join(process.cwd(), "tools", "browser");

export interface OpenedPage {
  url: string;
  kind: "modal" | "modeless" | "sidebar";
  title: string;
  width: number;
  height: number;
  /** The HTML the product's code produced (what the browser gets, after the client shim). */
  html: string;
}

export interface ServedCall {
  fn: string;
  args: unknown[];
  /** The action it ran: the menu function a sidebar button names (runFromSidebar's argument), else `fn`. */
  action: string;
  /** The action of the execution this call was served inside of, when it was nested. */
  during: string | null;
  result: ExecutionResult;
  /** What `observe` said just before the call ran (e.g. the rows created at that moment). */
  observed?: unknown;
}

export interface HostOptions {
  /** Called before each google.script.run call is served; its answer is kept in `ServedCall.observed`. */
  observe?: (fn: string) => unknown;
  /**
   * Called before every service call of a served call; a string makes that service call throw an
   * Error with it (as GasRuntime's `fail`): a page's server call failing part-way.
   */
  fail?: (fn: string, call: { service: string; method: string }) => string | null;
}

export interface BrowserHost {
  readonly origin: string;
  /** Every google.script.run call served, in the order they ended. */
  readonly calls: ServedCall[];
  /** google.script.host actions (close, setHeight, …) by page, in order. */
  readonly hostActions: { page: string; action: string }[];
  /** Runs `entry` (e.g. "showApiKeyDialog") and serves the dialog or sidebar that execution opened. */
  open(entry: string, args?: unknown[]): Promise<OpenedPage>;
  /**
   * Runs the next due trigger (a continuation) while the pages keep being served, as Apps Script
   * runs a trigger's execution beside the sidebar's calls; null when none is due.
   */
  runNextTrigger(): ExecutionResult | null;
  stop(): Promise<void>;
}

/** The sidebar's buttons call runFromSidebar with the action's menu function name. */
export function actionOf(fn: string, args: unknown): string {
  const first = Array.isArray(args) ? args[0] : undefined;
  return fn === "runFromSidebar" && typeof first === "string" ? first : fn;
}

interface CallMessage {
  id: number;
  page: string;
  fn: string;
  args: unknown[];
}

type Reply = { ok: true; value: unknown } | { ok: false; message: string; name: string };

export async function startBrowserHost(rt: GasRuntime, options: HostOptions = {}): Promise<BrowserHost> {
  const channel = new MessageChannel();
  const calls: MessagePort = channel.port1;
  const worker = new Worker(join(HERE, "http-thread.mjs"), {
    workerData: { calls: channel.port2 },
    transferList: [channel.port2],
  });
  const served: ServedCall[] = [];
  const hostActions: { page: string; action: string }[] = [];
  const pageWaits = new Map<number, () => void>();
  const running: string[] = [];

  const serve = (m: CallMessage): void => {
    const during = running.at(-1) ?? null;
    const action = actionOf(m.fn, m.args);
    const observed = options.observe?.(action);
    running.push(action);
    let result: ExecutionResult;
    try {
      const fail = options.fail;
      result = rt.run(m.fn, Array.isArray(m.args) ? m.args : [], {
        kill: atWaitingPoint,
        ...(fail ? { fail: (call: { service: string; method: string }) => fail(action, call) } : {}),
      });
    } finally {
      running.pop();
    }
    served.push({ fn: m.fn, args: m.args, action, during, result, ...(options.observe ? { observed } : {}) });
    calls.postMessage({ id: m.id, reply: replyOf(result) });
  };
  // Called before every service call of a running execution; never kills it.
  const atWaitingPoint = (call: { service: string; method: string }): boolean => {
    if (call.service === "UrlFetchApp" || (call.service === "Utilities" && call.method === "sleep")) {
      for (let next = receiveMessageOnPort(calls); next; next = receiveMessageOnPort(calls)) {
        serve(next.message as CallMessage);
      }
    }
    return false;
  };
  calls.on("message", (m: CallMessage) => serve(m));

  const port = await new Promise<number>((resolve, reject) => {
    worker.once("error", reject);
    worker.on(
      "message",
      (m: { type: string; port?: number; id?: number; page?: string; action?: string }) => {
        if (m.type === "listening") resolve(m.port!);
        else if (m.type === "page-ready") pageWaits.get(m.id!)?.();
        else if (m.type === "host") hostActions.push({ page: m.page!, action: m.action! });
      },
    );
  });
  const origin = `http://127.0.0.1:${port}`;
  let pages = 0;

  return {
    origin,
    calls: served,
    hostActions,
    async open(entry, args = []) {
      const before = rt.spreadsheet.dialogs.length;
      const result = rt.run(entry, args);
      if (result.error || result.killed) {
        throw new Error(`${entry} failed: ${result.killed ?? ""} ${result.error?.message ?? ""}`);
      }
      const shown = rt.spreadsheet.dialogs[before];
      if (!shown) throw new Error(`${entry} did not open a dialog or sidebar`);
      const id = ++pages;
      const ready = new Promise<void>((resolve) => pageWaits.set(id, resolve));
      worker.postMessage({ type: "page", id, html: servedPage(shown.html, String(id)) });
      await ready;
      pageWaits.delete(id);
      return {
        url: `${origin}/pages/${id}`,
        kind: shown.kind,
        title: shown.title,
        // Sheets' sidebar is 300 px wide; a dialog without a size is 600 × 400 (Apps Script's defaults).
        width: shown.width || (shown.kind === "sidebar" ? 300 : 600),
        height: shown.height || (shown.kind === "sidebar" ? 720 : 400),
        html: shown.html,
      };
    },
    runNextTrigger() {
      const next = rt.triggers.filter((t) => !t.disabled && t.dueAt !== undefined).length;
      if (next === 0) return null;
      running.push("trigger");
      try {
        return rt.advanceToNextTrigger(atWaitingPoint);
      } finally {
        running.pop();
      }
    },
    async stop() {
      calls.removeAllListeners("message");
      const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
      worker.postMessage({ type: "stop" });
      const timer = setTimeout(() => void worker.terminate(), 2000);
      await exited;
      clearTimeout(timer);
      calls.close();
    },
  };
}

function replyOf(result: ExecutionResult): Reply {
  if (result.killed || result.error) {
    return {
      ok: false,
      message: result.error?.message ?? "Exceeded maximum execution time",
      name: result.error?.name ?? "Error",
    };
  }
  return { ok: true, value: result.returned ?? null };
}
