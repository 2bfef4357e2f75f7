// Status refresh decisions (src/core/refresh.ts) beside the pass bookkeeping of refresh-pass.test.ts:
// what an offer's state in MijnKlantportaal makes of its row, and a row's place in a pass.

import { describe, expect, test } from "@jest/globals";
import type { OfferRow } from "../../src/core/offer-types";
import { derivedStatus, placeOf, refreshValues } from "../../src/core/refresh";
import type { CreatedOffer } from "../../src/core/responses";

const TODAY = "2026-12-01";

const offer = (over: Partial<CreatedOffer> = {}): CreatedOffer => ({
  id: "off_1",
  amount: "121.00",
  createdAt: "2026-11-01T09:00:00+00:00",
  offerNumber: "K-1",
  customerId: "cst_a",
  acceptedAt: null,
  rejectedAt: null,
  expiresAt: "2026-12-31",
  ...over,
});

const row = (over: Partial<OfferRow> = {}): OfferRow => ({
  sheetRow: 2,
  key: "k-1",
  offerNumber: "K-1",
  customerId: "cst_a",
  status: "created",
  statusText: "created",
  offerId: "off_1",
  message: "",
  expiresAt: "2026-12-31",
  ref: "",
  body: null,
  problems: [],
  ...over,
});

const fmt = (iso: string) => `T(${iso})`;
const shown = { amount: "121.00", acceptedAt: "", rejectedAt: "" };

describe("derivedStatus", () => {
  test.each([
    [{ acceptedAt: "2026-11-20T10:00:00+00:00" }, null, "accepted"],
    [{ rejectedAt: "2026-11-20T10:00:00+00:00" }, null, "rejected"],
    // Both set (the API allows it): accepted wins.
    [{ acceptedAt: "2026-11-20T10:00:00+00:00", rejectedAt: "2026-11-21T10:00:00+00:00" }, null, "accepted"],
    [{ expiresAt: "2026-11-30" }, null, "expired"],
    [{ expiresAt: TODAY }, null, "created"],
    [{ expiresAt: "2026-12-02" }, null, "created"],
    // The API gave no expiry: the row's own date decides.
    [{ expiresAt: "" }, "2026-11-01", "expired"],
    [{ expiresAt: "" }, "2027-01-01", "created"],
    [{ expiresAt: "" }, null, "created"],
    // An accepted offer past its date is still accepted.
    [{ acceptedAt: "2026-11-20T10:00:00+00:00", expiresAt: "2026-11-25" }, null, "accepted"],
  ] as [Partial<CreatedOffer>, string | null, string][])(
    "%j, row expires %j → %s",
    (over, rowExpiry, status) => {
      expect(derivedStatus(offer(over), rowExpiry, TODAY)).toBe(status);
    },
  );
});

describe("refreshValues", () => {
  test("a row that already shows the offer's state is not written", () => {
    expect(refreshValues(row(), shown, offer(), fmt, TODAY)).toBeNull();
  });

  test("accepted: status and the time, as the sheet shows times; the message cleared", () => {
    const at = "2026-11-20T10:00:00+00:00";
    expect(refreshValues(row(), shown, offer({ acceptedAt: at }), fmt, TODAY)).toEqual({
      status: "accepted",
      amount: "121.00",
      acceptedAt: `T(${at})`,
      rejectedAt: "",
      message: "",
    });
  });

  test("a changed amount alone is written", () => {
    expect(refreshValues(row(), shown, offer({ amount: "242.00" }), fmt, TODAY)).toMatchObject({
      status: "created",
      amount: "242.00",
    });
  });

  test("an old message is cleared even when nothing else changed", () => {
    expect(refreshValues(row({ message: "Not checked: no answer" }), shown, offer(), fmt, TODAY)).toEqual({
      status: "created",
      amount: "121.00",
      acceptedAt: "",
      rejectedAt: "",
      message: "",
    });
  });

  test("the warning that the amount is not the lines' total is kept while it is not, cleared once it is", () => {
    const body = {
      customerId: "cst_a",
      offerNumber: "K-1",
      issuedAt: "2026-11-01",
      expiresAt: "2026-12-31",
      lines: [{ description: "Work", amountExclVat: "100.00", vatRate: 21 }],
    };
    const warning = refreshValues(
      row({ body }),
      { ...shown, amount: "1.00" },
      offer({ amount: "1.00" }),
      fmt,
      TODAY,
    );
    expect(warning?.message).toMatch(/^Created, but in MijnKlantportaal this offer's amount is 1\.00,/);
    const warned = row({ body, message: warning?.message ?? "" });
    expect(
      refreshValues(warned, { ...shown, amount: "1.00" }, offer({ amount: "1.00" }), fmt, TODAY),
    ).toBeNull();
    expect(
      refreshValues(warned, { ...shown, amount: "1.00" }, offer({ amount: "121.00" }), fmt, TODAY),
    ).toEqual({
      status: "created",
      amount: "121.00",
      acceptedAt: "",
      rejectedAt: "",
      message: "",
    });
  });

  test("an acceptance withdrawn in MijnKlantportaal clears the time shown", () => {
    const r = row({ status: "accepted", statusText: "accepted" });
    const before = { ...shown, acceptedAt: "2026-11-20 10:00:00" };
    expect(refreshValues(r, before, offer(), fmt, TODAY)).toMatchObject({
      status: "created",
      acceptedAt: "",
    });
  });

  test("expired: by the offer's date, against today in the sheet's zone", () => {
    const r = row({ expiresAt: "2026-11-30" });
    expect(refreshValues(r, shown, offer({ expiresAt: "2026-11-30" }), fmt, TODAY)?.status).toBe("expired");
    expect(refreshValues(r, shown, offer({ expiresAt: "2026-11-30" }), fmt, "2026-11-30")).toBeNull();
  });
});

describe("placeOf", () => {
  const stamp = (r: { offerId: string; s: string | null }) => r.s;

  test("the stamp, then the offer ID: rows created in one second still differ, and sort by time", () => {
    const a = placeOf({ offerId: "off_a", s: "2026-12-01 09:00:00" }, stamp);
    const b = placeOf({ offerId: "off_b", s: "2026-12-01 09:00:00" }, stamp);
    const c = placeOf({ offerId: "off_0", s: "2026-12-01 09:00:01" }, stamp);
    expect(a).toBe("2026-12-01 09:00:00 off_a");
    expect(a).not.toBe(b);
    expect([c, b, a].sort()).toEqual([a, b, c]);
  });

  test("a row without a stamp has no place", () => {
    expect(placeOf({ offerId: "off_a", s: null }, stamp)).toBeNull();
  });
});
