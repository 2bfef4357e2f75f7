// The global entry points (CONTRACT §3). Each builds its context from Apps Script's services and
// calls one use case; the build turns every export into a top-level function declaration.

import type { KeyDialogReply } from "./app/api-key";
import * as create from "./app/create-offers";
import { runAction, withLock } from "./app/run-action";
import { type Told, told } from "./app/run-outcome";
import * as schedule from "./app/schedule";
import { scheduledBatch } from "./app/scheduled-batch";
import * as sidebar from "./app/sidebar";
import { feature } from "./core/features";
import { language, pick } from "./core/language";
import { panelState } from "./core/panel";
import { type PanelReply, panelReply } from "./core/panel-view";
import type { RunContext } from "./core/ports";
import { texts } from "./core/texts";
import { MENU_FUNCTIONS, MENU_LABELS } from "./core/texts-bundled";
import { SCHEDULE_TEXTS } from "./core/texts-schedule";
import { applyLanguage } from "./shell/language";
import { NOTICE_MAX, outReply, outText } from "./shell/outbound";
import { readPanelInputs } from "./shell/panel-read";
import { chooseLanguage, makeContext } from "./shell/run-context";
import { appsScriptStores } from "./shell/stores";
import { useProjectTexts } from "./shell/texts-file";
import { armSafetyNet, isHourly, withScheduleLock } from "./shell/triggers";

type CustomersFeature = typeof import("./customers-feature");
const refresh = () => feature<typeof import("./app/refresh-feature")>("refresh");
/** The API key, turning hourly runs on or off, retrying failed offers (after makeContext). */
const settings = () => feature<typeof import("./app/settings-feature")>("settings");

const TITLE = "MijnKlantportaal";

const toast = (text: string): string => {
  const message = outText(text, NOTICE_MAX);
  SpreadsheetApp.getActiveSpreadsheet().toast(message, TITLE, 10);
  return message;
};

/**
 * Adds the menu, nothing else: it may run in AuthMode NONE or LIMITED, so the language comes from
 * the spreadsheet's locale only (properties may not be read here), and its labels are in the bundle
 * (no language file is read here).
 */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  chooseLanguage(() => SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale());
  const labels = MENU_LABELS[language()];
  const menu = SpreadsheetApp.getUi().createMenu(TITLE);
  for (const fn of MENU_FUNCTIONS) menu.addItem(labels[fn], fn);
  menu.addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

const toasted = (t: Told): Told => ({ message: toast(t.message), stopped: t.stopped });

/** Turning hourly runs on or off, never by two executions at once. */
function scheduleTold(change: (ctx: RunContext) => Told): Told {
  const ctx = makeContext("menu");
  const done = withScheduleLock(() => change(ctx));
  return toasted(done !== null ? done.value : { message: pick(SCHEDULE_TEXTS).busy(), stopped: true });
}

function setupSheetsTold(): Told {
  const ctx = makeContext("menu");
  const done = withLock(ctx, () =>
    feature<CustomersFeature>("customers").setupSheets(SpreadsheetApp.getActiveSpreadsheet()),
  );
  if (done !== null) return { message: toast(done.value), stopped: false };
  ctx.notifier.problem(texts().busy());
  return { message: texts().busy(), stopped: true };
}

export function setupSheets(): void {
  setupSheetsTold();
}

export function showApiKeyDialog(): void {
  const ctx = makeContext("menu");
  applyLanguage(ctx.stores);
  settings().showApiKeyDialog(ctx);
}

export function saveApiKey(key: unknown): string {
  const ctx = makeContext("menu");
  return outReply(settings().saveApiKey(ctx, key));
}

export function clearApiKey(): string {
  const ctx = makeContext("menu");
  return toast(settings().clearApiKey(ctx));
}

/** Called by the API-key dialog: how the save went, and the key's hint as it now is. */
export function saveApiKeyFromDialog(key: unknown): KeyDialogReply {
  const ctx = makeContext("menu");
  return outReply(settings().saveApiKeyFromDialog(ctx, key));
}

/** Called by the API-key dialog after the user confirmed. */
export function clearApiKeyFromDialog(): KeyDialogReply {
  const ctx = makeContext("menu");
  return settings().clearApiKeyFromDialog(ctx);
}

export function showSidebar(): void {
  const ctx = makeContext("menu");
  applyLanguage(ctx.stores);
  sidebar.showSidebar(ctx);
}

/**
 * Called by the sidebar (polled): never takes the document lock, reads no sheet but the Run log
 * (once, and not when `withRuns` is false); the page words what it shows in the reply's `lang`.
 */
export function getPanelState(options?: { withRuns?: boolean }): PanelReply {
  const stores = appsScriptStores();
  applyLanguage(stores);
  const state = panelState(readPanelInputs(options?.withRuns !== false, stores));
  return outReply(panelReply(state, language()));
}

/** Called by the sidebar's language choice: "nl", "en", or "" to follow the spreadsheet's locale. */
export function setLanguage(choice: unknown): sidebar.LanguageReply {
  const stores = appsScriptStores();
  useProjectTexts();
  return sidebar.setLanguage(stores, choice, () => applyLanguage(stores));
}

// The actions of the menu and the sidebar's buttons, each telling what it told the user.
const ACTIONS = {
  retryFailedOffers: (): Told => {
    const ctx = makeContext("menu", { addRefColumn: true });
    applyLanguage(ctx.stores);
    return settings().retryFailedOffers(ctx);
  },
  validateOffers: (): Told => told(runAction(makeContext("menu"), "validate", create.validateOffers)),
  createSelectedOffers: (): Told =>
    told(
      runAction(makeContext("menu", { addRefColumn: true }), "create", (ctx) =>
        create.createOffers(ctx, true),
      ),
    ),
  createPendingOffers: (): Told =>
    told(
      runAction(
        makeContext("menu", { addRefColumn: true }),
        "create",
        (ctx) => create.createOffers(ctx, false),
        { continuation: "create" },
      ),
    ),
  enableScheduledRuns: (): Told => scheduleTold((ctx) => settings().enableScheduledRuns(ctx)),
  disableScheduledRuns: (): Told => scheduleTold((ctx) => settings().disableScheduledRuns(ctx)),
  refreshOfferStatuses: (): Told =>
    told(
      runAction(
        makeContext("menu"),
        "refresh",
        (ctx) => refresh().refreshOutcome(ctx, refresh().refreshStatuses(ctx)),
        { continuation: "refresh" },
      ),
    ),
  syncCustomers: (): Told =>
    told(
      runAction(
        makeContext("menu"),
        "customers",
        (ctx) => feature<CustomersFeature>("customers").syncCustomersRun(ctx),
        { continuation: "create" },
      ),
    ),
  setupSheets: setupSheetsTold,
} as const;

/** Clears Status of every `failed` row (after the user confirms) and creates them again. */
export function retryFailedOffers(): string {
  return ACTIONS.retryFailedOffers().message;
}

export function validateOffers(): string {
  return ACTIONS.validateOffers().message;
}

export function createSelectedOffers(): string {
  return ACTIONS.createSelectedOffers().message;
}

export function createPendingOffers(): string {
  return ACTIONS.createPendingOffers().message;
}

export function enableScheduledRuns(): string {
  return ACTIONS.enableScheduledRuns().message;
}

export function disableScheduledRuns(): string {
  return ACTIONS.disableScheduledRuns().message;
}

export function refreshOfferStatuses(): string {
  return ACTIONS.refreshOfferStatuses().message;
}

/**
 * Called by the sidebar's action buttons: the action by its menu function's name, and what it told
 * the user, with whether it stopped on something to fix (no key, another run busy …), so that the
 * page does not show a stopped run as done.
 */
export function runFromSidebar(fn: unknown): Told {
  const name = (Object.keys(ACTIONS) as (keyof typeof ACTIONS)[]).find((k) => k === fn);
  if (name === undefined) throw new Error(`Not an action of the sidebar: ${String(fn)}`);
  return outReply(ACTIONS[name]());
}

/** Fills or updates the sheet Customers from MijnKlantportaal (CONTRACT §4a). */
export function syncCustomers(): void {
  ACTIONS.syncCustomers();
}

/** Trigger handler (hourly, and continuations of work that did not fit in one execution). */
export function runScheduledBatch(e?: GoogleAppsScript.Events.TimeDriven): void {
  const ctx = makeContext("trigger", { addRefColumn: true });
  // A continuation of a refresh only refreshes; the hourly run and create continuations do both.
  const hourly = isHourly(ctx.stores, e);
  if (hourly && !schedule.hourlyRunMayGo(ctx)) return;
  if (!hourly) armSafetyNet(ctx.stores);
  const outcome =
    !hourly && ctx.triggers.continuationKind() === "refresh"
      ? runAction(ctx, "scheduled", (c) => refresh().refreshOutcome(c, refresh().refreshStatuses(c)), {
          continuation: "refresh",
          mail: true,
        })
      : runAction(ctx, "scheduled", scheduledBatch, { continuation: "create", mail: true });
  if (hourly) schedule.hourlyRunEnded(ctx, outcome);
}
