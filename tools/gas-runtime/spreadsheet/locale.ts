// What the two supported spreadsheet locales change in display: separators, default date formats,
// month and day names. Any locale other than nl* behaves as en_US.

export interface LocaleInfo {
  decimal: string;
  group: string;
  /** Shown for a date cell that has no number format of its own. */
  date: string;
  dateTime: string;
  months: readonly string[];
  monthsShort: readonly string[];
  days: readonly string[];
  daysShort: readonly string[];
}

const EN_US: LocaleInfo = {
  decimal: ".",
  group: ",",
  date: "M/d/yyyy",
  dateTime: "M/d/yyyy H:mm:ss",
  months: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
  monthsShort: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  days: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
  daysShort: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
};

const NL_NL: LocaleInfo = {
  decimal: ",",
  group: ".",
  date: "d-M-yyyy",
  dateTime: "d-M-yyyy H:mm:ss",
  months: [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
  ],
  monthsShort: ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
  days: ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
  daysShort: ["zo", "ma", "di", "wo", "do", "vr", "za"],
};

export function localeInfo(locale: string): LocaleInfo {
  return /^nl/i.test(locale) ? NL_NL : EN_US;
}
