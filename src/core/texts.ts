// Every text a user reads (toasts, alerts, Run log, Messages, mail, the key dialog), in English and
// Dutch, with its parameters. Read through `texts()`, which gives this execution's language (see
// language.ts); the halves ship in the language files (src/texts), not in the bundle. Other areas keep
// their texts in texts-<topic>.ts files of the same shape; the menu and field names: texts-bundled.ts.

import { catalogue, pick } from "./language";

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
const list = (items: readonly string[], and: string): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`;

/** What a cell showing a spreadsheet error most likely means, and what to do about it. */
type ErrorHint = (error: string) => string;

const enErrorHint: ErrorHint = (error) => {
  if (error === "#N/A")
    return "a lookup formula found nothing: check the value it looks up, or type the value";
  if (error === "#REF!")
    return "the formula refers to a cell that was deleted: fix the formula or type the value";
  if (/^loading/i.test(error)) return "the cell was still calculating: run again in a moment";
  return "the formula gives an error: fix it or type the value";
};

const nlErrorHint: ErrorHint = (error) => {
  if (error === "#N/A")
    return "een zoekformule vond niets: controleer wat er wordt opgezocht, of typ de waarde";
  if (error === "#REF!")
    return "de formule verwijst naar een verwijderde cel: herstel de formule of typ de waarde";
  if (/^loading/i.test(error)) return "de cel werd nog berekend: probeer het zo nog eens";
  return "de formule geeft een fout: herstel die of typ de waarde";
};

const MKP = "MijnKlantportaal";
const EN_MENU = `${MKP} ›`;

export const TEXTS_EN = {
  // Whole runs
  noKey: () => `No ${MKP} API key is set for you. Use ${EN_MENU} Set API key… first.`,
  keyRefused: () =>
    `${MKP} refused the API key (it may be wrong, revoked, or lack a permission). The run stopped; no offer was marked failed. Use ${EN_MENU} Set API key… to enter it again.`,
  busy: () =>
    `Another ${MKP} run is in progress (perhaps a scheduled one). Nothing was changed; try again in a few minutes.`,
  busyRetrying: () => "This scheduled run tries again in a few minutes.",
  unexpected: (detail: string) => `The run stopped on an unexpected error: ${detail}`,
  noContinuation: (detail: string) => `Could not schedule the rest of the run: ${detail}`,
  quotaUsed: () => "Google's daily UrlFetch quota is used up; the rest waits for tomorrow.",
  noSheet: (name: string) => `There is no sheet named "${name}". Use ${EN_MENU} Set up sheets first.`,
  missingColumns: (sheet: string, headers: readonly string[]) =>
    `The sheet ${sheet} has no ${headers.length === 1 ? "column" : "columns"} ${headers.map((h) => `"${h}"`).join(", ")} in row 1. Use ${EN_MENU} Set up sheets to add ${headers.length === 1 ? "it" : "them"}.`,
  headersBelowRow1: (sheet: string, row: number) =>
    `The sheet ${sheet} has its headers in row ${row}, not in row 1. Delete the rows above the headers (a title can go in a note). Nothing was sent.`,
  columnsChanged: (sheet: string) =>
    `The column Offer number or Status disappeared from the sheet ${sheet} during the run (renamed or deleted), so its results could not be written and the run stopped. Put the column back; the next run finds the offers already created and writes their results, without sending them again.`,
  selectRows: () =>
    "Select the rows of the offers to create in the sheet Offers, then choose this menu item again.",
  badBaseUrl: (raw: string, fallback: string) =>
    `The script property MKP_BASE_URL (${JSON.stringify(raw)}) is not an https:// address of ${MKP}. Remove it to use ${fallback}.`,

  // Summaries (each a sentence; join them with `sentences`)
  summary: (
    c: { created: number; failed: number; invalid: number; pending: number; skipped: number },
    messageColumn: string,
  ) => {
    const parts = [`${c.created} created`];
    if (c.failed) parts.push(`${c.failed} refused by ${MKP}`);
    if (c.invalid) parts.push(`${c.invalid} with mistakes to fix (see ${messageColumn})`);
    if (c.pending) parts.push(`${c.pending} still pending`);
    if (c.skipped) parts.push(`${c.skipped} skipped`);
    return `${parts.join(", ")}.`;
  },
  continuesSoon: () => "The rest continues automatically in a moment.",
  chooseAgain: () => "Some offers are not done yet: choose the menu item again in a minute.",
  validated: (c: { pending: number; invalid: number; skipped: number }, messageColumn: string) =>
    `${plural(c.pending, "offer", "offers")} ready to send, ${c.invalid} with mistakes to fix (see ${messageColumn}), ${c.skipped} skipped. Nothing was sent.`,
  notMarked: (n: number) => `${plural(n, "row", "rows")} could not be marked.`,
  orphans: (count: number, rows: readonly number[], sheet: string) =>
    `Lines that match no offer: ${count > 1 ? "rows" : "row"} ${rows.join(", ")}${count > rows.length ? ` and ${count - rows.length} more` : ""} of ${sheet}. Correct ${count === 1 ? "its offer number" : "their offer numbers"}.`,
  lostRows: (names: readonly string[]) =>
    `Rows deleted or duplicated during the run, so their status could not be written: ${names.join(", ")}.`,
  rowLabel: (row: number) => `row ${row}`,
  checkingOffers: () => "Checking the pending offers…",
  creating: (n: number) => `Creating ${plural(n, "offer", "offers")} in ${MKP}…`,
  sendingProgress: (created: number, toGo: number) => `Sending offers… ${created} created, ${toGo} to go.`,
  refreshSummary: (r: {
    refreshed: number;
    unchanged: number;
    deleted: number;
    left: number;
    more: boolean;
    requests: number;
  }) => {
    const parts = [`${plural(r.refreshed, "offer", "offers")} updated`, `${r.unchanged} unchanged`];
    if (r.deleted) parts.push(`${r.deleted} no longer in ${MKP}`);
    if (r.left) parts.push(`${r.left} still to check${r.more ? " (continues automatically)" : ""}`);
    return `Statuses: ${parts.join(", ")} (${plural(r.requests, "request", "requests")}).`;
  },
  nothingToRefresh: () => "No created offers to refresh.",
  setupDone: (names: readonly string[]) => `The sheets ${list(names, "and")} are ready.`,
  notificationHelp: () => `Tick to have ${MKP} e-mail the customer (or type yes/no, ja/nee).`,
  vatRateHelp: () => "VAT rate in percent: 21, 9 or 0.",

  // Messages on rows
  rowHasOfferId: () =>
    "This offer already has an Offer ID, so it was not sent again. To create a new offer, clear Offer ID and Status.",
  unknownStatus: (shown: string) =>
    `Status ${shown} is not one this tool knows: clear Status to send the offer, or type "skip".`,
  readyToSend: () => "Ready to send",
  notSentKeyRefused: () => `Not sent: ${MKP} refused the API key. Set the API key again.`,
  notSentRateLimit: () => `Not sent yet: ${MKP}'s rate limit was reached, will retry`,
  notSentQuota: () => "Not sent: today's Google UrlFetch quota is used up, will retry tomorrow",
  notSentQuotaChooseAgain: () =>
    `Not sent: today's Google UrlFetch quota is used up. Select the row and choose ${EN_MENU} Create offers in selected rows again tomorrow`,
  willCheck: (reason: string) => `${reason}; will check ${MKP} and retry`,
  willRetry: (reason: string) => `${reason}, will retry`,
  retrying: (why: string) => `Not sent yet: ${why}, retrying`,
  waitingForRateLimit: () => `waiting for ${MKP}'s rate limit`,
  noAnswerInTime: () => "no answer in time",
  unreachable: () => `could not reach ${MKP}`,
  temporaryError: (status: number) => `temporary error (HTTP ${status})`,
  unexpectedAnswer: (status: number) => `unexpected answer (HTTP ${status})`,
  redirected: (status: number, location: string) =>
    `${MKP} answered with a redirect (HTTP ${status}${location ? ` to ${location}` : ""}), which is not followed so that the API key goes nowhere else: check the script property MKP_BASE_URL (the API's address)`,
  apiLineField: (line: number, field: string) => `Line ${line} ${field}`,
  /** The API's reason with its status; just the status when it gave none. */
  apiReason: (reason: string, status: number) =>
    reason === "" ? `HTTP ${status}` : `${reason} (HTTP ${status})`,
  notCreatedRetryAt: (at: string) =>
    `Not created: ${MKP} answered with temporary errors; will retry from ${at} (or choose ${EN_MENU} Create pending offers).`,
  notCreatedGaveUp: (n: number) =>
    `${MKP} answered with temporary errors ${n} times, so this offer is not tried again by itself. Clear Status to try again.`,
  alreadyCreated: (offerNumber: string, offerId: string, when: string) =>
    `${MKP} already has offer ${offerNumber} (${offerId}), created from this spreadsheet on ${when}. It was not sent again. To create it once more anyway, type "send anyway" in Status.`,
  editedWhileSending: (sentNumber: string, sentCustomer: string) =>
    `This row was edited while it was being sent: ${MKP} created the offer as it was sent (offer number ${sentNumber}, customer ${sentCustomer}). Check the offer in ${MKP}.`,
  deletedThere: () => `Not found in ${MKP}: the offer seems to have been deleted there.`,
  stillChecking: () =>
    `Not yet known whether ${MKP} created this offer: its list of offers could not be read far enough in this run. The next run looks again; the offer is not sent again before it is certain that it was not created.`,
  cannotTellIfCreated: (offerNumber: string) =>
    `Not known whether this offer was created: ${MKP}'s list shows offers made since it was sent without an offer number or customer this tool can read, so it was not sent again. Look for offer ${offerNumber} in ${MKP}: if it is there, type its ID in Offer ID and clear Status; if not, clear Status to send it.`,
  lineNoOffer: (offerNumber: string, sheet: string) =>
    `No row in ${sheet} has offer number ${offerNumber}: correct the offer number, or add the offer`,
  lineNoNumber: () => "Offer number missing: type the offer this line belongs to",

  // Field checks (CONTRACT §5). Field names are the sheets' headers as the user reads them.
  missing: (field: string) => `${field} missing`,
  cellError: (field: string, error: string) => `${field} shows ${error}: ${enErrorHint(error)}`,
  fieldProblem: (field: string, problem: string) => `${field}: ${problem}`,
  tooLong: (field: string, length: number, max: number) =>
    `${field} is ${length} characters long, at most ${max} are allowed: shorten it`,
  duplicateNumber: (field: string, offerNumber: string, rows: readonly number[], sheet: string) =>
    `${field} ${offerNumber} is also used in ${rows.length === 1 ? "row" : "rows"} ${rows.join(", ")} of ${sheet}: give each offer its own number`,
  badCustomerId: (field: string, shown: string) =>
    `${field} ${shown} is not a customer ID (they look like cst_abc123): copy it from ${MKP}`,
  expiresBeforeIssued: (expiresField: string, expiresAt: string, issuedField: string, issuedAt: string) =>
    `${expiresField} ${expiresAt} is before ${issuedField} ${issuedAt}: correct one of them, or clear ${expiresField} (then it is 30 days after ${issuedField})`,
  notYesNo: (shown: string) => `${shown} is not yes or no (tick the box, or type yes/no, ja/nee)`,
  noLines: (offerNumber: string, sheet: string) =>
    `Lines missing: add rows with offer number ${offerNumber} to ${sheet}`,
  lineProblems: (line: number, row: number, sheet: string, problems: readonly string[]) =>
    `Line ${line} (row ${row} of ${sheet}): ${problems.join(", ")}`,
  notVatRate: (shown: string) => `${shown} is not a VAT rate (use 21, 9 or 0)`,
  notAllowedRate: (shown: string) => `${shown} is not an allowed rate (use 21, 9 or 0)`,

  // Scheduled runs
  scheduleTakenBy: (owner: string) =>
    `Hourly runs are already on in this spreadsheet, with the API key of ${owner}. Ask them to turn them off first.`,
  scheduleAlreadyOn: () => "Hourly runs were already on: pending offers are created every hour.",
  scheduleOn: () =>
    "Hourly runs are on: every hour, pending offers are created and statuses refreshed, with your API key.",
  scheduleOwnedBy: (owner: string) => `Hourly runs were turned on by ${owner}: only they can turn them off.`,
  scheduleOff: () => "Hourly runs are off.",
  scheduleWasOff: () => "Hourly runs were not on.",
  mailSubject: (kind: "stopped" | "failed"): string =>
    kind === "stopped"
      ? `${MKP} offers: the scheduled run stopped`
      : `${MKP} offers: some offers were refused`,
  mailBody: (name: string, message: string, url: string, kind: "stopped" | "failed") =>
    [
      `The scheduled run in the spreadsheet "${name}" ended like this:`,
      "",
      message,
      "",
      kind === "failed"
        ? `Open the spreadsheet to see the Message column of the rows concerned: ${url}`
        : `Open the spreadsheet: ${url}`,
      "You get at most one such mail a day.",
    ].join("\n"),

  // The API key
  keyDialogTitle: () => `${MKP} API key`,
  keySavedHint: (lastFour: string) =>
    `A key ending in …${lastFour} is saved for you. Enter a new one to replace it.`,
  noKeyHint: () => "No key is saved for you yet.",
  keyEmpty: () => "Please paste your API key: the field is empty. Nothing was saved.",
  keyHasSpaces: () =>
    `That key contains spaces or line breaks inside it, so it cannot be right. Copy it again from ${MKP} (Settings › API keys). Nothing was saved.`,
  keyNotSavedBecause: (problem: string) => `${problem} Nothing was saved.`,
  keyRejected: (status: number) =>
    `${MKP} refused this key (HTTP ${status}): it may be mistyped, revoked, or lack the offers.read permission. Nothing was saved.`,
  keySaved: () => `Saved. ${MKP} accepted the key.`,
  keySavedUnchecked: () =>
    `Saved, but the key could not be checked right now (${MKP} could not be reached). It will be used on the next run.`,
  keyRemoved: () => "Your API key was removed.",
};

export type Texts = typeof TEXTS_EN;

const NL_MENU = `${MKP} ›`;

export const TEXTS_NL: Texts = {
  noKey: () =>
    `Er is nog geen API-sleutel van ${MKP} voor je ingesteld. Kies eerst ${NL_MENU} API-sleutel instellen…`,
  keyRefused: () =>
    `${MKP} weigerde de API-sleutel (de sleutel is misschien onjuist of ingetrokken, of mist een recht). De run is gestopt; er is geen offerte als mislukt gemarkeerd. Kies ${NL_MENU} API-sleutel instellen… om hem opnieuw in te voeren.`,
  busy: () =>
    `Er loopt al een andere run van ${MKP} (misschien een automatische). Er is niets gewijzigd; probeer het over een paar minuten opnieuw.`,
  busyRetrying: () => "Deze automatische run probeert het over een paar minuten opnieuw.",
  unexpected: (detail: string) => `De run is gestopt door een onverwachte fout: ${detail}`,
  noContinuation: (detail: string) => `Het vervolg van de run kon niet worden ingepland: ${detail}`,
  quotaUsed: () => "Het dagelijkse UrlFetch-quotum van Google is op; de rest wacht tot morgen.",
  noSheet: (name: string) => `Er is geen tabblad "${name}". Kies eerst ${NL_MENU} Tabbladen instellen.`,
  missingColumns: (sheet: string, headers: readonly string[]) =>
    `Het tabblad ${sheet} heeft in rij 1 geen ${headers.length === 1 ? "kolom" : "kolommen"} ${headers.map((h) => `"${h}"`).join(", ")}. Kies ${NL_MENU} Tabbladen instellen om die toe te voegen.`,
  headersBelowRow1: (sheet, row) =>
    `Op het tabblad ${sheet} staan de kolomkoppen in rij ${row}, niet in rij 1. Verwijder de rijen boven de kolomkoppen (een titel kan in een notitie). Er is niets verstuurd.`,
  columnsChanged: (sheet) =>
    `De kolom Offertenummer of Status is tijdens de run uit het tabblad ${sheet} verdwenen (hernoemd of verwijderd). Daardoor konden de resultaten niet worden geschreven en is de run gestopt. Zet de kolom terug; de volgende run vindt de offertes die al zijn aangemaakt en schrijft hun resultaten, zonder ze opnieuw te versturen.`,
  selectRows: () =>
    "Selecteer in het tabblad Offertes de rijen van de offertes die je wilt aanmaken en kies dit menu-item opnieuw.",
  badBaseUrl: (raw: string, fallback: string) =>
    `De scripteigenschap MKP_BASE_URL (${JSON.stringify(raw)}) is geen https://-adres van ${MKP}. Verwijder de eigenschap om ${fallback} te gebruiken.`,

  summary: (c, messageColumn) => {
    const parts = [`${c.created} aangemaakt`];
    if (c.failed) parts.push(`${c.failed} geweigerd door ${MKP}`);
    if (c.invalid) parts.push(`${c.invalid} met fouten om te verbeteren (zie ${messageColumn})`);
    if (c.pending) parts.push(`${c.pending} nog open`);
    if (c.skipped) parts.push(`${c.skipped} overgeslagen`);
    return `${parts.join(", ")}.`;
  },
  continuesSoon: () => "De rest gaat zo vanzelf verder.",
  chooseAgain: () => "Nog niet alle offertes zijn klaar: kies het menu-item over een minuut nog een keer.",
  validated: (c, messageColumn) =>
    `${plural(c.pending, "offerte", "offertes")} klaar om te versturen, ${c.invalid} met fouten om te verbeteren (zie ${messageColumn}), ${c.skipped} overgeslagen. Er is niets verstuurd.`,
  notMarked: (n) => `${plural(n, "rij kon", "rijen konden")} niet worden gemarkeerd.`,
  orphans: (count, rows, sheet) =>
    `Regels die bij geen enkele offerte horen: ${count > 1 ? "rijen" : "rij"} ${rows.join(", ")}${count > rows.length ? ` en nog ${count - rows.length}` : ""} in ${sheet}. Verbeter ${count === 1 ? "het offertenummer" : "de offertenummers"}.`,
  lostRows: (names) =>
    `Rijen die tijdens de run zijn verwijderd of gedupliceerd, waardoor hun status niet kon worden geschreven: ${names.join(", ")}.`,
  rowLabel: (row) => `rij ${row}`,
  checkingOffers: () => "Openstaande offertes controleren…",
  creating: (n) => `${plural(n, "offerte", "offertes")} aanmaken in ${MKP}…`,
  sendingProgress: (created, toGo) => `Offertes versturen… ${created} aangemaakt, nog ${toGo} te gaan.`,
  refreshSummary: (r) => {
    const parts = [`${plural(r.refreshed, "offerte", "offertes")} bijgewerkt`, `${r.unchanged} ongewijzigd`];
    if (r.deleted) parts.push(`${r.deleted} niet meer in ${MKP}`);
    if (r.left) parts.push(`${r.left} nog te controleren${r.more ? " (gaat vanzelf verder)" : ""}`);
    return `Statussen: ${parts.join(", ")} (${plural(r.requests, "verzoek", "verzoeken")}).`;
  },
  nothingToRefresh: () => "Er zijn geen aangemaakte offertes om bij te werken.",
  setupDone: (names) => `De tabbladen ${list(names, "en")} zijn klaar.`,
  notificationHelp: () => `Vink aan als ${MKP} de klant een e-mail moet sturen (of typ ja/nee).`,
  vatRateHelp: () => "Btw-tarief in procenten: 21, 9 of 0.",

  rowHasOfferId: () =>
    "Deze offerte heeft al een Offerte-ID en is daarom niet opnieuw verstuurd. Wil je een nieuwe offerte aanmaken, maak dan Offerte-ID en Status leeg.",
  unknownStatus: (shown) =>
    `Status ${shown} kent deze tool niet: maak Status leeg om de offerte te versturen, of typ "overslaan".`,
  readyToSend: () => "Klaar om te versturen",
  notSentKeyRefused: () => `Niet verstuurd: ${MKP} weigerde de API-sleutel. Stel de API-sleutel opnieuw in.`,
  notSentRateLimit: () =>
    `Nog niet verstuurd: de limiet van ${MKP} voor het aantal verzoeken is bereikt, wordt opnieuw geprobeerd`,
  notSentQuota: () =>
    "Niet verstuurd: het UrlFetch-quotum van Google voor vandaag is op, wordt morgen opnieuw geprobeerd",
  notSentQuotaChooseAgain: () =>
    `Niet verstuurd: het UrlFetch-quotum van Google voor vandaag is op. Selecteer de rij en kies morgen opnieuw ${NL_MENU} Offertes in geselecteerde rijen aanmaken`,
  willCheck: (reason) => `${reason}; wordt gecontroleerd in ${MKP} en opnieuw geprobeerd`,
  willRetry: (reason) => `${reason}, wordt opnieuw geprobeerd`,
  retrying: (why) => `Nog niet verstuurd: ${why}, wordt opnieuw geprobeerd`,
  waitingForRateLimit: () => `wachten op de limiet van ${MKP} voor het aantal verzoeken`,
  noAnswerInTime: () => `${MKP} gaf niet op tijd antwoord`,
  unreachable: () => `${MKP} was niet bereikbaar`,
  temporaryError: (status) => `tijdelijke fout (HTTP ${status})`,
  unexpectedAnswer: (status) => `onverwacht antwoord (HTTP ${status})`,
  redirected: (status, location) =>
    `${MKP} verwees door (HTTP ${status}${location ? ` naar ${location}` : ""}); dat wordt niet gevolgd, zodat de API-sleutel nergens anders heen gaat: controleer de scripteigenschap MKP_BASE_URL (het adres van de API)`,
  apiLineField: (line, field) => `Regel ${line} ${field}`,
  apiReason: (reason, status) => (reason === "" ? `HTTP ${status}` : `${reason} (HTTP ${status})`),
  notCreatedRetryAt: (at) =>
    `Niet aangemaakt: ${MKP} gaf tijdelijke fouten; wordt opnieuw geprobeerd vanaf ${at} (of kies ${NL_MENU} Openstaande offertes aanmaken).`,
  notCreatedGaveUp: (n) =>
    `${MKP} gaf ${n} keer een tijdelijke fout, dus deze offerte wordt niet meer vanzelf opnieuw geprobeerd. Maak Status leeg om het opnieuw te proberen.`,
  alreadyCreated: (offerNumber, offerId, when) =>
    `${MKP} heeft offerte ${offerNumber} (${offerId}) al: die is op ${when} vanuit deze spreadsheet aangemaakt. De offerte is daarom niet opnieuw verstuurd. Wil je hem toch nog een keer aanmaken, typ dan "toch versturen" in Status.`,
  editedWhileSending: (sentNumber, sentCustomer) =>
    `Deze rij is gewijzigd terwijl de offerte werd verstuurd: ${MKP} heeft de offerte aangemaakt zoals die verstuurd is (offertenummer ${sentNumber}, klant ${sentCustomer}). Controleer de offerte in ${MKP}.`,
  deletedThere: () => `Niet gevonden in ${MKP}: de offerte lijkt daar verwijderd te zijn.`,
  stillChecking: () =>
    `Nog niet bekend of ${MKP} deze offerte heeft aangemaakt: de lijst met offertes kon in deze run niet ver genoeg worden gelezen. De volgende run kijkt opnieuw; de offerte wordt pas opnieuw verstuurd als zeker is dat hij niet is aangemaakt.`,
  cannotTellIfCreated: (offerNumber) =>
    `Niet bekend of deze offerte is aangemaakt: de lijst van ${MKP} toont offertes die sindsdien zijn gemaakt zonder offertenummer of klant die deze tool kan lezen, dus de offerte is niet opnieuw verstuurd. Zoek offerte ${offerNumber} op in ${MKP}: staat hij erin, vul dan zijn ID in bij Offerte-ID en maak Status leeg; zo niet, maak Status leeg om hem te versturen.`,
  lineNoOffer: (offerNumber, sheet) =>
    `Geen rij in ${sheet} heeft offertenummer ${offerNumber}: verbeter het offertenummer, of voeg de offerte toe`,
  lineNoNumber: () => "Offertenummer ontbreekt: vul in bij welke offerte deze regel hoort",

  missing: (field) => `${field} ontbreekt`,
  cellError: (field, error) => `${field} toont ${error}: ${nlErrorHint(error)}`,
  fieldProblem: (field, problem) => `${field}: ${problem}`,
  tooLong: (field, length, max) =>
    `${field} is ${length} tekens lang (maximaal ${max}): maak de tekst korter`,
  duplicateNumber: (field, offerNumber, rows, sheet) =>
    `${field} ${offerNumber} staat ook in ${rows.length === 1 ? "rij" : "rijen"} ${rows.join(", ")} van ${sheet}: geef elke offerte een eigen nummer`,
  badCustomerId: (field, shown) =>
    `${field} ${shown} is geen klant-ID (een klant-ID ziet eruit als cst_abc123): kopieer het uit ${MKP}`,
  expiresBeforeIssued: (expiresField, expiresAt, issuedField, issuedAt) =>
    `${expiresField} ${expiresAt} ligt vóór ${issuedField} ${issuedAt}: verbeter een van beide, of maak ${expiresField} leeg (dan geldt 30 dagen na ${issuedField})`,
  notYesNo: (shown) => `${shown} is geen ja of nee (vink het vakje aan, of typ ja/nee)`,
  noLines: (offerNumber, sheet) =>
    `Regels ontbreken: voeg in ${sheet} rijen toe met offertenummer ${offerNumber}`,
  lineProblems: (line, row, sheet, problems) =>
    `Regel ${line} (rij ${row} in ${sheet}): ${problems.join(", ")}`,
  notVatRate: (shown) => `${shown} is geen btw-tarief (gebruik 21, 9 of 0)`,
  notAllowedRate: (shown) => `${shown} is geen toegestaan tarief (gebruik 21, 9 of 0)`,

  scheduleTakenBy: (owner) =>
    `Automatische runs staan in deze spreadsheet al aan, met de API-sleutel van ${owner}. Vraag die persoon ze eerst uit te zetten.`,
  scheduleAlreadyOn: () =>
    "Automatische runs stonden al aan: elk uur worden openstaande offertes aangemaakt.",
  scheduleOn: () =>
    "Automatische runs staan aan: elk uur worden openstaande offertes aangemaakt en statussen bijgewerkt, met jouw API-sleutel.",
  scheduleOwnedBy: (owner) =>
    `Automatische runs zijn aangezet door ${owner}: alleen die persoon kan ze uitzetten.`,
  scheduleOff: () => "Automatische runs staan uit.",
  scheduleWasOff: () => "Automatische runs stonden niet aan.",
  mailSubject: (kind) =>
    kind === "stopped"
      ? `${MKP}-offertes: de automatische run is gestopt`
      : `${MKP}-offertes: sommige offertes zijn geweigerd`,
  mailBody: (name, message, url, kind) =>
    [
      `De automatische run in de spreadsheet "${name}" is als volgt geëindigd:`,
      "",
      message,
      "",
      kind === "failed"
        ? `Open de spreadsheet en bekijk de kolom Melding van de betreffende rijen: ${url}`
        : `Open de spreadsheet: ${url}`,
      "Je krijgt hooguit één zo'n e-mail per dag.",
    ].join("\n"),

  keyDialogTitle: () => `API-sleutel van ${MKP}`,
  keySavedHint: (lastFour) =>
    `Er is een sleutel voor je opgeslagen die eindigt op …${lastFour}. Voer een nieuwe in om hem te vervangen.`,
  noKeyHint: () => "Er is nog geen sleutel voor je opgeslagen.",
  keyEmpty: () => "Plak je API-sleutel: het veld is leeg. Er is niets opgeslagen.",
  keyHasSpaces: () =>
    `Deze sleutel bevat spaties of regeleinden, dus hij kan niet kloppen. Kopieer hem opnieuw uit ${MKP} (Instellingen › API-sleutels). Er is niets opgeslagen.`,
  keyNotSavedBecause: (problem) => `${problem} Er is niets opgeslagen.`,
  keyRejected: (status) =>
    `${MKP} weigerde deze sleutel (HTTP ${status}): de sleutel is misschien verkeerd getypt of ingetrokken, of mist het recht offers.read. Er is niets opgeslagen.`,
  keySaved: () => `Opgeslagen. ${MKP} heeft de sleutel geaccepteerd.`,
  keySavedUnchecked: () =>
    `Opgeslagen, maar de sleutel kon nu niet worden gecontroleerd (${MKP} was niet bereikbaar). Hij wordt bij de volgende run gebruikt.`,
  keyRemoved: () => "Je API-sleutel is verwijderd.",
};

export const TEXTS = catalogue<Texts>("main");

/** The texts in this execution's language: `texts().noKey()`. */
export const texts = (): Texts => pick(TEXTS);

/** Sentences joined into one message: empty ones dropped, each ending in a full stop, never two. */
export function sentences(...parts: readonly string[]): string {
  return parts
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => (/[.!?…)]$/.test(p) ? p : `${p}.`))
    .join(" ");
}
