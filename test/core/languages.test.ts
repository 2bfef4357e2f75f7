// The catalogue in both languages: every check names its field in the language of the run, once
// per line; Dutch headers, sheet names and statuses are recognised; the Dutch half is translated.

import { afterEach, describe, expect, test } from "@jest/globals";
import {
  headerLanguage,
  isSheetNamed,
  LINE_COLUMNS,
  matchHeaders,
  OFFER_COLUMNS,
  RUN_LOG_COLUMNS,
  SHEET_NAMES,
} from "../../src/core/columns";
import { type Language, useLanguage } from "../../src/core/language";
import { parseLines } from "../../src/core/parse-lines";
import { parseOffers } from "../../src/core/parse-offers";
import { STATUS_WORDS, statusIn, statusOf } from "../../src/core/statuses";
import { sentences, TEXTS_EN, TEXTS_NL } from "../../src/core/texts";
import { FIELD_NAMES, MENU_LABELS } from "../../src/core/texts-bundled";
import {
  LINE_HEADERS,
  LINE_HEADERS_NL,
  OFFER_HEADERS,
  OFFER_HEADERS_NL,
  SHEETS_EN,
  SHEETS_NL,
  STATUSES_EN,
  STATUSES_NL,
} from "../fixtures/headers";
import { type CellLike, table, utcYmd } from "./helpers";

afterEach(() => useLanguage("en"));

function problemsOf(lang: Language, offer: CellLike[], lines: CellLike[][]): string[] {
  useLanguage(lang);
  const offerHeaders = lang === "nl" ? OFFER_HEADERS_NL : OFFER_HEADERS;
  const lineHeaders = lang === "nl" ? LINE_HEADERS_NL : LINE_HEADERS;
  const ot = { ...table(offerHeaders, [offer]), name: SHEET_NAMES.offers[lang] };
  const lt = { ...table(lineHeaders, lines), name: SHEET_NAMES.lines[lang] };
  const parsed = parseLines(lt, matchHeaders(lt.header, LINE_COLUMNS).columns);
  const offers = parseOffers(ot, matchHeaders(ot.header, OFFER_COLUMNS).columns, parsed, utcYmd);
  return [...(offers[0]?.problems ?? [])];
}

const OK_OFFER: CellLike[] = ["A1", "cst_a", "2025-04-14"];
const OK_LINE: CellLike[] = ["A1", "Website", "12.95", 21];

// Input → the problem in English and in Dutch (the whole entry, or what it starts with).
const OFFER_CASES: [string, CellLike[], RegExp, RegExp][] = [
  ["no offer number", ["", "cst_a", "2025-04-14"], /^Offer number missing$/, /^Offertenummer ontbreekt$/],
  ["no customer", ["A1", "", "2025-04-14"], /^Customer ID missing$/, /^Klant-ID ontbreekt$/],
  [
    "a customer that is no ID",
    ["A1", "abc", "2025-04-14"],
    /^Customer ID "abc" is not a customer ID .*cst_abc123.*copy it/,
    /^Klant-ID "abc" is geen klant-ID .*cst_abc123.*kopieer/,
  ],
  ["no issue date", ["A1", "cst_a", ""], /^Issued at missing$/, /^Offertedatum ontbreekt$/],
  [
    "#N/A as the customer",
    ["A1", "#N/A", "2025-04-14"],
    /^Customer ID shows #N\/A: a lookup formula found nothing: check the value it looks up, or type the value$/,
    /^Klant-ID toont #N\/A: een zoekformule vond niets: controleer wat er wordt opgezocht, of typ de waarde$/,
  ],
  [
    "#REF! as the issue date",
    ["A1", "cst_a", "#REF!"],
    /^Issued at shows #REF!: .*fix the formula/,
    /^Offertedatum toont #REF!: .*herstel de formule/,
  ],
  [
    "an expiry before the issue date",
    ["A1", "cst_a", "2025-04-14", "2025-04-01"],
    /^Expires at 2025-04-01 is before Issued at 2025-04-14: correct one/,
    /^Vervaldatum 2025-04-01 ligt vóór Offertedatum 2025-04-14: verbeter een van beide/,
  ],
  [
    "a notification that is no yes or no",
    ["A1", "cst_a", "2025-04-14", "", "misschien"],
    /^Send notification: "misschien" is not yes or no/,
    /^Notificatie versturen: "misschien" is geen ja of nee/,
  ],
  [
    "an offer number of 51 characters",
    ["x".repeat(51), "cst_a", "2025-04-14"],
    /^Offer number is 51 characters long, at most 50 are allowed: shorten it$/,
    /^Offertenummer is 51 tekens lang \(maximaal 50\): maak de tekst korter$/,
  ],
];

const LINE_CASES: [string, CellLike[], RegExp, RegExp][] = [
  [
    "no description",
    ["A1", "", "12.95", 21],
    /^Line 1 \(row 2 of Offer lines\): Description missing$/,
    /^Regel 1 \(rij 2 in Offerteregels\): Omschrijving ontbreekt$/,
  ],
  [
    "no amount",
    ["A1", "x", "", 21],
    /^Line 1 \(row 2 of Offer lines\): Amount excl\. VAT missing$/,
    /^Regel 1 \(rij 2 in Offerteregels\): Bedrag excl\. btw ontbreekt$/,
  ],
  [
    "a rate that is not allowed",
    ["A1", "x", "1", 20],
    /^Line 1 \(row 2 of Offer lines\): VAT rate: 20 is not an allowed rate \(use 21, 9 or 0\)$/,
    /^Regel 1 \(rij 2 in Offerteregels\): Btw-tarief: 20 is geen toegestaan tarief \(gebruik 21, 9 of 0\)$/,
  ],
  [
    "a rate that is no number",
    ["A1", "x", "1", "hoog"],
    /VAT rate: "hoog" is not a VAT rate \(use 21, 9 or 0\)$/,
    /Btw-tarief: "hoog" is geen btw-tarief \(gebruik 21, 9 of 0\)$/,
  ],
  [
    "#N/A as the amount",
    ["A1", "x", "#N/A", 21],
    /: Amount excl\. VAT shows #N\/A: a lookup formula found nothing/,
    /: Bedrag excl\. btw toont #N\/A: een zoekformule vond niets/,
  ],
  [
    "a description of 2001 characters",
    ["A1", "y".repeat(2001), "1", 21],
    /: Description is 2001 characters long, at most 2000 are allowed: shorten it$/,
    /: Omschrijving is 2001 tekens lang \(maximaal 2000\): maak de tekst korter$/,
  ],
];

describe("validation in both languages", () => {
  test.each(OFFER_CASES)("%s: the field is named in each language", (_what, offer, en, nl) => {
    const line = [String(offer[0] ?? ""), "Website", "12.95", 21];
    const english = problemsOf("en", offer, [line]);
    const dutch = problemsOf("nl", offer, [line]);
    expect(english.some((p) => en.test(p))).toBe(true);
    expect(dutch.some((p) => nl.test(p))).toBe(true);
    // The same problems, each said once, in each language.
    expect(dutch).toHaveLength(english.length);
  });

  test.each(LINE_CASES)("%s: the line and the field are named in each language", (_what, line, en, nl) => {
    expect(problemsOf("en", OK_OFFER, [line])).toEqual([expect.stringMatching(en)]);
    expect(problemsOf("nl", OK_OFFER, [line])).toEqual([expect.stringMatching(nl)]);
  });

  test("several problems of one line are one entry, each field once (no repeated prefixes)", () => {
    const line = ["A1", "", "12.95", ""];
    const lines = [OK_LINE, line];
    expect(problemsOf("en", OK_OFFER, lines)).toEqual([
      "Line 2 (row 3 of Offer lines): Description missing, VAT rate missing",
    ]);
    expect(problemsOf("nl", OK_OFFER, lines)).toEqual([
      "Regel 2 (rij 3 in Offerteregels): Omschrijving ontbreekt, Btw-tarief ontbreekt",
    ]);
  });

  test("an offer without lines says where to add them, in the sheet's own name", () => {
    expect(problemsOf("en", OK_OFFER, [["B2", "x", 1, 21]])).toEqual([
      "Lines missing: add rows with offer number A1 to Offer lines",
    ]);
    expect(problemsOf("nl", OK_OFFER, [["B2", "x", 1, 21]])).toEqual([
      "Regels ontbreken: voeg in Offerteregels rijen toe met offertenummer A1",
    ]);
  });

  test("fields are named as the sheet's headers are: a Dutch run on an English sheet says Description", () => {
    useLanguage("nl");
    const ot = { ...table(OFFER_HEADERS, [["A1", "", "2025-04-14", "2025-04-01"]]), name: "Offers" };
    const lt = { ...table(LINE_HEADERS, [["A1", "", "12.95", ""]]), name: "Offer lines" };
    const parsed = parseLines(lt, matchHeaders(lt.header, LINE_COLUMNS).columns);
    const offers = parseOffers(ot, matchHeaders(ot.header, OFFER_COLUMNS).columns, parsed, utcYmd);
    expect(offers[0]?.problems).toEqual([
      "Customer ID ontbreekt",
      "Expires at 2025-04-01 ligt vóór Issued at 2025-04-14: verbeter een van beide, of maak Expires at leeg (dan geldt 30 dagen na Issued at)",
      "Regel 1 (rij 2 in Offer lines): Description ontbreekt, VAT rate ontbreekt",
    ]);
  });

  test("a valid offer has no problems in either language", () => {
    expect(problemsOf("en", OK_OFFER, [OK_LINE])).toEqual([]);
    expect(problemsOf("nl", OK_OFFER, [OK_LINE])).toEqual([]);
  });
});

describe("headers, sheets and statuses in both languages", () => {
  test("Dutch headers match every column, compared as CONTRACT §4 says", () => {
    const offers = matchHeaders(OFFER_HEADERS_NL, OFFER_COLUMNS);
    expect(offers.missing.map((s) => s.key)).toEqual(["ref"]);
    expect(matchHeaders(LINE_HEADERS_NL, LINE_COLUMNS).missing.map((s) => s.key)).toEqual(["message"]);
    const variants = matchHeaders(
      ["klant id", "OFFERTE_NUMMER", "bedrag excl btw", "BTW tarief"],
      [...OFFER_COLUMNS, ...LINE_COLUMNS],
    );
    expect(variants.columns).toMatchObject({ customerId: 0, offerNumber: 1, amountExclVat: 2, vatRate: 3 });
  });

  test("a sheet's language is the one most of its headers are in", () => {
    expect(headerLanguage(OFFER_HEADERS, OFFER_COLUMNS)).toBe("en");
    expect(headerLanguage(OFFER_HEADERS_NL, OFFER_COLUMNS)).toBe("nl");
    expect(headerLanguage(["Status"], OFFER_COLUMNS)).toBeNull();
    expect(headerLanguage(["Offertenummer", "Klant-ID", "Issued at", "Status"], OFFER_COLUMNS)).toBe("nl");
    expect(headerLanguage(["Gestart op", "Actie", "Melding"], RUN_LOG_COLUMNS)).toBe("nl");
  });

  test("sheet names are recognised in both languages", () => {
    const ids = Object.keys(SHEET_NAMES) as (keyof typeof SHEET_NAMES)[];
    ids.forEach((id, i) => {
      expect(isSheetNamed(SHEETS_EN[i] ?? "", id)).toBe(true);
      expect(isSheetNamed(SHEETS_NL[i] ?? "", id)).toBe(true);
      expect(isSheetNamed(` ${(SHEETS_NL[i] ?? "").toUpperCase()} `, id)).toBe(true);
    });
    expect(isSheetNamed("Offers 2024", "offers")).toBe(false);
  });

  test("statuses are read in both languages and written in the sheet's", () => {
    STATUSES_EN.forEach((en, i) => {
      const nl = STATUSES_NL[i] ?? "";
      expect(statusOf(nl)).toBe(statusOf(en));
      expect(statusOf(` ${nl.toUpperCase()} `)).toBe(statusOf(en));
      expect(statusOf(en)).not.toBe("unknown");
      expect(statusIn(en, "nl")).toBe(nl);
      expect(statusIn(en, "en")).toBe(en);
    });
    expect(Object.keys(STATUS_WORDS)).toHaveLength(STATUSES_EN.length);
    expect(statusOf("overslaan")).toBe("skip");
    expect(statusOf("toch  versturen")).toBe("sendAnyway");
    // What the user typed stays as typed.
    expect(statusIn("toch versturen", "nl")).toBe("toch versturen");
    expect(statusIn("", "nl")).toBe("");
    expect(statusIn("Later", "nl")).toBe("Later");
  });
});

describe("the catalogue", () => {
  // Calls every text with sample arguments of the right kinds.
  const SAMPLES: Record<string, unknown[]> = {
    summary: [{ created: 2, failed: 1, invalid: 1, pending: 1, skipped: 1 }],
    validated: [{ pending: 2, invalid: 1, skipped: 1 }],
    refreshSummary: [{ refreshed: 2, unchanged: 1, deleted: 1, left: 1, more: true, requests: 3 }],
    orphans: [3, [8, 9], "Offer lines"],
    lostRows: [["A-1"]],
    setupDone: [["A", "B", "C"]],
    missingColumns: ["Offers", ["Status"]],
    duplicateNumber: ["Offer number", "A1", [3], "Offers"],
    lineProblems: [1, 19, "Offer lines", ["x"]],
    mailSubject: ["stopped"],
  };
  const call = (fn: unknown, name: string): string => {
    const f = fn as (...a: unknown[]) => string;
    return f(...(SAMPLES[name] ?? Array.from({ length: f.length }, (_, i) => (i % 2 ? 7 : "X"))));
  };
  const SAME_IN_BOTH = new Set(["fieldProblem", "apiReason"]);

  test("every English text has a Dutch one that is actually Dutch", () => {
    const en = TEXTS_EN as unknown as Record<string, unknown>;
    const nl = TEXTS_NL as unknown as Record<string, unknown>;
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
    for (const [name, fn] of Object.entries(en)) {
      if (typeof fn !== "function" || SAME_IN_BOTH.has(name)) continue;
      const e = call(fn, name);
      const n = call(nl[name], name);
      expect({ name, different: n !== e, nonEmpty: n.trim() !== "" }).toEqual({
        name,
        different: true,
        nonEmpty: true,
      });
    }
    for (const group of [MENU_LABELS, FIELD_NAMES]) {
      const e = group.en as Readonly<Record<string, string>>;
      const n = group.nl as Readonly<Record<string, string>>;
      expect(Object.keys(n).sort()).toEqual(Object.keys(e).sort());
      for (const key of Object.keys(e)) expect(n[key]).not.toBe(e[key]);
    }
  });

  test("texts never hold a doubled full stop or a plural after one row", () => {
    for (const lang of [TEXTS_EN, TEXTS_NL]) {
      const all = Object.entries(lang as unknown as Record<string, unknown>)
        .filter(([, fn]) => typeof fn === "function")
        .map(([name, fn]) => call(fn, name));
      for (const text of all) expect(text).not.toMatch(/\.\.(?!\.)|\s\.|\(rows? \)/);
    }
    expect(TEXTS_EN.orphans(1, [8], "Offer lines")).toBe(
      "Lines that match no offer: row 8 of Offer lines. Correct its offer number.",
    );
    expect(TEXTS_NL.orphans(2, [8], "Offerteregels")).toMatch(
      /^Regels die bij geen enkele offerte horen: rijen 8 en nog 1 in Offerteregels\./,
    );
  });

  test("sentences joins parts with one full stop each", () => {
    expect(sentences("Nothing was sent.", "", "1 row could not be marked", " ")).toBe(
      "Nothing was sent. 1 row could not be marked.",
    );
    expect(
      sentences(TEXTS_EN.validated({ pending: 1, invalid: 0, skipped: 0 }, "Message"), TEXTS_EN.notMarked(1)),
    ).toBe(
      "1 offer ready to send, 0 with mistakes to fix (see Message), 0 skipped. Nothing was sent. 1 row could not be marked.",
    );
  });
});
