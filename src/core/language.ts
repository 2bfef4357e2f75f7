// The language of everything a user reads in one execution: Dutch when the spreadsheet's locale is
// Dutch (nl_NL, nl_BE), otherwise English, unless the user chose the other one (user property
// MKP_LANGUAGE). Chosen once at the start of each execution (shell/run-context), read by the text
// catalogues through `pick`; each Apps Script execution loads the script afresh, so the choice never
// leaks from one execution (or user) to the next.

export type Language = "en" | "nl";

let current: Language = "en";

/** The language for this execution, from the spreadsheet's locale and the user's choice (if any). */
export function languageFor(locale: string | null | undefined, choice: string | null | undefined): Language {
  if (choice === "nl" || choice === "en") return choice;
  return /^nl([_-]|$)/i.test((locale ?? "").trim()) ? "nl" : "en";
}

export function useLanguage(language: Language): void {
  current = language;
}

export const language = (): Language => current;

/** The texts of a catalogue in this execution's language: `pick(SOME_TEXTS).thing(…)`. */
export function pick<T>(catalogue: { readonly en: T; readonly nl: T }): T {
  return catalogue[current];
}
