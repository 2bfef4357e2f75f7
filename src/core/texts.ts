// Every text of a run that a user reads (toasts, alerts, Run log, Messages, mail, the key dialog),
// with its parameters, in one place. Field-level validation texts are still with their parsers
// (parse-offers.ts, parse-lines.ts, dates.ts, money.ts) until the Dutch catalogue takes them over.

const MENU = "MijnKlantportaal ›";
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export const TEXTS = {
  // Whole runs
  noKey: () => `No MijnKlantportaal API key is set for you. Use ${MENU} Set API key… first.`,
  keyRefused: () =>
    `MijnKlantportaal refused the API key (it may be wrong, revoked, or lack a permission). The run stopped; no offer was marked failed. Use ${MENU} Set API key… to enter it again.`,
  busy: () =>
    "Another MijnKlantportaal run is in progress (perhaps a scheduled one). Nothing was changed; try again in a few minutes.",
  busyRetrying: () => " This scheduled run tries again in a few minutes.",
  unexpected: (detail: string) => `The run stopped on an unexpected error: ${detail}`,
  noContinuation: (detail: string) => ` (Could not schedule the continuation: ${detail})`,
  quotaUsed: () => "Google's daily UrlFetch quota is used up; the rest waits for tomorrow.",
  noSheet: (name: string) => `There is no sheet named "${name}". Use ${MENU} Set up sheets first.`,
  missingColumns: (sheet: string, headers: readonly string[]) =>
    `The sheet ${sheet} has no column ${headers.map((h) => `"${h}"`).join(", ")} in row 1. Use ${MENU} Set up sheets to add it.`,
  columnsChanged: () =>
    "The columns Offer number or Status of the sheet Offers disappeared during the run, so the run stopped before sending anything more. Rows marked sending are checked on the next run.",
  selectRows: () =>
    "Select the rows of the offers to create in the sheet Offers, then choose this menu item again.",
  badBaseUrl: (raw: string, fallback: string) =>
    `The script property MKP_BASE_URL (${JSON.stringify(raw)}) is not an https:// address of MijnKlantportaal. Remove it to use ${fallback}.`,

  // Summaries
  summary: (c: { created: number; failed: number; invalid: number; pending: number; skipped: number }) => {
    const parts = [`${c.created} created`];
    if (c.failed) parts.push(`${c.failed} refused by MijnKlantportaal`);
    if (c.invalid) parts.push(`${c.invalid} with mistakes to fix (see Message)`);
    if (c.pending) parts.push(`${c.pending} still pending`);
    if (c.skipped) parts.push(`${c.skipped} skipped`);
    return parts.join(", ");
  },
  continuesSoon: () => ". The rest continues automatically in a moment.",
  chooseAgain: () => ". Some offers are not done yet: choose the menu item again in a minute.",
  validated: (c: { pending: number; invalid: number; skipped: number }) =>
    `${c.pending} offer(s) ready to send, ${c.invalid} with mistakes to fix (see Message), ${c.skipped} skipped. Nothing was sent.`,
  notMarked: (n: number) => ` ${plural(n, "row", "rows")} could not be marked.`,
  orphans: (count: number, rows: readonly number[]) =>
    `. ${plural(count, "row", "rows")} of Offer lines match no offer (${rows.length === 1 ? "row" : "rows"} ${rows.join(", ")}${count > rows.length ? ` and ${count - rows.length} more` : ""})`,
  lostRows: (names: readonly string[]) =>
    `Rows deleted or duplicated during the run, so their status could not be written: ${names.join(", ")}`,
  creating: (n: number) => `Creating ${n} offer(s) in MijnKlantportaal…`,
  sendingProgress: (created: number, toGo: number) => `Sending offers… ${created} created, ${toGo} to go.`,
  refreshSummary: (r: {
    refreshed: number;
    unchanged: number;
    deleted: number;
    left: number;
    more: boolean;
    requests: number;
  }) => {
    const parts = [`${r.refreshed} offer(s) updated`, `${r.unchanged} unchanged`];
    if (r.deleted) parts.push(`${r.deleted} no longer in MijnKlantportaal`);
    if (r.left) parts.push(`${r.left} still to check${r.more ? " (continues automatically)" : ""}`);
    return `Statuses: ${parts.join(", ")} (${plural(r.requests, "request", "requests")}).`;
  },
  nothingToRefresh: () => "No created offers to refresh.",
  setupDone: (names: readonly string[]) =>
    `The sheets ${names.slice(0, -1).join(", ")} and ${names[names.length - 1]} are ready.`,

  // Messages on rows
  rowHasOfferId: () =>
    "This offer already has an Offer ID, so it was not sent again. To create a new offer, clear Offer ID and Status.",
  unknownStatus: (shown: string) =>
    `Status ${shown} is not one this tool knows: clear it to send the offer, or type skip.`,
  readyToSend: () => "Ready to send",
  notSentKeyRefused: () => "Not sent: MijnKlantportaal refused the API key. Set the API key again.",
  notSentRateLimit: () => "Not sent yet: MijnKlantportaal's rate limit was reached, will retry",
  notSentQuota: () => "Not sent: today's Google UrlFetch quota is used up, will retry tomorrow",
  willCheck: (reason: string) => `${reason}; will check MijnKlantportaal and retry`,
  willRetry: (reason: string) => `${reason}, will retry`,
  retrying: (why: string) => `Not sent yet: ${why}, retrying`,
  waitingForRateLimit: () => "waiting for MijnKlantportaal's rate limit",
  notCreatedRetryAt: (at: string) =>
    `Not created: MijnKlantportaal answered with temporary errors; will retry from ${at} (or choose Create pending offers).`,
  notCreatedGaveUp: (n: number) =>
    `MijnKlantportaal answered with temporary errors ${n} times, so this offer is not tried again by itself. Clear Status to try again.`,
  alreadyCreated: (offerNumber: string, offerId: string, when: string) =>
    `MijnKlantportaal already has offer ${offerNumber} (${offerId}), created from this spreadsheet on ${when}. It was not sent again. To create it once more anyway, type send anyway in Status.`,
  editedWhileSending: (sentNumber: string, sentCustomer: string) =>
    `This row was edited while it was being sent: MijnKlantportaal created the offer as it was sent (offer number ${sentNumber}, customer ${sentCustomer}). Check the offer in MijnKlantportaal.`,
  deletedThere: () => "Not found in MijnKlantportaal: the offer seems to have been deleted there.",
  lineNoOffer: (offerNumber: string) => `No row in Offers has offer number ${offerNumber}`,
  lineNoNumber: () => "Offer number: missing",

  // Scheduled runs
  scheduleTakenBy: (owner: string) =>
    `Scheduled runs are already on in this spreadsheet, with the API key of ${owner}. Ask them to turn them off first.`,
  scheduleAlreadyOn: () => "Scheduled runs were already on: pending offers are created every hour.",
  scheduleOn: () =>
    "Scheduled runs are on: every hour, pending offers are created and statuses refreshed, with your API key.",
  scheduleOwnedBy: (owner: string) =>
    `Scheduled runs were turned on by ${owner}: only they can turn them off.`,
  scheduleOff: () => "Scheduled runs are off.",
  scheduleWasOff: () => "Scheduled runs were not on.",
  mailSubject: (kind: "stopped" | "failed") =>
    kind === "stopped"
      ? "MijnKlantportaal offers: the scheduled run stopped"
      : "MijnKlantportaal offers: some offers were refused",
  mailBody: (name: string, message: string, url: string) =>
    [
      `The scheduled run in the spreadsheet "${name}" ended like this:`,
      "",
      message,
      "",
      `Open the spreadsheet to see the Message column of the rows concerned: ${url}`,
      "You get at most one such mail a day.",
    ].join("\n"),

  // The API key
  keyDialogTitle: () => "MijnKlantportaal API key",
  keySavedHint: (lastFour: string) =>
    `A key ending in …${lastFour} is saved for you. Enter a new one to replace it.`,
  noKeyHint: () => "No key is saved for you yet.",
  keyEmpty: () => "Please paste your API key: the field is empty. Nothing was saved.",
  keyHasSpaces: () =>
    "That key contains spaces or line breaks inside it, so it cannot be right. Copy it again from MijnKlantportaal (Settings › API keys). Nothing was saved.",
  keyNotSavedBecause: (problem: string) => `${problem} Nothing was saved.`,
  keyRejected: (status: number) =>
    `MijnKlantportaal refused this key (HTTP ${status}): it may be mistyped, revoked, or lack the offers.read permission. Nothing was saved.`,
  keySaved: () => "Saved. MijnKlantportaal accepted the key.",
  keySavedUnchecked: () =>
    "Saved, but the key could not be checked right now (MijnKlantportaal could not be reached). It will be used on the next run.",
  keyRemoved: () => "Your API key was removed.",
} as const;
