// Builds the context of one run: the spreadsheet, how to tell the user (toasts and alerts for a
// menu run, the log for a trigger run), and time.

import type { RunContext } from "../app/context";
import { menuNotifier, triggerNotifier } from "./ui";

/** Utilities.sleep takes at most 5 minutes at a time. */
const MAX_SLEEP_MS = 300_000;

export function makeContext(startedBy: "menu" | "trigger"): RunContext {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return {
    ss,
    notifier: startedBy === "menu" ? menuNotifier(ss) : triggerNotifier(),
    startedBy,
    startedAt: Date.now(),
    now: () => Date.now(),
    sleep: (ms) => Utilities.sleep(Math.max(0, Math.min(Math.round(ms), MAX_SLEEP_MS))),
    random: () => Math.random(),
  };
}
