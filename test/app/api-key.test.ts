// Saving and removing the API key (src/app/api-key.ts) over a fake context: what is refused before
// any request, what one GET of the offer list makes of the key (401, 403 naming offers.read, no
// answer: saved unverified), the customers.read warning, and how many requests each costs.

import { afterEach, describe, expect, test } from "@jest/globals";
import {
  clearApiKey,
  clearApiKeyFromDialog,
  saveApiKey,
  saveApiKeyFromDialog,
  showApiKeyDialog,
} from "../../src/app/api-key";
import { useLanguage } from "../../src/core/language";
import type { ApiRequest } from "../../src/core/ports";
import type { Exchange } from "../../src/core/responses";
import { API_KEY, BASE_URL, PACING } from "../../src/core/state-keys";
import { TEXTS_NL, texts } from "../../src/core/texts";
import { ANSWER_EN, ANSWER_NL } from "../../src/core/texts-answers";
import { CUSTOMER_EN } from "../../src/core/texts-customers";
import { answer, FakeDialogs, fakeContext, fakeStores, ScriptedHttp, virtualClock } from "./fakes";

afterEach(() => useLanguage("en"));

const KEY = "mkp_live_secret_9876";
const RATE = { "X-RateLimit-Limit": "60", "X-RateLimit-Remaining": "59" };
const ok = (): Exchange => answer(200, { data: [], next_page_url: null }, RATE);

/** A context whose API answers offers and customers reads as given; records where requests went. */
function world(offers: () => Exchange, customers: () => Exchange = ok, base: string | null = null) {
  const clock = virtualClock(Date.UTC(2026, 11, 1, 9));
  const stores = fakeStores();
  if (base !== null) stores.script.map.set(BASE_URL.name, base);
  const http = new ScriptedHttp((r: ApiRequest) =>
    r.path.startsWith("/customers") ? customers() : offers(),
  );
  const to: { url: string; key: string }[] = [];
  const dialogs = new FakeDialogs();
  const ctx = fakeContext(http, clock, stores, {
    dialogs,
    http: (url, key) => {
      to.push({ url, key });
      return http;
    },
  });
  const stored = () => stores.user.map.get(API_KEY.name) ?? null;
  return { ctx, http, stores, stored, to, dialogs };
}

describe("refused before any request", () => {
  test.each([
    ["empty", ""],
    ["only spaces", "   \n "],
    ["not text", undefined],
    ["a number", 12345],
  ])("%s: asks for the key, sends nothing, saves nothing", (_, input) => {
    const w = world(ok);
    expect(saveApiKey(w.ctx, input)).toBe(texts().keyEmpty());
    expect(w.http.requests).toHaveLength(0);
    expect(w.stored()).toBeNull();
  });

  test("spaces inside: refused (a pasted sentence, two keys), nothing sent", () => {
    const w = world(ok);
    expect(saveApiKey(w.ctx, "mkp_live abc")).toBe(texts().keyHasSpaces());
    expect(saveApiKey(w.ctx, "mkp_live\tabc")).toBe(texts().keyHasSpaces());
    expect(w.http.requests).toHaveLength(0);
    expect(w.stored()).toBeNull();
  });

  test("a refused MKP_BASE_URL: the key is not sent there, and not saved", () => {
    const w = world(ok, ok, "https://evil.example/v1");
    const message = saveApiKey(w.ctx, KEY);
    expect(
      message.startsWith(ANSWER_EN.baseUrlRefused('"https://evil.example/v1"', ANSWER_EN.baseUrlWhy.host)),
    ).toBe(true);
    expect(message).toBe(
      texts().keyNotSavedBecause(
        ANSWER_EN.baseUrlRefused('"https://evil.example/v1"', ANSWER_EN.baseUrlWhy.host),
      ),
    );
    expect(w.to).toEqual([]);
    expect(w.http.requests).toHaveLength(0);
    expect(w.stored()).toBeNull();
  });
});

describe("checked with one GET of the offer list", () => {
  test("accepted: saved (trimmed), after one offers read and one customers read, to the configured base", () => {
    const w = world(ok, ok, "http://localhost:8080/v1");
    expect(saveApiKey(w.ctx, `  ${KEY}  `)).toBe(texts().keySaved());
    expect(w.stored()).toBe(KEY);
    expect(w.http.requests).toEqual([
      { method: "get", path: "/customer-offers?page=1" },
      { method: "get", path: "/customers?page=1" },
    ]);
    expect(w.to.every((t) => t.url === "http://localhost:8080/v1" && t.key === KEY)).toBe(true);
  });

  test("the check's rate-limit headers start this key's pacing warm", () => {
    const w = world(ok);
    saveApiKey(w.ctx, KEY);
    const pacing = JSON.parse(w.stores.userCache.map.get(PACING.name) ?? "{}") as { l?: number; u?: unknown };
    expect(pacing.l).toBe(60);
    expect(pacing.u).toBeNull();
  });

  test("401: the key is wrong; not saved, and a key saved before stays", () => {
    const w = world(() => answer(401, { message: "Unauthenticated." }));
    w.stores.user.map.set(API_KEY.name, "mkp_old_key_1111");
    expect(saveApiKey(w.ctx, KEY)).toBe(ANSWER_EN.keyWrong(401));
    expect(w.stored()).toBe("mkp_old_key_1111");
    expect(w.http.requests).toHaveLength(1);
  });

  test("403: the key lacks offers.read, which the message names; not saved", () => {
    const w = world(() => answer(403, { message: "This action is unauthorized." }));
    const message = saveApiKey(w.ctx, KEY);
    expect(message).toBe(ANSWER_EN.keyLacks("offers.read"));
    expect(message).toContain("offers.read");
    expect(w.stored()).toBeNull();
    expect(w.http.requests).toHaveLength(1);
  });

  test.each([
    ["no answer", (): Exchange => ({ kind: "network", detail: "DNS error" })],
    ["a timeout", (): Exchange => ({ kind: "timeout", detail: "Timeout" })],
    ["a 500", (): Exchange => answer(500, { message: "Server Error" })],
    ["a 429", (): Exchange => answer(429, {}, { "Retry-After": "30" })],
  ])("%s: saved, said to be unverified; one request, no customers check", (_, offers) => {
    const w = world(offers);
    expect(saveApiKey(w.ctx, KEY)).toBe(texts().keySavedUnchecked());
    expect(w.stored()).toBe(KEY);
    expect(w.http.requests).toHaveLength(1);
  });

  test("a least-privilege key (no customers.read): saved, with the warning that names will not work", () => {
    const w = world(ok, () => answer(403, { message: "This action is unauthorized." }));
    expect(saveApiKey(w.ctx, KEY)).toBe(texts().keySaved() + CUSTOMER_EN.keyNoCustomers());
    expect(w.stored()).toBe(KEY);
    expect(w.http.requests).toHaveLength(2);
  });

  test("a customers check that fails otherwise adds no warning", () => {
    const w = world(ok, () => ({ kind: "timeout", detail: "Timeout" }));
    expect(saveApiKey(w.ctx, KEY)).toBe(texts().keySaved());
  });

  test("the key never appears in what the user is told", () => {
    const answers: (() => Exchange)[] = [
      ok,
      () => answer(401, { message: `Token ${KEY} is invalid` }),
      () => answer(403, {}),
      () => ({ kind: "network", detail: `error for ${KEY}` }),
    ];
    for (const a of answers) {
      const w = world(a);
      const reply = saveApiKeyFromDialog(w.ctx, KEY);
      expect(reply.message).not.toContain("secret");
      expect(reply.hint).not.toContain("secret");
    }
  });

  test("in Dutch, the Dutch words", () => {
    useLanguage("nl");
    expect(saveApiKey(world(ok).ctx, "")).toBe(TEXTS_NL.keyEmpty());
    expect(saveApiKey(world(() => answer(403, {})).ctx, KEY)).toBe(ANSWER_NL.keyLacks("offers.read"));
    expect(saveApiKey(world(ok).ctx, KEY)).toBe(TEXTS_NL.keySaved());
  });
});

describe("the dialog", () => {
  test("its replies say how it went and show the key's last four characters at most", () => {
    const w = world(ok);
    expect(saveApiKeyFromDialog(w.ctx, KEY)).toEqual({
      outcome: "saved",
      message: texts().keySaved(),
      hint: texts().keySavedHint("9876"),
    });
    expect(saveApiKeyFromDialog(w.ctx, "bad key")).toEqual({
      outcome: "refused",
      message: texts().keyHasSpaces(),
      hint: texts().keySavedHint("9876"),
    });
    expect(clearApiKeyFromDialog(w.ctx)).toEqual({
      outcome: "removed",
      message: texts().keyRemoved(),
      hint: texts().noKeyHint(),
    });
    expect(w.stored()).toBeNull();
  });

  test("no answer: unverified", () => {
    const w = world(() => ({ kind: "network", detail: "down" }));
    expect(saveApiKeyFromDialog(w.ctx, KEY).outcome).toBe("unverified");
  });

  test("opening it shows the hint, escaped, and never the key", () => {
    const w = world(ok);
    w.stores.user.map.set(API_KEY.name, "mkp_live_x<&>9");
    showApiKeyDialog(w.ctx);
    expect(w.dialogs.shown).toHaveLength(1);
    const shown = w.dialogs.shown[0];
    expect(shown?.file).toBe("ApiKeyDialog");
    expect(shown?.title).toBe(texts().keyDialogTitle());
    const hint = shown?.fill["<!--HINT-->"] ?? "";
    expect(hint).toContain("…&#60;&#38;&#62;9");
    expect(hint).not.toContain("<&>");
    expect(hint).not.toContain("mkp_live");
    expect(w.http.requests).toHaveLength(0);
  });
});

describe("clearApiKey", () => {
  test("removes the key from the user's store and costs no request", () => {
    const w = world(ok);
    w.stores.user.map.set(API_KEY.name, KEY);
    expect(clearApiKey(w.ctx)).toBe(texts().keyRemoved());
    expect(w.stored()).toBeNull();
    expect(w.http.requests).toHaveLength(0);
  });
});
