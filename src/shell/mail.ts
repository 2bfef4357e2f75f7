// Sends the summary mail of a scheduled run to the user it runs as (never with the API key in it).

import type { Mailer } from "../core/ports";

export function appsScriptMailer(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Mailer {
  return {
    send(subject, body) {
      const to = Session.getEffectiveUser().getEmail();
      if (!to) return false;
      MailApp.sendEmail(to, subject, body);
      return true;
    },
    spreadsheetName: () => ss.getName(),
    spreadsheetUrl: () => ss.getUrl(),
  };
}
