// createOffers (src/app/create-offers.ts) run directly on fakes of the ports: valid rows created
// once with their IDs written, invalid rows not sent and named, a refused row failed, a row whose
// answer was lost left `sending` and settled by a lookup in the next run; requests and sheet calls
// counted, and every mark flushed before the first request goes out.

import { describe, expect, test } from "@jest/globals";
import { createOffers, validateOffers } from "../../src/app/create-offers";
import { texts } from "../../src/core/texts";
import { FIELD_NAMES } from "../../src/core/texts-bundled";
import { LINE_HEADERS, LINE_HEADERS_NL, OFFER_HEADERS, OFFER_HEADERS_NL } from "../fixtures/headers";
import { harness, oneLineEach } from "./fake-services";
import { sheet } from "./fake-workbook";
import { answer } from "./fakes";

const D = new Date(Date.UTC(2026, 11, 1));
const E = new Date(Date.UTC(2026, 11, 31));

const offerRow = (n: string, customer = "cst_a", issued: unknown = D) => [n, customer, issued, E, "", "", ""];

function setup(rows: unknown[][], lines?: unknown[][]) {
  const offers = sheet("Offers", OFFER_HEADERS, rows);
  const lineRows = lines ?? oneLineEach(rows);
  return harness(offers, sheet("Offer lines", [...LINE_HEADERS, "Message"], lineRows));
}

describe("createOffers on fakes", () => {
  test("valid rows are created once, their IDs written; two runs send nothing twice", () => {
    const h = setup([offerRow("K-1"), offerRow("K-2"), offerRow("K-3")]);
    const outcome = createOffers(h.context(), false);
    expect(outcome.counts).toMatchObject({ created: 3, failed: 0, invalid: 0 });
    expect(h.api.count("post /customer-offers/manual")).toBe(3);
    expect(h.api.offers.map((o) => o.offerNumber)).toEqual(["K-1", "K-2", "K-3"]);
    expect(h.workbook.offerColumn("Status")).toEqual(["created", "created", "created"]);
    expect(h.workbook.offerColumn("Offer ID")).toEqual(h.api.offers.map((o) => o.id));
    // One read of the sheets, a few writes, whatever the number of rows.
    expect(h.workbook.count("readOffersAndLines")).toBe(1);
    expect(h.workbook.count("readLedger")).toBe(1);
    expect(h.workbook.count("writeOfferUpdates")).toBeLessThanOrEqual(4);

    const again = createOffers(h.context(), false);
    expect(again.counts.created).toBe(0);
    expect(h.api.count("post /customer-offers/manual")).toBe(3);
  });

  test("sheet calls do not grow with the rows: 3 rows and 30 rows cost the same reads, writes and flushes", () => {
    const calls = (n: number) => {
      const h = setup(Array.from({ length: n }, (_, i) => offerRow(`K-${i + 1}`)));
      expect(createOffers(h.context(), false).counts.created).toBe(n);
      expect(h.api.count("post /customer-offers/manual")).toBe(n);
      return Object.fromEntries(h.workbook.calls);
    };
    const small = calls(3);
    expect(calls(30)).toEqual(small);
    expect(small).toMatchObject({ readOffersAndLines: 1, readLedger: 1, zonedTime: 1 });
  });

  test("rows are marked, recorded and flushed before the first request leaves", () => {
    const h = setup([offerRow("K-1"), offerRow("K-2")]);
    createOffers(h.context(), false);
    const first = h.events.findIndex((e) => e.startsWith("post "));
    expect(first).toBeGreaterThan(0);
    const before = h.events.slice(0, first);
    expect(before).toContain("write");
    expect(before).toContain("ledger");
    expect(before[before.length - 1]).toBe("flush");
    expect(h.workbook.ledger.filter((e) => e.event === "sent").map((e) => e.offerNumber)).toEqual([
      "K-1",
      "K-2",
    ]);
  });

  test("an invalid row is not sent; its Message names the field", () => {
    const h = setup([offerRow("K-1"), offerRow("K-2", "")]);
    const outcome = createOffers(h.context(), false);
    expect(outcome.counts).toMatchObject({ created: 1, invalid: 1 });
    expect(h.api.requests.map((r) => (r.body as { offerNumber?: string } | undefined)?.offerNumber)).toEqual([
      "K-1",
    ]);
    expect(h.workbook.offerCell(3, "Status")).toBe("invalid");
    expect(h.workbook.offerCell(3, "Message")).toContain(FIELD_NAMES.en.customerId);
  });

  test("a 422 row is failed with the server's reason, the others created", () => {
    const h = setup([offerRow("K-1"), offerRow("K-2")]);
    h.api.onCreate = (body) =>
      body.offerNumber === "K-2"
        ? answer(422, {
            message: "The given data was invalid.",
            errors: { customerId: ["unknown customer"] },
          })
        : "create";
    const outcome = createOffers(h.context(), false);
    expect(outcome.counts).toMatchObject({ created: 1, failed: 1 });
    expect(h.workbook.offerColumn("Status")).toEqual(["created", "failed"]);
    expect(h.workbook.offerCell(3, "Message")).toContain("unknown customer");
    expect(h.api.count("post /customer-offers/manual")).toBe(2);
  });

  test("a 503 whose offer was created anyway: left sending, settled by a lookup in the next run, never sent twice", () => {
    const h = setup([offerRow("K-1"), offerRow("K-2")]);
    h.api.onCreate = (body) => (body.offerNumber === "K-2" ? "created-503" : "create");
    // The list is down too: this run cannot find out whether K-2 arrived.
    h.api.listDown = true;
    const first = createOffers(h.context(), false);
    expect(h.workbook.offerColumn("Status")).toEqual(["created", "sending"]);
    expect(first.continueAt).toBeDefined();
    expect(h.api.count("post /customer-offers/manual")).toBe(2);

    h.api.listDown = false;
    h.clock.sleep(5 * 60_000);
    const posts = h.api.requests.length;
    const second = createOffers(h.context(), false);
    const k2 = h.api.offers.find((o) => o.offerNumber === "K-2");
    expect(h.api.offers.filter((o) => o.offerNumber === "K-2")).toHaveLength(1);
    expect(h.workbook.offerColumn("Status")).toEqual(["created", "created"]);
    expect(h.workbook.offerCell(3, "Offer ID")).toBe(k2?.id);
    // Settled by reading the list, not by sending it again.
    const next = h.api.requests.slice(posts);
    expect(next.filter((r) => r.method === "post")).toEqual([]);
    expect(next.length).toBeGreaterThan(0);
    expect(next.every((r) => r.method === "get" && r.path.startsWith("/customer-offers?"))).toBe(true);
    expect(second.continueAt).toBeUndefined();
  });

  test("a 503 for an offer that never arrived: looked up in the next run and sent again once", () => {
    const h = setup([offerRow("K-1")]);
    h.api.onCreate = () => "503";
    h.api.listDown = true;
    createOffers(h.context(), false);
    expect(h.workbook.offerColumn("Status")).toEqual(["sending"]);
    h.api.onCreate = () => "create";
    h.api.listDown = false;
    h.clock.sleep(5 * 60_000);
    const before = h.api.count("post /customer-offers/manual");
    createOffers(h.context(), false);
    expect(h.api.count("post /customer-offers/manual")).toBe(before + 1);
    expect(h.api.offers).toHaveLength(1);
    expect(h.workbook.offerColumn("Status")).toEqual(["created"]);
  });

  test("validate writes statuses and sends nothing", () => {
    const h = setup([offerRow("K-1"), offerRow("K-2", "")]);
    const outcome = validateOffers(h.context());
    expect(outcome.counts).toMatchObject({ invalid: 1 });
    expect(h.api.requests).toEqual([]);
    expect(h.workbook.offerCell(3, "Status")).toBe("invalid");
  });

  test("selected rows only: nothing selected on Offers is told; a selection sends just its rows", () => {
    const h = setup([offerRow("K-1"), offerRow("K-2"), offerRow("K-3")]);
    h.workbook.selection = null;
    expect(createOffers(h.context(), true)).toMatchObject({ stopped: true, message: texts().selectRows() });
    expect(h.api.requests).toEqual([]);
    h.workbook.selection = new Set([3]);
    const outcome = createOffers(h.context(), true);
    expect(outcome.counts.created).toBe(1);
    expect(h.api.offers.map((o) => o.offerNumber)).toEqual(["K-2"]);
    expect(h.workbook.offerColumn("Status")).toEqual(["", "created", ""]);
  });

  test("a 401 stops the run at once: no row failed, the rest not sent, the user told to set the key", () => {
    const h = setup([offerRow("K-1"), offerRow("K-2"), offerRow("K-3")]);
    h.api.onCreate = () => answer(401, { message: "Unauthenticated." });
    const outcome = createOffers(h.context(), false);
    expect(outcome.stopped).toBe(true);
    expect(outcome.message).toContain(texts().keyRefused());
    expect(h.workbook.offerColumn("Status")).not.toContain("failed");
    expect(h.workbook.offerColumn("Status")).not.toContain("sending");
    // The first batch's answer stops it: later rows never leave.
    expect(h.api.count("post /customer-offers/manual")).toBeLessThan(3);
    expect(outcome.continueAt).toBeUndefined();
  });

  test("no API key: stopped before reading the sheets or sending anything", () => {
    const h = setup([offerRow("K-1")]);
    h.stores.user.map.clear();
    expect(createOffers(h.context(), false)).toMatchObject({ stopped: true, message: texts().noKey() });
    expect(h.workbook.calls.size).toBe(0);
    expect(h.api.requests).toEqual([]);
  });

  test("a row deleted while its request was out: the offer is created, the run names it", () => {
    const h = setup([offerRow("K-1"), offerRow("K-2")]);
    h.api.onCreate = (body) => {
      // Someone deletes K-2's row while the requests are out.
      if (body.offerNumber === "K-2") h.workbook.offers?.rows.splice(1, 1);
      return "create";
    };
    const outcome = createOffers(h.context(), false);
    const k2 = h.api.offers.find((o) => o.offerNumber === "K-2");
    expect(k2).toBeDefined();
    expect(outcome.message).toContain("K-2");
    expect(outcome.message).toContain(k2?.id ?? "?");
  });

  test("a Dutch-headed sheet gets its statuses in Dutch; the rows are found and settled all the same", () => {
    const rows = [offerRow("K-1"), offerRow("K-2", "")];
    const h = harness(
      sheet("Offertes", OFFER_HEADERS_NL, rows),
      sheet("Offerteregels", LINE_HEADERS_NL, oneLineEach(rows)),
    );
    const outcome = createOffers(h.context(), false);
    expect(outcome.counts).toMatchObject({ created: 1, invalid: 1 });
    expect(h.workbook.offerColumn("Status")).toEqual(["aangemaakt", "ongeldig"]);
    expect(h.workbook.offerCell(2, "Offerte-ID")).toBe(h.api.offers[0]?.id);
    // Read back as created: a second run sends nothing.
    createOffers(h.context(), false);
    expect(h.api.count("post /customer-offers/manual")).toBe(1);
  });
});
