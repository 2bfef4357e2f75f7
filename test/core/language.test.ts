// The language of an execution (src/core/language.ts): from the locale unless the user chose.

import { afterEach } from "@jest/globals";
import {
  catalogue,
  type Language,
  language,
  languageFor,
  pick,
  type TextLoader,
  useLanguage,
  useTextLoader,
} from "../../src/core/language";
import { useModuleTexts } from "../fixtures/texts-loader";

afterEach(() => {
  useModuleTexts();
  useLanguage("en");
});

/** A loader of made-up catalogues that notes each language it reads. */
const loaderOf =
  (reads: Language[]): TextLoader =>
  (l) => {
    reads.push(l);
    const hello = { hello: () => (l === "nl" ? "Hallo" : "Hello") };
    return {
      main: {},
      values: {},
      answers: {},
      customers: {},
      panel: hello,
      refresh: {},
      columns: {},
      schedule: {},
      names: {},
      setup: {},
      writes: {},
      shapes: {},
    };
  };

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
    useTextLoader(loaderOf([]));
    const hello = catalogue<{ hello: () => string }>("panel");
    useLanguage("nl");
    expect(language()).toBe("nl");
    expect(pick(hello).hello()).toBe("Hallo");
    useLanguage("en");
    expect(pick(hello).hello()).toBe("Hello");
  });

  it("a catalogue given as both halves is read without the loader", () => {
    const reads: Language[] = [];
    useTextLoader(loaderOf(reads));
    const inline = { en: { hi: () => "Hi" }, nl: { hi: () => "Hoi" } };
    useLanguage("nl");
    expect(pick(inline).hi()).toBe("Hoi");
    useLanguage("en");
    expect(pick(inline).hi()).toBe("Hi");
    expect(reads).toEqual([]);
  });

  it("reads a language's catalogues once, when first picked, and only that language's", () => {
    const reads: Language[] = [];
    useTextLoader(loaderOf(reads));
    expect(reads).toEqual([]);
    useLanguage("nl");
    const hello = catalogue<{ hello: () => string }>("panel");
    expect(pick(hello).hello()).toBe("Hallo");
    expect(pick(hello).hello()).toBe("Hallo");
    expect(reads).toEqual(["nl"]);
    useLanguage("en");
    expect(pick(hello).hello()).toBe("Hello");
    expect(reads).toEqual(["nl", "en"]);
  });

  it("registering the same loader again keeps what it read; another loader reads afresh", () => {
    const reads: Language[] = [];
    const load = loaderOf(reads);
    useTextLoader(load);
    useLanguage("en");
    pick(catalogue<object>("main"));
    useTextLoader(load);
    pick(catalogue<object>("values"));
    expect(reads).toEqual(["en"]);
    useTextLoader(loaderOf(reads));
    pick(catalogue<object>("main"));
    expect(reads).toEqual(["en", "en"]);
  });
});
