// Sends the summary mail of a scheduled run to the user it runs as (never with the API key in it).

import type { Mailer } from "../core/ports";
import { NOTICE_MAX, outText } from "./outbound";

export function appsScriptMailer(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Mailer {
  return {
    send(subject, body) {
      const to = Session.getEffectiveUser().getEmail();
      if (!to) return false;
      MailApp.sendEmail(to, outText(subject, 250), outText(body, NOTICE_MAX));
      return true;
    },
    spreadsheetName: () => ss.getName(),
    spreadsheetUrl: () => ss.getUrl(),
  };
}
