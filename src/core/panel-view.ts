// What the sidebar and the key dialog show, as text in this execution's language: the labels the
// HTML fills in (sent once, at serve time and after a language change) and the state read on each
// refresh. The pages only place these strings; no text of theirs is written in the HTML itself.

import { pick } from "./language";
import type { PanelState, RunSummary } from "./panel";
import { DOCUMENTED_LIMIT as DOCUMENTED_RATE_LIMIT, WINDOW_MS as MINUTE_MS } from "./rate-pacing";
import { PANEL_TEXTS } from "./texts-panel";

/** One execution sends for at most 4.5 minutes (6 minus its margin), then a continuation follows. */
const SENDING_PER_EXECUTION_MS = 4.5 * MINUTE_MS;
/** Between executions: the margin left unused and the wait for the continuation's trigger. */
const GAP_BETWEEN_EXECUTIONS_MS = 1.5 * MINUTE_MS;

/** How long `toGo` offers take at the rate limit, the pauses between executions included. */
export function remainingMs(toGo: number, perMinute: number = DOCUMENTED_RATE_LIMIT): number {
  if (toGo <= 0) return 0;
  const sending = (toGo / Math.max(1, perMinute)) * MINUTE_MS;
  return sending + Math.floor(sending / SENDING_PER_EXECUTION_MS) * GAP_BETWEEN_EXECUTIONS_MS;
}

export interface ProgressView {
  readonly text: string;
  readonly eta: string;
  readonly done: number;
  readonly total: number;
  readonly valueText: string;
}

export interface RunView {
  readonly head: string;
  readonly by: string;
  readonly counts: string;
  readonly message: string;
}

export interface PanelView {
  /** Null when no batch runs; `idle` is then what to say. */
  readonly progress: ProgressView | null;
  readonly idle: string;
  readonly schedule: string;
  readonly key: string;
  readonly runs: readonly RunView[] | null;
}

const ACTIONS = ["create", "validate", "refresh", "scheduled"] as const;
const STARTERS = ["menu", "trigger"] as const;

function runView(r: RunSummary): RunView {
  const t = pick(PANEL_TEXTS);
  const action = ACTIONS.find((a) => a === r.action.trim().toLowerCase());
  const by = STARTERS.find((s) => s === r.startedBy.trim().toLowerCase());
  return {
    head: `${r.startedAt} · ${action ? t.actionName(action) : r.action}`,
    by: `(${by ? t.startedByName(by) : r.startedBy})`,
    counts: t.runCounts({
      created: r.created || "0",
      failed: r.failed || "0",
      invalid: r.invalid || "0",
      pending: r.pending || "0",
    }),
    message: r.message,
  };
}

export function panelView(state: PanelState): PanelView {
  const t = pick(PANEL_TEXTS);
  const p = state.progress;
  const total = p ? p.done + p.toGo : 0;
  const s = state.schedule;
  return {
    progress: p
      ? {
          text: t.progress(p.action === "create" ? t.creatingOffers() : p.action, p.done, p.toGo),
          eta: t.etaMinutes(Math.round(remainingMs(p.toGo) / MINUTE_MS)),
          done: p.done,
          total,
          valueText: t.progressValue(p.done, total),
        }
      : null,
    idle: t.noBatch(),
    schedule: s.on ? t.scheduleOn(s.owner ?? state.user, s.mine) : t.scheduleOff(),
    key: state.key.saved && state.key.lastFour !== null ? t.keySaved(state.key.lastFour) : t.keyNotSet(),
    runs: state.runs === null ? null : state.runs.map(runView),
  };
}

/** The sidebar's labels (`data-t` keys of Sidebar.html); templates take `{label}` / `{detail}`. */
export function sidebarTexts(): Record<string, string> {
  const t = pick(PANEL_TEXTS);
  return {
    lang: t.lang(),
    runningNow: t.runningNow(),
    actions: t.actions(),
    createPendingOffers: t.createPending(),
    createSelectedOffers: t.createSelected(),
    validateOffers: t.validate(),
    refreshOfferStatuses: t.refresh(),
    retryFailedOffers: t.retryFailed(),
    enableScheduledRuns: t.enableHourly(),
    disableScheduledRuns: t.disableHourly(),
    setupSheets: t.setupSheets(),
    showApiKeyDialog: t.apiKey(),
    settings: t.settings(),
    hourlyRuns: t.hourlyRuns(),
    apiKeyState: t.apiKeyState(),
    language: t.language(),
    followSpreadsheet: t.followSpreadsheet(),
    lastRuns: t.lastRuns(),
    noRuns: t.noRuns(),
    loading: t.loading(),
    started: t.started("{label}"),
    finished: t.finished("{label}"),
    couldNotRead: t.couldNotRead("{detail}"),
    languageSaved: t.languageSaved(),
  };
}

/** The key dialog's labels (`data-t` keys of ApiKeyDialog.html). */
export function keyDialogTexts(): Record<string, string> {
  const t = pick(PANEL_TEXTS);
  return {
    lang: t.lang(),
    keyIntro: t.keyIntro(),
    keyField: t.keyField(),
    removeKey: t.removeKey(),
    close: t.close(),
    saveKey: t.saveKey(),
    removeQuestion: t.removeQuestion(),
    keepKey: t.keepKey(),
    confirmRemove: t.confirmRemove(),
    checkingKey: t.checkingKey(),
    wentWrong: t.wentWrong("{detail}"),
  };
}

/** Texts as a JSON literal that is safe inside a <script> element. */
export function textsForScript(texts: Readonly<Record<string, string>>): string {
  return JSON.stringify(texts)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
