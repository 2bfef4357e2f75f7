// The global entry points (CONTRACT §3). Each builds its context from Apps Script's services and
// calls one use case; the build turns every export into a top-level function declaration.

import * as apiKey from "./app/api-key";
import * as create from "./app/create-offers";
import * as refresh from "./app/refresh-statuses";
import { runAction, withLock } from "./app/run-action";
import * as schedule from "./app/schedule";
import { scheduledBatch } from "./app/scheduled-batch";
import { type PanelState, panelState } from "./core/panel";
import { TEXTS } from "./core/texts";
import { NOTICE_MAX, outReply, outText } from "./shell/outbound";
import { readPanelInputs } from "./shell/panel-read";
import { makeContext } from "./shell/run-context";
import { setupSheets as setup } from "./shell/setup-sheets";
import { armSafetyNet, isHourly } from "./shell/triggers";

const MENU: readonly [string, string][] = [
  ["Create pending offers", "createPendingOffers"],
  ["Create offers in selected rows", "createSelectedOffers"],
  ["Check offers without sending", "validateOffers"],
  ["Refresh offer statuses", "refreshOfferStatuses"],
  ["Turn on hourly runs", "enableScheduledRuns"],
  ["Turn off hourly runs", "disableScheduledRuns"],
  ["Open panel", "showSidebar"],
  ["Set up sheets", "setupSheets"],
  ["Set API key…", "showApiKeyDialog"],
  ["Remove my API key", "clearApiKey"],
];

const toast = (text: string): string => {
  const message = outText(text, NOTICE_MAX);
  SpreadsheetApp.getActiveSpreadsheet().toast(message, "MijnKlantportaal", 10);
  return message;
};

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
  const ctx = makeContext("menu");
  const done = withLock(ctx, () => setup(SpreadsheetApp.getActiveSpreadsheet()));
  if (done === null) ctx.notifier.problem(TEXTS.busy());
  else toast(done.value);
}

export function showApiKeyDialog(): void {
  apiKey.showApiKeyDialog(makeContext("menu"));
}

export function saveApiKey(key: unknown): string {
  return outReply(apiKey.saveApiKey(makeContext("menu"), key));
}

export function clearApiKey(): string {
  return toast(apiKey.clearApiKey(makeContext("menu")));
}

/** Called by the API-key dialog: how the save went, and the key's hint as it now is. */
export function saveApiKeyFromDialog(key: unknown): apiKey.KeyDialogReply {
  return outReply(apiKey.saveApiKeyFromDialog(makeContext("menu"), key));
}

/** Called by the API-key dialog after the user confirmed. */
export function clearApiKeyFromDialog(): apiKey.KeyDialogReply {
  return apiKey.clearApiKeyFromDialog(makeContext("menu"));
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile("Sidebar").setTitle("MijnKlantportaal");
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Called by the sidebar (polled): never takes the document lock; `withRuns: false` skips the Run log. */
export function getPanelState(options?: { withRuns?: boolean }): PanelState {
  return outReply(panelState(readPanelInputs(options?.withRuns !== false)));
}

export function validateOffers(): void {
  runAction(makeContext("menu"), "validate", create.validateOffers);
}

export function createSelectedOffers(): void {
  runAction(makeContext("menu", { addRefColumn: true }), "create", (ctx) => create.createOffers(ctx, true));
}

export function createPendingOffers(): void {
  runAction(makeContext("menu", { addRefColumn: true }), "create", (ctx) => create.createOffers(ctx, false), {
    continuation: "create",
  });
}

export function enableScheduledRuns(): string {
  return toast(schedule.enableScheduledRuns(makeContext("menu")));
}

export function disableScheduledRuns(): string {
  return toast(schedule.disableScheduledRuns(makeContext("menu")));
}

export function refreshOfferStatuses(): void {
  runAction(
    makeContext("menu"),
    "refresh",
    (ctx) => refresh.refreshOutcome(ctx, refresh.refreshStatuses(ctx)),
    {
      continuation: "refresh",
    },
  );
}

/** Trigger handler (hourly, and continuations of work that did not fit in one execution). */
export function runScheduledBatch(e?: GoogleAppsScript.Events.TimeDriven): void {
  const ctx = makeContext("trigger", { addRefColumn: true });
  // A continuation of a refresh only refreshes; the hourly run and create continuations do both.
  const hourly = isHourly(ctx.stores, e);
  if (!hourly) armSafetyNet(ctx.stores);
  if (!hourly && ctx.triggers.continuationKind() === "refresh") {
    runAction(ctx, "scheduled", (c) => refresh.refreshOutcome(c, refresh.refreshStatuses(c)), {
      continuation: "refresh",
      mail: true,
    });
  } else {
    runAction(ctx, "scheduled", scheduledBatch, { continuation: "create", mail: true });
  }
}
