// The global entry points (CONTRACT §3). Each builds what it needs and calls one use case; the
// build turns every export into a top-level function declaration Apps Script can find.

import {
  clearApiKey as clearKey,
  saveApiKey as saveKey,
  showApiKeyDialog as showDialog,
} from "./app/api-key";
import { createOffers, validateOffers as validate } from "./app/create-offers";
import { runAction } from "./app/run-action";
import { setupSheets as setup } from "./app/setup-sheets";

const MENU: readonly [string, string][] = [
  ["Create pending offers", "createPendingOffers"],
  ["Create offers in selected rows", "createSelectedOffers"],
  ["Check offers without sending", "validateOffers"],
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
  const message = setup(SpreadsheetApp.getActiveSpreadsheet());
  SpreadsheetApp.getActiveSpreadsheet().toast(message, "MijnKlantportaal", 10);
}

export function showApiKeyDialog(): void {
  showDialog();
}

export function saveApiKey(key: unknown): string {
  return saveKey(key);
}

export function clearApiKey(): string {
  const message = clearKey();
  SpreadsheetApp.getActiveSpreadsheet().toast(message, "MijnKlantportaal", 10);
  return message;
}

export function validateOffers(): void {
  runAction("validate", "menu", (ctx) => validate(ctx));
}

export function createSelectedOffers(): void {
  runAction("create", "menu", (ctx) => createOffers(ctx, true));
}

export function createPendingOffers(): void {
  runAction("create", "menu", (ctx) => createOffers(ctx, false));
}
