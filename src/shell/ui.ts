// Telling the user: toasts for progress, an alert for what stops a run. A trigger run has no one
// at the keyboard (and getUi() throws there), so it only logs.

export interface Notifier {
  progress(message: string): void;
  done(message: string): void;
  problem(message: string): void;
}

export function menuNotifier(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Notifier {
  const title = "MijnKlantportaal";
  return {
    progress: (message) => ss.toast(message, title, 10),
    done: (message) => ss.toast(message, title, 15),
    problem: (message) => {
      SpreadsheetApp.getUi().alert(title, message, SpreadsheetApp.getUi().ButtonSet.OK);
    },
  };
}

export function triggerNotifier(): Notifier {
  return {
    progress: () => undefined,
    done: (message) => console.log(message),
    problem: (message) => console.warn(message),
  };
}

/** Opens a modal dialog from an HTML file of the project, with placeholders filled in (already escaped). */
export function showHtmlDialog(file: string, fill: Readonly<Record<string, string>>, title: string): void {
  let html = HtmlService.createHtmlOutputFromFile(file).getContent();
  for (const [placeholder, text] of Object.entries(fill)) html = html.split(placeholder).join(text);
  SpreadsheetApp.getUi().showModalDialog(
    HtmlService.createHtmlOutput(html).setWidth(420).setHeight(260),
    title,
  );
}
