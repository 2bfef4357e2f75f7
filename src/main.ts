// The global entry points (CONTRACT §3). Each builds what it needs and calls one use case; the
// build turns every export into a top-level function declaration Apps Script can find.

import {
  clearApiKeyFromDialog as clearFromDialog,
  clearApiKey as clearKey,
  type KeyDialogReply,
  saveApiKeyFromDialog as saveFromDialog,
  saveApiKey as saveKey,
  showApiKeyDialog as showDialog,
} from "./app/api-key";
import { createOffers, validateOffers as validate } from "./app/create-offers";
import { type PanelState, panelState } from "./app/panel";
import { refreshStatuses as refresh } from "./app/refresh-statuses";
import { BUSY_MESSAGE, LOCK_WAIT_MS, runAction } from "./app/run-action";
import { disableScheduledRuns as disable, enableScheduledRuns as enable } from "./app/schedule";
import { refreshOutcome, scheduledBatch } from "./app/scheduled-batch";
import { readPanelInputs } from "./shell/panel-read";
import { setupSheets as setup } from "./shell/setup-sheets";
import { armSafetyNet, continuationState, isHourly } from "./shell/triggers";

const MENU: readonly [string, string][] = [
  ["Create pending offers", "createPendingOffers"],
  ["Create offers in selected rows", "createSelectedOffers"],
  ["Check offers without sending", "validateOffers"],
  ["Refresh offer statuses", "refreshOfferStatuses"],
  ["Turn on hourly runs", "enableScheduledRuns"],
  ["Turn off hourly runs", "disableScheduledRuns"],
  ["Set up sheets", "setupSheets"],
  ["Set API key…", "showApiKeyDialog"],
  ["Remove my API key", "clearApiKey"],
];

/** Adds the menu, nothing else: it may run in AuthMode NONE or LIMITED. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const menu = SpreadsheetApp.getUi().createMenu("MijnKlantportaal");
  for (const [label, fn] of MENU) menu.addItem(label, fn);
  menu.addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

export function setupSheets(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    SpreadsheetApp.getUi().alert(BUSY_MESSAGE);
    return;
  }
  try {
    ss.toast(setup(ss), "MijnKlantportaal", 10);
  } finally {
    lock.releaseLock();
  }
}

export function showApiKeyDialog(): void {
  showDialog();
}

export function saveApiKey(key: unknown): string {
  return saveKey(key);
}

/** Called by the API-key dialog: how the save went, and the key's hint as it now is. */
export function saveApiKeyFromDialog(key: unknown): KeyDialogReply {
  return saveFromDialog(key);
}

/** Called by the API-key dialog after the user confirmed. */
export function clearApiKeyFromDialog(): KeyDialogReply {
  return clearFromDialog();
}

export function clearApiKey(): string {
  const message = clearKey();
  SpreadsheetApp.getActiveSpreadsheet().toast(message, "MijnKlantportaal", 10);
  return message;
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile("Sidebar").setTitle("MijnKlantportaal");
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Called by the sidebar (polled): never takes the document lock; `withRuns: false` skips the Run log. */
export function getPanelState(options?: { withRuns?: boolean }): PanelState {
  return panelState(readPanelInputs(options?.withRuns !== false));
}

export function validateOffers(): void {
  runAction("validate", "menu", (ctx) => validate(ctx));
}

export function createSelectedOffers(): void {
  runAction("create", "menu", (ctx) => createOffers(ctx, true));
}

export function createPendingOffers(): void {
  runAction("create", "menu", (ctx) => createOffers(ctx, false), { continuation: "create" });
}

export function enableScheduledRuns(): string {
  const message = enable();
  SpreadsheetApp.getActiveSpreadsheet().toast(message, "MijnKlantportaal", 10);
  return message;
}

export function disableScheduledRuns(): string {
  const message = disable();
  SpreadsheetApp.getActiveSpreadsheet().toast(message, "MijnKlantportaal", 10);
  return message;
}

export function refreshOfferStatuses(): void {
  runAction("refresh", "menu", (ctx) => refreshOutcome(ctx, refresh(ctx)), { continuation: "refresh" });
}

/** Trigger handler (hourly, and continuations of work that did not fit in one execution). */
export function runScheduledBatch(e?: GoogleAppsScript.Events.TimeDriven): void {
  // A continuation of a refresh only refreshes; the hourly run and create continuations do both.
  const hourly = isHourly(e);
  if (!hourly) armSafetyNet();
  const refreshOnly = !hourly && continuationState()?.kind === "refresh";
  if (refreshOnly) {
    runAction("scheduled", "trigger", (ctx) => refreshOutcome(ctx, refresh(ctx)), {
      continuation: "refresh",
      mail: true,
    });
  } else {
    runAction("scheduled", "trigger", (ctx) => scheduledBatch(ctx), { continuation: "create", mail: true });
  }
}
