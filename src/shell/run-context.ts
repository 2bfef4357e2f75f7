// Builds the context of one run from Apps Script's services: the spreadsheet gateway, stores,
// triggers, lock, mail, HTTP, and how to tell the user (toasts and alerts for a menu run, the log
// for a trigger run). Services are opened when first used.

import type { RunContext } from "../core/ports";
import { spreadsheetCustomerSheets } from "./customers-sheet";
import { ApiClient } from "./http";
import { appsScriptMailer } from "./mail";
import { appsScriptStores } from "./stores";
import { appsScriptTriggers } from "./triggers";
import { appsScriptDialogs, menuNotifier, triggerNotifier } from "./ui";
import { spreadsheetWorkbook } from "./workbook";

/** Utilities.sleep takes at most 5 minutes at a time. */
const MAX_SLEEP_MS = 300_000;

export function makeContext(startedBy: "menu" | "trigger", options = { addRefColumn: false }): RunContext {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const stores = appsScriptStores();
  return {
    startedBy,
    startedAt: Date.now(),
    clock: {
      now: () => Date.now(),
      sleep: (ms) => Utilities.sleep(Math.max(0, Math.min(Math.round(ms), MAX_SLEEP_MS))),
      random: () => Math.random(),
    },
    notifier: startedBy === "menu" ? menuNotifier(ss) : triggerNotifier(),
    stores,
    workbook: spreadsheetWorkbook(ss, options),
    customers: spreadsheetCustomerSheets(ss),
    triggers: appsScriptTriggers(stores),
    lock: {
      tryLock(waitMs) {
        const lock = LockService.getDocumentLock();
        return lock.tryLock(waitMs) ? { release: () => lock.releaseLock() } : null;
      },
    },
    mailer: appsScriptMailer(ss),
    dialogs: appsScriptDialogs,
    userEmail: () => Session.getEffectiveUser().getEmail(),
    http: (baseUrl, apiKey) => new ApiClient(baseUrl, apiKey),
  };
}
