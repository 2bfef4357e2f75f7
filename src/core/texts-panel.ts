// Texts of the sidebar, the API-key dialog's own labels and the retry of failed offers, in English
// and Dutch. Read with `pick(PANEL_TEXTS)`; the HTML gets them from the server (panel-view.ts).

const en = {
  lang: () => "en",
  // Sidebar: sections and buttons
  runningNow: () => "Running now",
  actions: () => "Actions",
  createPending: () => "Create pending offers",
  createSelected: () => "Create offers in selected rows",
  validate: () => "Check offers without sending",
  refresh: () => "Refresh offer statuses",
  retryFailed: () => "Retry failed offers",
  enableHourly: () => "Turn on hourly runs",
  disableHourly: () => "Turn off hourly runs",
  setupSheets: () => "Set up sheets",
  apiKey: () => "API key…",
  settings: () => "Settings",
  hourlyRuns: () => "Hourly runs:",
  apiKeyState: () => "API key:",
  language: () => "Language",
  followSpreadsheet: () => "Follow the spreadsheet",
  lastRuns: () => "Last runs",
  noRuns: () => "No runs yet.",
  loading: () => "Loading…",
  started: (label: string) => `${label}: started…`,
  finished: (label: string) => `${label}: done.`,
  couldNotRead: (detail: string) => `Could not read the state: ${detail}`,
  languageSaved: () => "Language saved.",
  // Sidebar: what the server reads
  noBatch: () => "No batch is running.",
  progress: (action: string, done: number, toGo: number) => `${action}: ${done} done, ${toGo} to go.`,
  progressValue: (done: number, total: number) => `${done} of ${total} done`,
  etaMinutes: (minutes: number) =>
    minutes < 1 ? "Less than a minute left." : `About ${minutes} minute${minutes === 1 ? "" : "s"} left.`,
  creatingOffers: () => "Creating offers",
  actionName: (action: "create" | "validate" | "refresh" | "scheduled") =>
    ({ create: "create", validate: "validate", refresh: "refresh", scheduled: "hourly run" })[action],
  startedByName: (by: "menu" | "trigger") => ({ menu: "menu", trigger: "trigger" })[by],
  runCounts: (c: { created: string; failed: string; invalid: string; pending: string }) =>
    `${c.created} created, ${c.failed} failed, ${c.invalid} invalid, ${c.pending} still pending`,
  scheduleOff: () => "off",
  scheduleOn: (owner: string, mine: boolean) => `on, with the API key of ${owner}${mine ? " (you)" : ""}`,
  keyNotSet: () => "not set",
  keySaved: (lastFour: string) => `saved, ending in …${lastFour}`,
  badLanguage: () => "Choose Nederlands, English or Follow the spreadsheet.",
  // Retrying failed offers
  retryNone: () => "No row in Offers is marked failed: there is nothing to retry.",
  retryTitle: () => "Retry failed offers?",
  retryQuestion: (n: number) =>
    `${n} ${n === 1 ? "row is" : "rows are"} marked failed. Clear ${n === 1 ? "its" : "their"} Status and create ${n === 1 ? "it" : "them"} again in MijnKlantportaal?`,
  retryCancelled: () => "Nothing was changed: the failed rows stay as they are.",
  // API-key dialog
  keyIntro: () =>
    "Paste the API key you created in MijnKlantportaal (Settings › API keys). It is checked with MijnKlantportaal before it is saved, and only you can use it.",
  keyField: () => "API key",
  removeKey: () => "Remove my key…",
  close: () => "Close",
  saveKey: () => "Save key",
  removeQuestion: () => "Remove your saved key? Runs that use your key will stop until you save a new one.",
  keepKey: () => "Keep my key",
  confirmRemove: () => "Remove key",
  checkingKey: () => "Checking the key with MijnKlantportaal…",
  wentWrong: (detail: string) => `Something went wrong: ${detail}`,
};

const nl: typeof en = {
  lang: () => "nl",
  runningNow: () => "Nu bezig",
  actions: () => "Acties",
  createPending: () => "Openstaande offertes aanmaken",
  createSelected: () => "Offertes in geselecteerde rijen aanmaken",
  validate: () => "Offertes controleren zonder te versturen",
  refresh: () => "Offertestatussen bijwerken",
  retryFailed: () => "Mislukte offertes opnieuw proberen",
  enableHourly: () => "Elk uur automatisch: aanzetten",
  disableHourly: () => "Elk uur automatisch: uitzetten",
  setupSheets: () => "Tabbladen instellen",
  apiKey: () => "API-sleutel…",
  settings: () => "Instellingen",
  hourlyRuns: () => "Elk uur automatisch:",
  apiKeyState: () => "API-sleutel:",
  language: () => "Taal",
  followSpreadsheet: () => "Zoals de spreadsheet",
  lastRuns: () => "Laatste runs",
  noRuns: () => "Nog geen runs.",
  loading: () => "Laden…",
  started: (label) => `${label}: gestart…`,
  finished: (label) => `${label}: klaar.`,
  couldNotRead: (detail) => `De stand kon niet worden gelezen: ${detail}`,
  languageSaved: () => "Taal opgeslagen.",
  noBatch: () => "Er loopt nu geen batch.",
  progress: (action, done, toGo) => `${action}: ${done} klaar, nog ${toGo} te gaan.`,
  progressValue: (done, total) => `${done} van ${total} klaar`,
  etaMinutes: (minutes) =>
    minutes < 1
      ? "Nog minder dan een minuut."
      : `Nog ongeveer ${minutes} ${minutes === 1 ? "minuut" : "minuten"}.`,
  creatingOffers: () => "Offertes aanmaken",
  actionName: (action) =>
    ({ create: "aanmaken", validate: "controleren", refresh: "bijwerken", scheduled: "uurlijkse run" })[
      action
    ],
  startedByName: (by) => ({ menu: "menu", trigger: "automatisch" })[by],
  runCounts: (c) =>
    `${c.created} aangemaakt, ${c.failed} mislukt, ${c.invalid} ongeldig, ${c.pending} nog open`,
  scheduleOff: () => "uit",
  scheduleOn: (owner, mine) => `aan, met de API-sleutel van ${owner}${mine ? " (jij)" : ""}`,
  keyNotSet: () => "niet ingesteld",
  keySaved: (lastFour) => `opgeslagen, eindigt op …${lastFour}`,
  badLanguage: () => "Kies Nederlands, English of Zoals de spreadsheet.",
  retryNone: () => "Geen enkele rij in Offertes staat op mislukt: er is niets opnieuw te proberen.",
  retryTitle: () => "Mislukte offertes opnieuw proberen?",
  retryQuestion: (n) =>
    n === 1
      ? "1 rij staat op mislukt. De status leegmaken en de offerte opnieuw aanmaken in MijnKlantportaal?"
      : `${n} rijen staan op mislukt. De status leegmaken en de offertes opnieuw aanmaken in MijnKlantportaal?`,
  retryCancelled: () => "Er is niets veranderd: de mislukte rijen blijven zoals ze zijn.",
  keyIntro: () =>
    "Plak de API-sleutel die je in MijnKlantportaal hebt aangemaakt (Instellingen › API-sleutels). MijnKlantportaal controleert de sleutel voordat hij wordt opgeslagen, en alleen jij kunt hem gebruiken.",
  keyField: () => "API-sleutel",
  removeKey: () => "Mijn sleutel verwijderen…",
  close: () => "Sluiten",
  saveKey: () => "Sleutel opslaan",
  removeQuestion: () =>
    "Je opgeslagen sleutel verwijderen? Runs die jouw sleutel gebruiken stoppen tot je een nieuwe opslaat.",
  keepKey: () => "Sleutel houden",
  confirmRemove: () => "Sleutel verwijderen",
  checkingKey: () => "De sleutel wordt gecontroleerd bij MijnKlantportaal…",
  wentWrong: (detail) => `Er ging iets mis: ${detail}`,
};

export const PANEL_TEXTS = { en, nl } as const;
