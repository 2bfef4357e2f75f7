// Valid but implausible offers wait as `warning` until the user fixes the row or types send anyway
// (CONTRACT §5): the reasons, in both languages, and what the plan does with such a row.

import { useLanguage } from "../../src/core/language";
import { foldLedger } from "../../src/core/ledger";
import type { CreateOfferBody, OfferRow } from "../../src/core/offer-types";
import { planRun } from "../../src/core/plan-run";
import { implausibilities } from "../../src/core/plausibility";

const body = (over: Partial<CreateOfferBody> = {}, amounts: string[] = ["12.95"]): CreateOfferBody => ({
  customerId: "cst_a",
  offerNumber: "A1",
  issuedAt: "2025-04-14",
  expiresAt: "2025-05-14",
  lines: amounts.map((amountExclVat) => ({ description: "Work", amountExclVat, vatRate: 21 })),
  ...over,
});

afterEach(() => useLanguage("en"));

describe("reasons to hold an offer back (today is 2025-04-14)", () => {
  const TODAY = "2025-04-14";
  // [case, body, English reasons, Dutch reasons]
  const CASES: [string, CreateOfferBody, string[], string[]][] = [
    ["plausible", body(), [], []],
    ["issued exactly a year ahead", body({ issuedAt: "2026-04-14", expiresAt: "2026-05-14" }), [], []],
    ["issued exactly a year ago", body({ issuedAt: "2024-04-14", expiresAt: "2024-05-14" }), [], []],
    [
      "issued in 2099",
      body({ issuedAt: "2099-01-01", expiresAt: "2099-01-31" }),
      ["Issued at 2099-01-01 is more than a year in the future"],
      ["Offertedatum 2099-01-01 ligt meer dan een jaar in de toekomst"],
    ],
    [
      "issued a year and a day ago",
      body({ issuedAt: "2024-04-13", expiresAt: "2024-05-13" }),
      ["Issued at 2024-04-13 is more than a year in the past"],
      ["Offertedatum 2024-04-13 ligt meer dan een jaar in het verleden"],
    ],
    ["expires exactly a year after issue", body({ expiresAt: "2026-04-14" }), [], []],
    [
      "expires a year and a day after issue",
      body({ expiresAt: "2026-04-15" }),
      ["Expires at 2026-04-15 is more than a year after Issued at (2025-04-14)"],
      ["Vervaldatum 2026-04-15 ligt meer dan een jaar na Offertedatum (2025-04-14)"],
    ],
    ["a discount line in a positive total", body({}, ["100.00", "-99.99"]), [], []],
    [
      "a total of -100.00",
      body({}, ["-100.00"]),
      ["the total excl. VAT is -100.00, zero or less"],
      ["het totaal excl. btw is -100,00, nul of minder"],
    ],
    [
      "a total of zero (0.1 + 0.2 - 0.3 in cents)",
      body({}, ["0.10", "0.20", "-0.30"]),
      ["the total excl. VAT is 0.00, zero or less"],
      ["het totaal excl. btw is 0,00, nul of minder"],
    ],
    [
      "an offer number typed as =1+1",
      body({ offerNumber: "=1+1" }),
      ['Offer number "=1+1" starts with "=" (a formula typed as text?)'],
      ['Offertenummer "=1+1" begint met "=" (een formule die als tekst is getypt?)'],
    ],
    ["an offer number with = later on", body({ offerNumber: "A=1" }), [], []],
    [
      "everything at once",
      body({ offerNumber: "=X", issuedAt: "2099-01-01", expiresAt: "2100-06-01" }, ["0.00"]),
      [
        'Offer number "=X" starts with "=" (a formula typed as text?)',
        "Issued at 2099-01-01 is more than a year in the future",
        "Expires at 2100-06-01 is more than a year after Issued at (2099-01-01)",
        "the total excl. VAT is 0.00, zero or less",
      ],
      [
        'Offertenummer "=X" begint met "=" (een formule die als tekst is getypt?)',
        "Offertedatum 2099-01-01 ligt meer dan een jaar in de toekomst",
        "Vervaldatum 2100-06-01 ligt meer dan een jaar na Offertedatum (2099-01-01)",
        "het totaal excl. btw is 0,00, nul of minder",
      ],
    ],
  ];
  test.each(CASES)("%s", (_label, b, english, dutch) => {
    useLanguage("en");
    expect(implausibilities(b, TODAY)).toEqual(english);
    useLanguage("nl");
    expect(implausibilities(b, TODAY)).toEqual(dutch);
  });

  test("a year from 29 February 2024 is 28 February 2025", () => {
    expect(implausibilities(body({ issuedAt: "2025-02-28", expiresAt: "2025-03-01" }), "2024-02-29")).toEqual(
      [],
    );
    expect(implausibilities(body({ issuedAt: "2025-03-01", expiresAt: "2025-03-02" }), "2024-02-29")).toEqual(
      ["Issued at 2025-03-01 is more than a year in the future"],
    );
  });
});

describe("the plan holds implausible offers back until send anyway", () => {
  const row = (b: CreateOfferBody, statusText = "", status: OfferRow["status"] = "pending"): OfferRow => ({
    sheetRow: 2,
    key: b.offerNumber.toLowerCase(),
    offerNumber: b.offerNumber,
    customerId: b.customerId,
    status,
    statusText,
    offerId: "",
    message: "",
    expiresAt: b.expiresAt,
    ref: "",
    body: b,
    problems: [],
  });
  const options = {
    selected: null,
    validateOnly: false,
    ledger: foldLedger([]),
    nowMs: Date.UTC(2025, 3, 14, 8),
    today: "2025-04-14",
    formatTime: (ms: number) => new Date(ms).toISOString(),
    respectBackoff: false,
  };
  const late = body({ issuedAt: "2099-01-01", expiresAt: "2099-01-31" }, ["-100.00"]);

  test.each([
    [
      "en",
      'Not sent: Issued at 2099-01-01 is more than a year in the future; the total excl. VAT is -100.00, zero or less. Fix the row, or type "send anyway" in Status if it is right as it is.',
    ],
    [
      "nl",
      'Niet verstuurd: Offertedatum 2099-01-01 ligt meer dan een jaar in de toekomst; het totaal excl. btw is -100,00, nul of minder. Pas de rij aan, of typ "toch versturen" in Status als de offerte zo klopt.',
    ],
  ] as const)("a pending row becomes warning, with every reason and what to do (%s)", (lang, message) => {
    useLanguage(lang);
    const plan = planRun([row(late)], options);
    expect(plan.toSend).toEqual([]);
    expect(plan.updates.map((u) => u.values)).toEqual([{ status: "warning", message }]);
    expect(plan.counts.skipped).toBe(1);
    // Validating shows the same warning.
    expect(planRun([row(late)], { ...options, validateOnly: true }).updates.map((u) => u.values)).toEqual([
      { status: "warning", message },
    ]);
  });

  test("send anyway sends it; a fixed warning row is sent; an unchanged warning is not rewritten", () => {
    expect(planRun([row(late, "send anyway", "sendAnyway")], options).toSend.map((s) => s.body)).toEqual([
      late,
    ]);
    expect(planRun([row(body(), "warning", "warning")], options).toSend.map((s) => s.offerNumber)).toEqual([
      "A1",
    ]);
    const shown = planRun([row(late)], options).updates[0]?.values.message ?? "";
    const again = { ...row(late, "warning", "warning"), message: shown };
    const plan = planRun([again], options);
    expect(plan.toSend).toEqual([]);
    expect(plan.updates).toEqual([]);
  });

  test("an offer number this product created before and an implausible total: both said, one send anyway", () => {
    const ledger = foldLedger([
      {
        ref: "r1",
        event: "created",
        offerNumber: "A1",
        customerId: "cst_a",
        issuedAt: "2025-04-14",
        expiresAt: "2025-05-14",
        bodyHash: "",
        at: Date.UTC(2025, 3, 1),
        offerId: "off_1",
        createdAt: "2025-04-01T00:00:00+00:00",
      },
    ]);
    const zero = body({}, ["0.00"]);
    const message = planRun([row(zero)], { ...options, ledger }).updates[0]?.values.message ?? "";
    expect(message).toMatch(/already has offer A1 \(off_1\)/);
    expect(message).toMatch(/the total excl\. VAT is 0\.00, zero or less/);
    expect(planRun([row(zero, "send anyway", "sendAnyway")], { ...options, ledger }).toSend).toHaveLength(1);
  });
});
