// The language of everything a user reads in one execution: Dutch when the spreadsheet's locale is
// Dutch (nl_NL, nl_BE), otherwise English, unless the user chose the other one (user property
// MKP_LANGUAGE). Chosen once at the start of each execution (shell/run-context), read by the text
// catalogues through `pick`; each Apps Script execution loads the script afresh, so the choice never
// leaks from one execution (or user) to the next.
//
// The texts themselves are not in the bundle: each language's catalogues are a project file of their
// own, read through a loader the shell registers (a port), once per execution and only when a text
// is first needed, for that execution's language only.

export type Language = "en" | "nl";

/** The catalogues a language file holds, by name (src/texts/en.ts and nl.ts). */
export type CatalogueName =
  | "main"
  | "values"
  | "answers"
  | "customers"
  | "panel"
  | "refresh"
  | "columns"
  | "schedule"
  | "names"
  | "setup"
  | "writes"
  | "shapes";

/** A handle on one catalogue: its name only; `pick` gives its texts in this execution's language. */
export interface Catalogue<T> {
  readonly name: CatalogueName;
  /** Never set: carries the catalogue's type. */
  readonly texts?: T;
}

export const catalogue = <T>(name: CatalogueName): Catalogue<T> => ({ name });

/** One language's catalogues by name, as a language file defines them. */
export type LanguageTexts = Readonly<Record<CatalogueName, object>>;

/** Reads one language's catalogues (the shell reads a project file; tests return the modules). */
export type TextLoader = (language: Language) => LanguageTexts;

let current: Language = "en";
let loader: TextLoader | null = null;
let loaded: Partial<Record<Language, LanguageTexts>> = {};

/** The language for this execution, from the spreadsheet's locale and the user's choice (if any). */
export function languageFor(locale: string | null | undefined, choice: string | null | undefined): Language {
  if (choice === "nl" || choice === "en") return choice;
  return /^nl([_-]|$)/i.test((locale ?? "").trim()) ? "nl" : "en";
}

export function useLanguage(language: Language): void {
  current = language;
}

export const language = (): Language => current;

/** Registers how texts are read; registering the same loader again keeps what it already read. */
export function useTextLoader(load: TextLoader): void {
  if (load === loader) return;
  loader = load;
  loaded = {};
}

/**
 * The texts of a catalogue in this execution's language: `pick(SOME_TEXTS).thing(…)`. A catalogue
 * given as both halves (`{ en, nl }`) is still read as such; it ships in the bundle, a handle does not.
 */
export function pick<T>(handle: Catalogue<T> | { readonly en: T; readonly nl: T }): T {
  if ("en" in handle) return handle[current];
  let all = loaded[current];
  if (all === undefined) {
    if (loader === null) throw new Error("No text loader is registered (useTextLoader)");
    all = loader(current);
    loaded[current] = all;
  }
  return all[handle.name] as T;
}
