// Mails the user who runs the schedule when a scheduled run ends with failures or was stopped —
// at most once a day for the same kind of problem. Never includes the API key.

import type { RunContext } from "../app/context";
import type { RunCounts } from "../core/plan-run";

const MAILED_PREFIX = "MKP_MAILED_";

export function mailIfNeeded(
  ctx: RunContext,
  outcome: { counts: RunCounts; message: string; stopped?: boolean },
): void {
  const kind = outcome.stopped ? "stopped" : outcome.counts.failed > 0 ? "failed" : null;
  if (kind === null) return;
  try {
    const props = PropertiesService.getUserProperties();
    const today = Utilities.formatDate(new Date(ctx.now()), ctx.ss.getSpreadsheetTimeZone(), "yyyy-MM-dd");
    if (props.getProperty(MAILED_PREFIX + kind) === today) return;
    const to = Session.getEffectiveUser().getEmail();
    if (!to) return;
    const subject =
      kind === "stopped"
        ? "MijnKlantportaal offers: the scheduled run stopped"
        : "MijnKlantportaal offers: some offers were refused";
    const body = [
      `The scheduled run in the spreadsheet "${ctx.ss.getName()}" ended like this:`,
      "",
      outcome.message,
      "",
      `Open the spreadsheet to see the Message column of the rows concerned: ${ctx.ss.getUrl()}`,
      "You get at most one such mail a day.",
    ].join("\n");
    MailApp.sendEmail(to, subject, body);
    props.setProperty(MAILED_PREFIX + kind, today);
  } catch (error) {
    console.warn(
      `Could not send the summary mail: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
