// Builds the context of one run from Apps Script's services: the spreadsheet gateway, stores,
// triggers, lock, mail, HTTP, and how to tell the user (toasts and alerts for a menu run, the log
// for a trigger run). Services are opened when first used.

import type { CustomerSheets } from "../core/customer-ports";
import { feature } from "../core/features";
import { languageFor, useLanguage } from "../core/language";
import type { RunContext } from "../core/ports";
import { LANGUAGE, loadState } from "../core/state-keys";
import { useProjectFeatures } from "./feature-file";
import { ApiClient } from "./http";
import { appsScriptMailer } from "./mail";
import { appsScriptStores } from "./stores";
import { useProjectTexts } from "./texts-file";
import { appsScriptTriggers } from "./triggers";
import { appsScriptDialogs, menuNotifier, triggerNotifier } from "./ui";
import { spreadsheetWorkbook } from "./workbook";

/**
 * Sets the language of this execution's texts from the spreadsheet's locale and the user's choice.
 * `choice` may be left out where properties are not allowed (onOpen in AuthMode NONE/LIMITED).
 * The texts are read from their language file when first picked, not here.
 */
export function chooseLanguage(locale: () => string, choice?: () => string | null): void {
  let loc = "";
  let chosen: string | null = null;
  try {
    loc = locale();
  } catch {
    // No access to the spreadsheet (AuthMode NONE): English.
  }
  try {
    chosen = choice ? choice() : null;
  } catch {
    // Properties not readable here: the locale decides.
  }
  useLanguage(languageFor(loc, chosen));
  useProjectTexts();
}

type CustomersFeature = typeof import("../customers-feature");

/** The Customers sheets, through the sheets feature: read only when a run first touches them. */
function customerSheets(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): CustomerSheets {
  let real: CustomerSheets | undefined;
  const sheets = (): CustomerSheets => {
    real ??= feature<CustomersFeature>("customers").spreadsheetCustomerSheets(ss);
    return real;
  };
  return {
    readCustomers: (create) => sheets().readCustomers(create),
    readNewCustomers: () => sheets().readNewCustomers(),
    writeCustomers: (updates, appends) => sheets().writeCustomers(updates, appends),
    writeNewCustomers: (updates) => sheets().writeNewCustomers(updates),
    readSeen: () => sheets().readSeen(),
    addSeen: (ids) => sheets().addSeen(ids),
    clearSeen: () => sheets().clearSeen(),
    flush: () => sheets().flush(),
  };
}

/** Utilities.sleep takes at most 5 minutes at a time. */
const MAX_SLEEP_MS = 300_000;

export function makeContext(startedBy: "menu" | "trigger", options = { addRefColumn: false }): RunContext {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const stores = appsScriptStores();
  const workbook = spreadsheetWorkbook(ss, options);
  useProjectFeatures();
  chooseLanguage(
    () => workbook.locale(),
    () => loadState(stores, LANGUAGE),
  );
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
    workbook,
    customers: customerSheets(ss),
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
