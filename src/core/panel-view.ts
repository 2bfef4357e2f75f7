// What the sidebar's poll answers besides its state: the language its texts are in and the time the
// running batch has left. The pages hold their own texts, in both languages (src/ui/*.html), and
// compose what they show from this raw state, so that none of those texts loads with every execution.

import type { Language } from "./language";
import type { PanelState } from "./panel";
import { DOCUMENTED_LIMIT as DOCUMENTED_RATE_LIMIT, WINDOW_MS as MINUTE_MS } from "./rate-pacing";

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

export interface PanelReply extends PanelState {
  /** The language of this execution: the page words its view in it. */
  readonly lang: Language;
  /** Whole minutes the running batch has left; null when none runs. */
  readonly etaMinutes: number | null;
}

export function panelReply(state: PanelState, lang: Language): PanelReply {
  const p = state.progress;
  return { ...state, lang, etaMinutes: p ? Math.round(remainingMs(p.toGo) / MINUTE_MS) : null };
}
