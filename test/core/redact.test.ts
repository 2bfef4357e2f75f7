import { keySeeds, PARTIAL_MIN, REDACTED, redactSecret, surelyClean } from "../../src/core/redact";

const KEY = "mkp_live/AbC+12=xy.z-9_Q7rT";
const hex4 = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
const lowerPct = (s: string) => s.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());

describe("redactSecret: every form the key can come back in", () => {
  test.each([
    ["raw", KEY],
    ["JSON with / as \\/", KEY.replace(/\//g, "\\/")],
    ["JSON with / as \\u002f", KEY.replace(/\//g, "\\u002f")],
    ["JSON with / as \\u002F", KEY.replace(/\//g, "\\u002F")],
    ["JSON with + and = as \\u escapes", KEY.replace(/[+=]/g, hex4)],
    ["every character \\u-escaped", KEY.split("").map(hex4).join("")],
    ["encodeURIComponent", encodeURIComponent(KEY)],
    ["URL-encoded in lower case", lowerPct(encodeURIComponent(KEY))],
    [
      "every character percent-encoded",
      KEY.split("")
        .map((c) => `%${c.charCodeAt(0).toString(16)}`)
        .join(""),
    ],
    ["URL-encoded twice", encodeURIComponent(encodeURIComponent(KEY))],
    ["JSON inside JSON", JSON.stringify(KEY.replace(/\//g, "\\/")).slice(1, -1)],
    ["\\u escape escaped again", KEY.replace(/\//g, "\\\\u002f")],
    ["HTML entities", KEY.replace(/\//g, "&#x2F;").replace(/\+/g, "&#43;")],
    ["mixed: URL-encoded + and JSON-escaped /", KEY.replace("+", "%2B").replace("/", "\\/")],
    ["Bearer key", `Bearer ${KEY}`],
    ["bearer key", `bearer ${KEY}`],
    ["BEARER with two spaces", `BEARER  ${KEY}`],
    ["bEaReR with a tab", `bEaReR\t${KEY}`],
    ["Bearer, form-encoded", `Bearer+${encodeURIComponent(KEY)}`],
    ["Bearer, URL-encoded", encodeURIComponent(`Bearer ${KEY}`)],
    ["Bearer, JSON-escaped", JSON.stringify(`Bearer ${KEY}`).slice(1, -1).replace(/\//g, "\\/")],
    ["the first 12 characters (cut short)", KEY.slice(0, PARTIAL_MIN)],
    ["Bearer and the first 12 characters", `Bearer ${KEY.slice(0, PARTIAL_MIN)}`],
    ["the last 12 characters", KEY.slice(-PARTIAL_MIN)],
    ["14 characters from the middle", KEY.slice(5, 19)],
  ])("%s", (_name, form) => {
    expect(redactSecret(`<x>${form}<y>`, KEY)).toBe(`<x>${REDACTED}<y>`);
    expect(redactSecret(form, KEY)).toBe(REDACTED);
  });

  test.each([
    ["11 characters of it stay (too short to be the key)", KEY.slice(0, PARTIAL_MIN - 1)],
    ["its last 4 characters stay (the sidebar shows them)", KEY.slice(-4)],
    ["ordinary text", "The given data was invalid. Try again at 12:00."],
    ["a different key of the same kind", "mkp_live/XyZ-98=ab.c+1_Zq9pL"],
    ["the key with its case changed is a different key", KEY.toUpperCase()],
  ])("%s", (_name, text) => {
    expect(redactSecret(text, KEY)).toBe(text);
  });

  test.each([
    ['key with \\ and "', 'ab\\cd"ef/gh+ij=kl.mn', (k: string) => JSON.stringify(k).slice(1, -1)],
    ["key with / only", "a/b/c/d/e/f/g/h/i/j/k/l", (k: string) => k.replace(/\//g, "\\/")],
    ["short key (5 characters): whole only", "ab+/=", (k: string) => encodeURIComponent(k)],
    ["key of base64 characters", "Zm9v+YmFy/YmF6==", (k: string) => lowerPct(encodeURIComponent(k))],
    ["key with - . _", "abc-def.ghi_jkl-mno", (k: string) => k],
  ])("%s", (_name, key, encode) => {
    const text = `{"headers":{"Authorization":"Bearer ${encode(key)}"},"again":"${encode(key)}"}`;
    expect(redactSecret(text, key)).toBe(`{"headers":{"Authorization":"${REDACTED}"},"again":"${REDACTED}"}`);
  });

  test("several occurrences, overlapping forms and the text around them kept", () => {
    const text = `a ${KEY} b Authorization: Bearer ${encodeURIComponent(KEY)} c ${KEY}${KEY} d`;
    expect(redactSecret(text, KEY)).toBe(
      `a ${REDACTED} b Authorization: ${REDACTED} c ${REDACTED}${REDACTED} d`,
    );
  });

  test("a short key is redacted only whole", () => {
    expect(redactSecret("ab+/ and ab+/= and ab%2B%2F%3D", "ab+/=")).toBe(
      `ab+/ and ${REDACTED} and ${REDACTED}`,
    );
  });

  test.each([
    ["empty secret", "Bearer x", ""],
    ["blank secret", "Bearer x", "   "],
    ["empty text", "", KEY],
  ])("%s: text unchanged", (_name, text, key) => {
    expect(redactSecret(text, key)).toBe(text);
  });

  test("the key given with spaces around it is still found", () => {
    expect(redactSecret(`x ${KEY} y`, `  ${KEY}\n`)).toBe(`x ${REDACTED} y`);
  });

  test("a 1 MB text full of escapes is handled quickly", () => {
    const noise = "\\u0041%41&#65;\\/ abc ".repeat(50_000);
    const text = `${noise}Bearer ${encodeURIComponent(KEY)}${noise}`;
    const t = Date.now();
    const out = redactSecret(text, KEY);
    expect(Date.now() - t).toBeLessThan(5_000);
    expect(out).toBe(`${noise}${REDACTED}${noise}`);
  });
});

describe("the quick check before redacting", () => {
  const seeds = keySeeds(KEY);

  test("a text with any form of the key, or anything to decode, is not taken for clean", () => {
    for (const text of [
      KEY,
      `x ${KEY.slice(3, 3 + PARTIAL_MIN)} y`,
      encodeURIComponent(KEY),
      KEY.replace(/\//g, "\\/"),
      "&#47;",
      "100%",
    ])
      expect(surelyClean(text, seeds)).toBe(false);
  });

  test("plain texts without a piece of the key are clean, and redactSecret leaves them alone", () => {
    for (const text of [
      "off_abc123",
      "2025-04-14 10:00:00",
      "Created; 3 offers",
      KEY.slice(0, PARTIAL_MIN - 1),
    ]) {
      expect(surelyClean(text, seeds)).toBe(true);
      expect(redactSecret(text, KEY)).toBe(text);
    }
  });
});
