// Telling the user: toasts for progress, an alert for what stops a run. A trigger run has no one
// at the keyboard (and getUi() throws there), so it only logs.

import type { Dialogs, Notifier } from "../core/ports";
import { NOTICE_MAX, outText, scrub } from "./outbound";

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

function filled(file: string, fill: Readonly<Record<string, string>>): string {
  let html = HtmlService.createHtmlOutputFromFile(file).getContent();
  // Redacted (a hint or a message could hold an echo of a key), not capped: the texts of the page
  // come in as one placeholder.
  for (const [placeholder, text] of Object.entries(fill)) html = html.split(placeholder).join(scrub(text));
  return html;
}

export const appsScriptDialogs: Dialogs = {
  showHtmlDialog(file, fill, title) {
    SpreadsheetApp.getUi().showModalDialog(
      HtmlService.createHtmlOutput(filled(file, fill)).setWidth(420).setHeight(260),
      title,
    );
  },
  showSidebar(file, fill, title) {
    SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput(filled(file, fill)).setTitle(title));
  },
  confirm(title, question) {
    const ui = SpreadsheetApp.getUi();
    return ui.alert(title, question, ui.ButtonSet.YES_NO) === ui.Button.YES;
  },
};
