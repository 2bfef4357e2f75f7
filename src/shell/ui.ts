// Telling the user: toasts for progress, an alert for what stops a run. A trigger run has no one
// at the keyboard (and getUi() throws there), so it only logs.

import type { Dialogs, Notifier } from "../core/ports";
import { NOTICE_MAX, outText } from "./outbound";

const TITLE = "MijnKlantportaal";

export function menuNotifier(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Notifier {
  return {
    progress: (message) => ss.toast(outText(message, NOTICE_MAX), TITLE, 10),
    done: (message) => ss.toast(outText(message, NOTICE_MAX), TITLE, 15),
    problem: (message) => {
      SpreadsheetApp.getUi().alert(TITLE, outText(message, NOTICE_MAX), SpreadsheetApp.getUi().ButtonSet.OK);
    },
  };
}

export function triggerNotifier(): Notifier {
  return {
    progress: () => undefined,
    done: (message) => console.log(outText(message, NOTICE_MAX)),
    problem: (message) => console.warn(outText(message, NOTICE_MAX)),
  };
}

export const appsScriptDialogs: Dialogs = {
  showHtmlDialog(file, fill, title) {
    let html = HtmlService.createHtmlOutputFromFile(file).getContent();
    for (const [placeholder, text] of Object.entries(fill))
      html = html.split(placeholder).join(outText(text, NOTICE_MAX));
    SpreadsheetApp.getUi().showModalDialog(
      HtmlService.createHtmlOutput(html).setWidth(420).setHeight(260),
      title,
    );
  },
};
