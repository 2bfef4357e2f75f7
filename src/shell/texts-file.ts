// Reads this execution's texts from the project file TextsEn or TextsNl (built from src/texts by
// scripts/build.mjs). Apps Script parses every script file on every execution, but an HTML file only
// when it is read: so the texts, a third of the code, cost only the executions that show one, and
// only in their own language.

import { type Language, type LanguageTexts, useTextLoader } from "../core/language";

const FILES: Readonly<Record<Language, string>> = { en: "TextsEn", nl: "TextsNl" };
/** The global the language file's script defines (scripts/build.mjs, globalName). */
export const TEXTS_GLOBAL = "__mkpTexts";

function readTexts(language: Language): LanguageTexts {
  const source = HtmlService.createHtmlOutputFromFile(FILES[language]).getContent();
  // The file is this project's own build output, not user input. Evaluating it is the one way Apps
  // Script offers to load code on demand; `new Function` (unlike eval) sees only globals, and the
  // `var` the file declares stays local to it.
  return new Function(`${source}\nreturn ${TEXTS_GLOBAL}.texts;`)() as LanguageTexts;
}

/** Registers the loader (once per execution; before any text is picked, nothing is read). */
export function useProjectTexts(): void {
  useTextLoader(readTexts);
}
