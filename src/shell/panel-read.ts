// What the sidebar shows, read without the document lock (it is polled while a run holds it) and
// with one read of the Run log at most.

import type { PanelInputs } from "../core/panel";
import {
  API_KEY,
  LANGUAGE,
  loadState,
  PROGRESS,
  SCHEDULE_HEARTBEAT,
  SCHEDULE_OWNER,
} from "../core/state-keys";
import { findSheet } from "./sheets";
import { appsScriptStores } from "./stores";
import { appsScriptTriggers } from "./triggers";

export function readPanelInputs(withRuns: boolean, stores = appsScriptStores()): PanelInputs {
  const key = loadState(stores, API_KEY);
  return {
    user: Session.getEffectiveUser().getEmail(),
    storedKey: key && key.trim() !== "" ? key : null,
    scheduleOwner: loadState(stores, SCHEDULE_OWNER),
    lastHourlyAt: loadState(stores, SCHEDULE_HEARTBEAT)?.at ?? null,
    hourlyMine: appsScriptTriggers(stores).hourlyOn(),
    progress: loadState(stores, PROGRESS),
    runLog: withRuns ? readRunLog() : null,
    languageChoice: loadState(stores, LANGUAGE),
    now: Date.now(),
  };
}

function readRunLog(): string[][] {
  const sheet = findSheet(SpreadsheetApp.getActiveSpreadsheet(), "runLog");
  if (!sheet) return [];
  const rows = sheet.getLastRow();
  const columns = sheet.getLastColumn();
  if (rows < 1 || columns < 1) return [];
  return sheet.getRange(1, 1, rows, columns).getDisplayValues();
}
