// Adversarial dates in a status refresh: `expired` decided on the day itself and the day after in the
// spreadsheet's zone (far from UTC), offers accepted after they expired, accept times that fall on
// another day in the sheet's zone, edited Expires at cells and expiry dates in odd forms.

import { afterAll, describe, expect, test } from "@jest/globals";
import { expectOk, type Row, stopDouble, world } from "./world";

afterAll(stopDouble);

interface Created {
  number: string;
  expires: string;
  /** What MijnKlantportaal holds as expiresAt (default: the same as the cell). */
  apiExpires?: string;
  status?: string;
}

/** Rows already created (status, Offer ID, Created at filled) and the offers the double holds. */
function createdRows(rows: Created[]) {
  const offers: Row[] = [];
  const lines: Row[] = [];
  const seeds = [];
  for (const [i, r] of rows.entries()) {
    const id = `off_dates${String(i + 1).padStart(5, "0")}`;
    offers.push([
      r.number,
      "cst_demo0001",
      "2025-03-01",
      r.expires,
      "",
      r.status ?? "created",
      id,
      "10.00",
      "",
      "2025-03-01 09:00:00",
    ]);
    lines.push([r.number, "Work", "10.00", 21]);
    seeds.push({
      id,
      offerNumber: r.number,
      customerId: "cst_demo0001",
      issuedAt: "2025-03-01",
      expiresAt: r.apiExpires ?? r.expires,
      amount: "10.00",
    });
  }
  return { offers, lines, seeds };
}

describe("expired: the day after Expires at, in the spreadsheet's time zone (CONTRACT §4)", () => {
  test.each([
    // [sheet zone, script zone, now (UTC), the sheet's today]
    ["Pacific/Auckland", "America/Los_Angeles", "2025-04-14T11:59:00Z", "2025-04-14"],
    ["Pacific/Auckland", "America/Los_Angeles", "2025-04-14T12:00:00Z", "2025-04-15"],
    ["America/Los_Angeles", "Pacific/Auckland", "2025-04-15T06:59:00Z", "2025-04-14"],
    ["America/Los_Angeles", "Pacific/Auckland", "2025-04-15T07:00:00Z", "2025-04-15"],
    ["Asia/Kolkata", "Etc/UTC", "2025-04-14T18:29:00Z", "2025-04-14"],
    ["Asia/Kolkata", "Etc/UTC", "2025-04-14T18:30:00Z", "2025-04-15"],
    // DST ends in Amsterdam on 2025-10-26 (a 25-hour day): its last minute is 22:59 UTC.
    ["Europe/Amsterdam", "Asia/Tokyo", "2025-10-26T22:59:00Z", "2025-10-26"],
    ["Europe/Amsterdam", "Asia/Tokyo", "2025-10-26T23:00:00Z", "2025-10-27"],
  ])("sheet in %s, script in %s, at %s (the sheet's %s)", async (ssZone, scriptZone, nowIso, today) => {
    const prev = (ymd: string) =>
      new Date(Date.parse(`${ymd}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const data = createdRows([
      { number: "EXP-TODAY", expires: today },
      { number: "EXP-YESTERDAY", expires: prev(today) },
    ]);
    const w = await world({
      timeZone: ssZone,
      runtime: { scriptTimeZone: scriptZone, startTime: Date.parse(nowIso) },
      offers: data.offers,
      lines: data.lines,
    });
    await w.api.seedOffers(data.seeds);
    expectOk(w.run("refreshOfferStatuses"));
    // An offer that expires today can still be accepted today: not in the past until tomorrow.
    expect(w.column("Status")).toEqual(["created", "expired"]);
  });

  test("the spreadsheet's zone changed between refreshes: today is the new zone's", async () => {
    const data = createdRows([{ number: "TZ-1", expires: "2025-04-14" }]);
    // 2025-04-14 20:00 UTC: the 14th in Amsterdam, already the 15th in Auckland.
    const w = await world({
      runtime: { startTime: Date.parse("2025-04-14T20:00:00Z") },
      offers: data.offers,
      lines: data.lines,
    });
    await w.api.seedOffers(data.seeds);
    expectOk(w.run("refreshOfferStatuses"));
    expect(w.column("Status")).toEqual(["created"]);
    w.ss.timeZone = "Pacific/Auckland";
    expectOk(w.run("refreshOfferStatuses"));
    expect(w.column("Status")).toEqual(["expired"]);
  });
});

describe("accepted after expiry, and accept times on another day in the sheet's zone", () => {
  test("an `expired` row whose offer is accepted later becomes accepted, with its time", async () => {
    const data = createdRows([{ number: "LATE-1", expires: "2025-04-01" }]);
    const w = await world({ offers: data.offers, lines: data.lines });
    await w.api.seedOffers(data.seeds);
    expectOk(w.run("refreshOfferStatuses"));
    expect(w.column("Status")).toEqual(["expired"]);
    await w.api.updateOffer("off_dates00001", { acceptedAt: "2025-04-14T09:15:00+02:00" });
    expectOk(w.run("refreshOfferStatuses"));
    expect(w.column("Status")).toEqual(["accepted"]);
    expect(w.column("Accepted at")).toEqual(["2025-04-14 09:15:00"]);
    expect(w.column("Message")).toEqual([""]);
  });

  test.each([
    // [sheet zone, acceptedAt from the API, Accepted at as the sheet shows it]
    ["Pacific/Auckland", "2025-04-13T23:30:00+00:00", "2025-04-14 11:30:00"],
    ["Pacific/Auckland", "2025-04-13T23:30:00Z", "2025-04-14 11:30:00"],
    ["America/Los_Angeles", "2025-04-14T01:30:00+02:00", "2025-04-13 16:30:00"],
    ["Asia/Kolkata", "2025-04-13T18:45:00Z", "2025-04-14 00:15:00"],
    ["Asia/Kolkata", "2025-04-14T00:15:00+0530", "2025-04-14 00:15:00"],
    ["Europe/Amsterdam", "2025-10-26T00:30:00Z", "2025-10-26 02:30:00"],
    ["Europe/Amsterdam", "2025-10-26T01:30:00Z", "2025-10-26 02:30:00"],
  ])("sheet in %s: acceptedAt %s is shown as %s", async (ssZone, acceptedAt, shown) => {
    const data = createdRows([{ number: "ACC-1", expires: "2025-12-31" }]);
    const w = await world({ timeZone: ssZone, offers: data.offers, lines: data.lines });
    await w.api.seedOffers(data.seeds);
    await w.api.updateOffer("off_dates00001", { acceptedAt });
    expectOk(w.run("refreshOfferStatuses"));
    expect(w.column("Status")).toEqual(["accepted"]);
    expect(w.column("Accepted at")).toEqual([shown]);
    // Shown as text in the sheet's zone: a second refresh sees the same and changes nothing.
    const before = w.offers();
    expectOk(w.run("refreshOfferStatuses"));
    expect(w.offers()).toEqual(before);
  });
});

describe("Expires at edited after creation, and expiry dates in odd forms", () => {
  test("the offer's own expiry in MijnKlantportaal decides, not a cell edited since it was sent", async () => {
    const data = createdRows([
      // Extended in the sheet only: MijnKlantportaal still has the old date, the customer cannot accept.
      { number: "ED-1", expires: "2025-05-31", apiExpires: "2025-04-01" },
      // Shortened in the sheet only: the offer is still open there.
      { number: "ED-2", expires: "2025-04-01", apiExpires: "2025-05-31" },
    ]);
    const w = await world({ offers: data.offers, lines: data.lines });
    await w.api.seedOffers(data.seeds);
    expectOk(w.run("refreshOfferStatuses"));
    expect(w.column("Status")).toEqual(["expired", "created"]);
    // The cells the user typed are left as they are.
    expect(w.column("Expires at")).toEqual(["2025-05-31", "2025-04-01"]);
  });

  test.each([
    // [expiresAt as the API gives it, the status on 2025-04-14 in Amsterdam]
    ["2025-04-14T00:00:00+02:00", "created"],
    // The same instant in UTC: still the 14th in the sheet's zone, not in the past.
    ["2025-04-13T22:00:00Z", "created"],
    ["2025-04-13T23:59:59+02:00", "expired"],
    ["2025-04-13 23:59:59", "expired"],
  ])("the API's expiresAt %s → %s", async (apiExpires, status) => {
    const data = createdRows([{ number: "ODD-1", expires: "2025-04-14", apiExpires }]);
    const w = await world({ offers: data.offers, lines: data.lines });
    await w.api.seedOffers(data.seeds);
    expectOk(w.run("refreshOfferStatuses"));
    expect(w.column("Status")).toEqual([status]);
  });

  test("no expiry from the API: the row's Expires at date cell is read in the sheet's zone (Auckland)", async () => {
    const data = createdRows([
      { number: "CELL-1", expires: "", apiExpires: "" },
      { number: "CELL-2", expires: "", apiExpires: "" },
    ]);
    // Date cells late on the 13th and on the 14th, Auckland time; now is the 14th there (UTC: the 13th).
    data.offers[0]![3] = { date: "2025-04-13T23:30", f: "yyyy-mm-dd" };
    data.offers[1]![3] = { date: "2025-04-14T23:30", f: "yyyy-mm-dd" };
    const w = await world({
      timeZone: "Pacific/Auckland",
      runtime: { scriptTimeZone: "America/Los_Angeles", startTime: Date.parse("2025-04-13T13:00:00Z") },
      offers: data.offers,
      lines: data.lines,
    });
    await w.api.seedOffers(data.seeds);
    expectOk(w.run("refreshOfferStatuses"));
    expect(w.column("Status")).toEqual(["expired", "created"]);
  });

  test.each(["14-04-2025", "30/04/2025", "April 30, 2025", ""])(
    "an expiresAt that is no date (%p) is never read as one: the row's own Expires at decides",
    async (apiExpires) => {
      const data = createdRows([
        { number: "BAD-OPEN", expires: "2025-04-30", apiExpires },
        { number: "BAD-PAST", expires: "2025-04-01", apiExpires },
      ]);
      const w = await world({ offers: data.offers, lines: data.lines });
      await w.api.seedOffers(data.seeds);
      expectOk(w.run("refreshOfferStatuses"));
      expect(w.column("Status")).toEqual(["created", "expired"]);
    },
  );
});
