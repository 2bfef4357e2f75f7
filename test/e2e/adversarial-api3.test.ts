// Adversarial API pass 3: list items the product cannot match by what it sent (fields left out, named
// in snake_case, offer numbers served as JSON numbers), a list in no order of time, one offer wrapped
// in `{"data": …}`, and a duplicate offer number answered with the offer that already had it. Against
// CONTRACT §6: every offer created exactly once, never another offer taken for it.

import { afterAll, describe, expect, test } from "@jest/globals";
import type { DoubleConfig } from "../../tools/mkp-double/types";
import { expectCreatedOnce as expectCustomerCreatedOnce, newCustomerWorld } from "./customers-world";
import {
  apiOffers,
  batch,
  expectExactlyOnce,
  isFetch,
  killAtWriteBackAfterSend,
  lostSending,
  messageOf,
  settleSending,
  statusOf,
} from "./probes";
import { postedNumbers, runOk, sheetColumn, stopDouble, world } from "./world";

afterAll(stopDouble);

const START = Date.UTC(2025, 3, 14, 8, 0);
const DAY = 86_400_000;

/** No offer number sent twice, each stored once. */
async function nothingTwice(w: Awaited<ReturnType<typeof world>>): Promise<void> {
  const sent = await postedNumbers(w.api);
  expect(sent.filter((n, i) => sent.indexOf(n) !== i)).toEqual([]);
  const stored = (await apiOffers(w)).map((o) => o.offerNumber);
  expect(stored.filter((n, i) => stored.indexOf(n) !== i)).toEqual([]);
}

describe("list items in a shape the product cannot match by what it sent", () => {
  test.each([
    ["snake_case names (offer_number, customer_id, created_at)", { offerFieldCase: "snake" }],
    ["listed in no order of time (by ID)", { listOrder: "id" }],
  ] as [string, Partial<DoubleConfig>][])(
    "%s: rows left `sending` are settled with their own offers, nothing twice",
    async (_l, config) => {
      const { w, numbers } = await lostSending(3, 100, config);
      expect(settleSending(w, numbers)).toBeLessThanOrEqual(2);
      await expectExactlyOnce(w, numbers);
    },
  );

  test("offer numbers served as JSON numbers (PHP's JSON_NUMERIC_CHECK: 0042 as 42): settled, nothing twice", async () => {
    const numbers = ["2025001", "0042"];
    const w = await world({
      offers: numbers.map((n) => [n, "cst_demo0001", "2025-04-14"]),
      lines: numbers.map((n) => [n, "Work", 10, 21]),
    });
    w.rt.clock.set(START);
    expect(w.run("createPendingOffers", [], { kill: killAtWriteBackAfterSend() }).killed).toBe("killed");
    await w.api.configure({ jsonNumericCheck: true });
    expect(settleSending(w, numbers)).toBeLessThanOrEqual(2);
    await expectExactlyOnce(w, numbers);
    expect(w.column("Amount")).toEqual(["10.00", "10.00"]);
  });

  // Without the number (or the customer) of the offers made since the row was sent, the list cannot
  // show that ours is not among them: sending it again could make it twice. The row waits, and is
  // settled once the list shows them.
  test.each([
    ["without offerNumber", { listOmitFields: ["offerNumber"] }],
    ["without customerId", { listOmitFields: ["customerId"] }],
    [
      "with IDs not of the form off_… and no offerNumber",
      { listOmitFields: ["offerNumber"], offerIdFormat: "plain" },
    ],
  ] as [string, Partial<DoubleConfig>][])(
    "list items %s: never sent a second time; settled once the list shows them",
    async (_l, config) => {
      const { w, numbers } = await lostSending(3, 100, config);
      for (let i = 0; i < 3; i++) runOk(w, "createPendingOffers");
      await nothingTwice(w);
      const waiting = numbers.filter((n) => statusOf(w, n) === "sending");
      expect(waiting.length).toBeGreaterThan(0);
      // Told on the row what to do; no continuation that would read the list again and again.
      for (const n of waiting)
        expect(messageOf(w, n)).toMatch(new RegExp(`Not known whether .*Look for offer ${n}.*clear Status`));
      expect(w.rt.triggers.filter((t) => !t.disabled)).toEqual([]);
      await w.api.configure({ listOmitFields: [] });
      expect(settleSending(w, numbers)).toBeLessThanOrEqual(2);
      await nothingTwice(w);
      expect((await apiOffers(w)).map((o) => o.offerNumber).sort()).toEqual(numbers);
      expect(w.column("Status")).toEqual(["created", "created", "created"]);
    },
  );
});

test("in Dutch: the row says in Dutch that it cannot be checked and what to do", async () => {
  const { offers, lines } = batch(1, "NL");
  const w = await world({ offers, lines, locale: "nl_NL" });
  w.rt.clock.set(START);
  expect(w.run("createPendingOffers", [], { kill: killAtWriteBackAfterSend() }).killed).toBe("killed");
  await w.api.configure({ listOmitFields: ["customerId"] });
  runOk(w, "createPendingOffers");
  expect(messageOf(w, "NL-0001")).toMatch(
    /^Niet bekend of deze offerte is aangemaakt: .*Zoek offerte NL-0001 op/,
  );
  expect(await postedNumbers(w.api)).toEqual(["NL-0001"]);
});

describe('one offer wrapped in {"data": …}', () => {
  test("created with its ID and amount, and its acceptance refreshed", async () => {
    const w = await world({ ...batch(2, "EN"), config: { offerEnvelope: "data" } });
    w.rt.clock.set(START);
    runOk(w, "createPendingOffers");
    await expectExactlyOnce(w, ["EN-0001", "EN-0002"]);
    expect(w.column("Amount")).toEqual(["10.00", "10.00"]);
    const [first] = await apiOffers(w);
    await w.api.updateOffer(first?.id ?? "", { acceptedAt: START + 60_000 });
    w.rt.clock.advance(3_600_000);
    runOk(w, "refreshOfferStatuses");
    expect(w.column("Status")).toEqual(["accepted", "created"]);
  });
});

describe("a taken offer number answered with the offer that already has it (200, as firstOrCreate)", () => {
  const config: Partial<DoubleConfig> = { rejectDuplicateOfferNumbers: true, duplicateAnswer: "existing" };

  test.each([
    ["made by hand a month ago for another customer", "cst_demo0002", 30],
    ["made last year for the same customer", "cst_demo0001", 300],
  ])(
    "%s: failed, that offer is not taken for the row, the Message says why and what to do",
    async (_l, customerId, days) => {
      const w = await world({ ...batch(2, "HD"), config });
      w.rt.clock.set(START);
      const [old] = await w.api.seedOffers([
        { offerNumber: "HD-0001", customerId, createdAt: START - days * DAY },
      ]);
      runOk(w, "createPendingOffers");
      expect(w.column("Status")).toEqual(["failed", "created"]);
      expect(w.column("Offer ID")[0]).toBe("");
      const message = messageOf(w, "HD-0001");
      expect(message).toMatch(/^Not created: MijnKlantportaal answered with an offer it already had/);
      expect(message).toContain(old?.id ?? "?");
      expect(message).toMatch(/another number.*clear Status/);
      runOk(w, "createPendingOffers");
      expect(await postedNumbers(w.api)).toEqual(["HD-0001", "HD-0002"]);
      await expectExactlyOnce(w, ["HD-0002"]);
    },
  );

  test("in Dutch", async () => {
    const w = await world({ ...batch(1, "HN"), config, locale: "nl_NL" });
    w.rt.clock.set(START);
    await w.api.seedOffers([{ offerNumber: "HN-0001", createdAt: START - 30 * DAY }]);
    runOk(w, "createPendingOffers");
    expect(messageOf(w, "HN-0001")).toMatch(
      /^Niet aangemaakt: MijnKlantportaal antwoordde met een offerte die er al was/,
    );
  });
});

describe("every request answered with a redirect (the API moved, or MKP_BASE_URL is out of date)", () => {
  const moved = {
    times: null,
    fault: {
      kind: "status" as const,
      status: 301,
      body: "",
      headers: { Location: "https://api.mijnklantportaal.nl/v2/customer-offers/manual" },
    },
  };

  test("the rows say where it redirects and what to check; continuations back off; once it ends, each offer once", async () => {
    const w = await world(batch(2, "MV"));
    w.rt.clock.set(START);
    await w.api.injectFaults([moved]);
    runOk(w, "createPendingOffers");
    for (const n of ["MV-0001", "MV-0002"]) {
      expect(statusOf(w, n)).toBe("sending");
      expect(messageOf(w, n)).toMatch(/redirect.*HTTP 301.*api\.mijnklantportaal\.nl\/v2.*MKP_BASE_URL/);
    }
    // Not a working API: no continuation every few seconds for as long as it lasts.
    let runs = 0;
    while (runs < 50) {
      const run = w.rt.advanceToNextTrigger();
      if (!run || run.startedAt > START + 3_600_000) break;
      runs++;
    }
    expect(runs).toBeLessThanOrEqual(8);
    await w.api.clearFaults();
    for (let i = 0; i < 3 && w.column("Status").some((s) => s !== "created"); i++) {
      w.rt.clock.advance(3_600_000);
      runOk(w, "createPendingOffers");
    }
    await expectExactlyOnce(w, ["MV-0001", "MV-0002"]);
  });

  test("in Dutch", async () => {
    const w = await world({ ...batch(1, "MN"), locale: "nl_NL" });
    await w.api.injectFaults([moved]);
    runOk(w, "createPendingOffers");
    expect(messageOf(w, "MN-0001")).toMatch(/^MijnKlantportaal verwees door .*HTTP 301.*MKP_BASE_URL/);
  });
});

describe("a 429 whose Retry-After says nothing useful but whose X-RateLimit-Reset does", () => {
  test.each([
    ["Retry-After: 0", "0"],
    ["Retry-After: a date in the past", "Wed, 21 Oct 2015 07:28:00 GMT"],
  ])("%s, reset a minute on: nothing sent before the reset; every offer once", async (_l, after) => {
    const w = await world(batch(3, "RA"));
    w.rt.clock.set(START);
    const reset = Math.floor(START / 1000) + 60;
    await w.api.injectFaults([
      {
        fault: {
          kind: "status",
          status: 429,
          headers: { "Retry-After": after, "X-RateLimit-Reset": String(reset) },
        },
      },
    ]);
    runOk(w, "createPendingOffers");
    for (let i = 0; i < 3 && w.column("Status").some((s) => s !== "created"); i++)
      w.rt.advanceToNextTrigger();
    const [limited, ...after429] = await w.api.requests();
    expect(limited?.status).toBe(429);
    expect(after429.filter((r) => r.at < reset * 1000)).toEqual([]);
    await expectExactlyOnce(w, ["RA-0001", "RA-0002", "RA-0003"]);
  });
});

describe("other answers the docs leave open (already handled: kept so)", () => {
  test.each([
    ["a 409 for a number made by hand", "conflict", /refused this offer: .*already exists.*HTTP 409/],
    [
      "a 409 naming the existing offer's id",
      "conflict-with-id",
      /refused this offer: .*already exists.*HTTP 409/,
    ],
  ] as const)(
    "%s: failed with the API's words, that offer not taken, not sent again",
    async (_l, duplicateAnswer, re) => {
      const w = await world({
        ...batch(2, "DC"),
        config: { rejectDuplicateOfferNumbers: true, duplicateAnswer },
      });
      await w.api.seedOffers([{ offerNumber: "DC-0001", createdAt: START - 30 * DAY }]);
      runOk(w, "createPendingOffers");
      runOk(w, "createPendingOffers");
      expect(w.column("Status")).toEqual(["failed", "created"]);
      expect(w.column("Offer ID")[0]).toBe("");
      expect(messageOf(w, "DC-0001")).toMatch(re);
      expect(await postedNumbers(w.api)).toEqual(["DC-0001", "DC-0002"]);
    },
  );

  test("an HTML page with 201 after the offer was made: looked up, each offer once", async () => {
    const w = await world(batch(3, "HP"));
    const page = "<!DOCTYPE html><html><body><h1>Created</h1></body></html>";
    await w.api.injectFaults([
      {
        match: { method: "POST" },
        times: null,
        fault: { kind: "created-then-answer", rawBody: page, headers: { "Content-Type": "text/html" } },
      },
    ]);
    runOk(w, "createPendingOffers");
    await expectExactlyOnce(w, ["HP-0001", "HP-0002", "HP-0003"]);
  });

  test("a refusal in Latin-1, not UTF-8: failed with the readable part of its words, the others created", async () => {
    const w = await world(batch(2, "L1"));
    const latin1 = Buffer.from('{"message":"Ongeldig btw-tarief voor regel één"}', "latin1");
    await w.api.injectFaults([
      {
        match: { offerNumber: "L1-0001" },
        fault: {
          kind: "status",
          status: 422,
          rawBodyBase64: latin1.toString("base64"),
          headers: { "Content-Type": "application/json; charset=ISO-8859-1" },
        },
      },
    ]);
    runOk(w, "createPendingOffers");
    expect(w.column("Status")).toEqual(["failed", "created"]);
    expect(messageOf(w, "L1-0001")).toMatch(/refused this offer: Ongeldig btw-tarief voor regel .*HTTP 422/);
  });

  test("a 500 with a 2 MB page, twice: a short Message, then each offer once", async () => {
    const w = await world(batch(2, "BG"));
    const page = `<html><body>${"x".repeat(2 * 1024 * 1024)}</body></html>`;
    await w.api.injectFaults([
      {
        match: { offerNumber: "BG-0001" },
        times: 2,
        fault: { kind: "status", status: 500, rawBody: page, headers: { "Content-Type": "text/html" } },
      },
    ]);
    runOk(w, "createPendingOffers");
    for (const m of w.column("Message")) expect(m.length).toBeLessThan(500);
    runOk(w, "createPendingOffers");
    await expectExactlyOnce(w, ["BG-0001", "BG-0002"]);
  });
});

describe("customers served with snake_case names (company_name, primary_email, …)", () => {
  test("a New customers row left `sending` is settled with its customer, not created twice; Customers shows the e-mails", async () => {
    const w = await newCustomerWorld();
    await w.api.configure({ customerFieldCase: "snake" });
    let fetches = 0;
    // Killed after POST /customers went out, before its answer was written back.
    const killed = w.run("createPendingOffers", [], {
      kill: (c) => {
        if (isFetch(c)) fetches++;
        return fetches >= 3 && c.service === "Range";
      },
    });
    expect(killed.killed).toBe("killed");
    expect(sheetColumn(w.ss, "New customers", "Status")).toEqual(["sending"]);
    for (let i = 0; i < 3; i++) {
      w.rt.clock.advance(2 * 60_000);
      runOk(w, "createPendingOffers");
    }
    await expectCustomerCreatedOnce(w);
    expect(sheetColumn(w.ss, "Customers", "Email")).toContain("info@nieuw.nl");
  });
});
