// The language of an execution (src/core/language.ts): from the locale unless the user chose.

import { type Language, language, languageFor, pick, useLanguage } from "../../src/core/language";

describe("choosing the language", () => {
  it.each([
    ["nl_NL", null, "nl"],
    ["nl_BE", "", "nl"],
    ["nl", undefined, "nl"],
    ["en_US", null, "en"],
    ["de_DE", null, "en"],
    ["", null, "en"],
    [null, null, "en"],
    ["nl_NL", "en", "en"],
    ["en_GB", "nl", "nl"],
    ["nl_NL", "fr", "nl"],
  ])("locale %j, choice %j → %s", (locale, choice, expected) => {
    expect(languageFor(locale, choice)).toBe(expected as Language);
  });

  it("pick reads the half of a catalogue for the language in use", () => {
    const catalogue = { en: { hello: () => "Hello" }, nl: { hello: () => "Hallo" } };
    useLanguage("nl");
    expect(language()).toBe("nl");
    expect(pick(catalogue).hello()).toBe("Hallo");
    useLanguage("en");
    expect(pick(catalogue).hello()).toBe("Hello");
  });
});
