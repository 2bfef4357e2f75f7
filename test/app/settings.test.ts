// The settings a run needs (src/app/settings.ts): the user's key as stored, the API base from the
// script property checked before any request (accepted and refused, with the reason in words), and
// both together or the reason a run cannot start.

import { afterEach, describe, expect, test } from "@jest/globals";
import { apiAccess, apiKeyOf, baseUrlOf, DEFAULT_BASE_URL } from "../../src/app/settings";
import { useLanguage } from "../../src/core/language";
import { API_KEY, BASE_URL } from "../../src/core/state-keys";
import { TEXTS_EN, TEXTS_NL, texts } from "../../src/core/texts";
import { ANSWER_EN, ANSWER_NL } from "../../src/core/texts-answers";
import { fakeStores } from "./fakes";

afterEach(() => useLanguage("en"));

function stores(key: string | null, base: string | null) {
  const s = fakeStores();
  if (key !== null) s.user.map.set(API_KEY.name, key);
  if (base !== null) s.script.map.set(BASE_URL.name, base);
  return s;
}

describe("apiKeyOf", () => {
  test.each([
    [null, null],
    ["", null],
    ["   ", null],
    ["mkp_live_abcd1234", "mkp_live_abcd1234"],
  ])("stored %j → %j", (stored, key) => {
    expect(apiKeyOf(stores(stored, null))).toBe(key);
  });

  test("the key is read from the user's own store only", () => {
    const s = fakeStores();
    s.document.map.set(API_KEY.name, "mkp_shared_key");
    s.script.map.set(API_KEY.name, "mkp_script_key");
    expect(apiKeyOf(s)).toBeNull();
  });
});

describe("baseUrlOf: accepted", () => {
  test.each([
    [null, DEFAULT_BASE_URL],
    ["", DEFAULT_BASE_URL],
    ["https://api.mijnklantportaal.nl/v1/", "https://api.mijnklantportaal.nl/v1"],
    ["https://staging.mijnklantportaal.nl/v2", "https://staging.mijnklantportaal.nl/v2"],
    ["http://localhost:8080/v1", "http://localhost:8080/v1"],
    ["http://127.0.0.1:3000", "http://127.0.0.1:3000"],
  ])("MKP_BASE_URL %j → %s", (raw, url) => {
    expect(baseUrlOf(stores(null, raw))).toEqual({ ok: true, url });
  });
});

describe("baseUrlOf: refused, with the reason in words", () => {
  test.each([
    ["https://evil.example/v1", "host"],
    ["https://mijnklantportaal.nl.evil.example", "host"],
    ["http://api.mijnklantportaal.nl/v1", "scheme"],
    ["ftp://api.mijnklantportaal.nl", "scheme"],
    ["https://me@api.mijnklantportaal.nl/v1", "userinfo"],
    ["https://api.mijnklantportaal.nl:99999/v1", "port"],
    ["https://api.mijnklantportaal.nl/v1?x=1", "query"],
    ["https://api.mijnklantportaal.nl\\v1", "malformed"],
  ] as const)("%j: %s", (raw, reason) => {
    for (const lang of ["en", "nl"] as const) {
      useLanguage(lang);
      const t = { en: ANSWER_EN, nl: ANSWER_NL }[lang];
      expect(baseUrlOf(stores(null, raw))).toEqual({
        ok: false,
        problem: t.baseUrlRefused(JSON.stringify(raw), t.baseUrlWhy[reason]),
      });
    }
  });

  test("the value is shown as plain text, at most 120 characters", () => {
    const raw = `https://evil.example/${"a".repeat(300)}\u0007`;
    const r = baseUrlOf(stores(null, raw));
    const problem = r.ok ? "" : r.problem;
    expect(r.ok).toBe(false);
    expect(problem).not.toContain("\u0007");
    expect(problem).not.toContain("a".repeat(120));
    expect(problem).toContain(`"https://evil.example/${"a".repeat(98)}…"`);
  });
});

describe("apiAccess", () => {
  test("key and base together", () => {
    expect(apiAccess(stores("mkp_key_1", null))).toEqual({
      ok: true,
      key: "mkp_key_1",
      url: DEFAULT_BASE_URL,
    });
    expect(apiAccess(stores("mkp_key_1", "http://localhost:9000/v1/"))).toEqual({
      ok: true,
      key: "mkp_key_1",
      url: "http://localhost:9000/v1",
    });
  });

  test("no key: the run cannot start, whatever the base", () => {
    expect(apiAccess(stores(null, null))).toEqual({ ok: false, problem: texts().noKey() });
    expect(apiAccess(stores("  ", "https://evil.example"))).toEqual({ ok: false, problem: texts().noKey() });
  });

  test("a key but a refused base: the base's problem, so the key goes nowhere", () => {
    const r = apiAccess(stores("mkp_key_1", "https://evil.example"));
    expect(r).toEqual(baseUrlOf(stores(null, "https://evil.example")));
    expect(r.ok).toBe(false);
  });

  test("in Dutch the reasons are Dutch", () => {
    useLanguage("nl");
    expect(apiAccess(stores(null, null))).toEqual({ ok: false, problem: TEXTS_NL.noKey() });
    expect(TEXTS_NL.noKey()).not.toBe(TEXTS_EN.noKey());
  });
});
