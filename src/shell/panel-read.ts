// What the sidebar shows, read without the document lock (it is polled while a run holds it) and
// with one read of the Run log at most; plus the progress entry a running batch keeps up to date.

import { RUN_LOG_SHEET } from "../core/columns";
import { type BatchProgress, encodeProgress, type PanelInputs, PROGRESS_KEY } from "../core/panel";
import { SCHEDULED_HANDLER } from "./triggers";

const SCHEDULE_OWNER = "MKP_SCHEDULE_OWNER";
const HOURLY_ID = "MKP_HOURLY_TRIGGER_ID";
const API_KEY = "MKP_API_KEY";
/** Apps Script's cache keeps an entry at most this long; a run refreshes it as it goes. */
const PROGRESS_TTL_SECONDS = 600;

export function readPanelInputs(withRuns: boolean): PanelInputs {
  const user = PropertiesService.getUserProperties();
  const key = user.getProperty(API_KEY);
  const hourlyId = user.getProperty(HOURLY_ID);
  const hourlyMine =
    hourlyId !== null &&
    ScriptApp.getProjectTriggers().some(
      (t) => t.getUniqueId() === hourlyId && t.getHandlerFunction() === SCHEDULED_HANDLER,
    );
  return {
    user: Session.getEffectiveUser().getEmail(),
    storedKey: key && key.trim() !== "" ? key : null,
    scheduleOwner: PropertiesService.getDocumentProperties().getProperty(SCHEDULE_OWNER),
    hourlyMine,
    progressText: CacheService.getDocumentCache()?.get(PROGRESS_KEY) ?? null,
    runLog: withRuns ? readRunLog() : null,
    now: Date.now(),
  };
}

function readRunLog(): string[][] {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(RUN_LOG_SHEET);
  if (!sheet) return [];
  const rows = sheet.getLastRow();
  const columns = sheet.getLastColumn();
  if (rows < 1 || columns < 1) return [];
  return sheet.getRange(1, 1, rows, columns).getDisplayValues();
}

/** For the running batch: records how far it is, for the sidebar (and clears it at the end). */
export function recordProgress(progress: BatchProgress): void {
  CacheService.getDocumentCache()?.put(PROGRESS_KEY, encodeProgress(progress), PROGRESS_TTL_SECONDS);
}

export function clearProgress(): void {
  CacheService.getDocumentCache()?.remove(PROGRESS_KEY);
}
