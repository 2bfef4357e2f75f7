// Adversarial answers to creates and timestamps the docs leave open: a duplicate offer number refused
// (mkp-api.md §9.4), timestamps in forms other than ATOM (Laravel's `…000000Z`, no offset, epoch
// seconds), redirects to another host, and odd success answers. Checked against CONTRACT §6
// (exactly once; an older offer with the same number is never taken) and §7 (the key goes to
// MijnKlantportaal only).

import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import type { DoubleConfig } from "../../tools/mkp-double/types";
import { lastYearsNumber } from "./adversarial-api-cases";
import { killAfterSend } from "./large-account-cases";
import { apiOffers, batch, expectExactlyOnce, messageOf, statusOf } from "./probes";
import { API_KEY, cellText, postedNumbers, runOk, stopDouble, world } from "./world";

const START = Date.UTC(2025, 3, 14, 8, 0);
const DAY = 86_400_000;

/** A server on another host name's behalf: it records whatever reaches it. */
const elsewhere: { url: string; seen: IncomingHttpHeaders[]; close: () => Promise<void> } = {
  url: "",
  seen: [],
  close: async () => {},
};

beforeAll(async () => {
  const server = createServer((req, res) => {
    elsewhere.seen.push(req.headers);
    req.resume();
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  elsewhere.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  elsewhere.close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(async () => {
  await elsewhere.close();
  await stopDouble();
});

describe("a duplicate offer number refused by the API", () => {
  const refuse: Partial<DoubleConfig> = { rejectDuplicateOfferNumbers: true };

  // An ambiguous create (the offer was made, the answer lost) may be looked up and then, if the lookup
  // could not settle it, sent again: an API that refuses the second one must not turn our own offer
  // into `failed`.
  test.each([
    ["a timeout", { kind: "created-then-timeout", holdMs: 2000 } as const],
    ["a 503", { kind: "created-then-status", status: 503 } as const],
    ["a 502 while the list is unreadable once", { kind: "created-then-status", status: 502 } as const],
  ])("created, then %s: the row is created with that offer, never failed", async (label, fault) => {
    const w = await world({ ...batch(3, "DU"), config: refuse });
    await w.api.injectFaults([
      { match: { offerNumber: "DU-0002" }, fault },
      ...(label.includes("list")
        ? [{ match: { method: "GET" }, times: 4, fault: { kind: "status" as const, status: 503 } }]
        : []),
    ]);
    for (let i = 0; i < 3; i++) runOk(w, "createPendingOffers");
    await expectExactlyOnce(w, ["DU-0001", "DU-0002", "DU-0003"]);
    expect(messageOf(w, "DU-0002")).toBe("");
  });

  test("a number made by hand in MijnKlantportaal: failed, the Message names the offer number and the API's words", async () => {
    const w = await world({ ...batch(2, "HD"), config: refuse });
    await w.api.seedOffers([
      { offerNumber: "HD-0001", customerId: "cst_demo0002", createdAt: START - 30 * DAY },
    ]);
    runOk(w, "createPendingOffers");
    expect(statusOf(w, "HD-0001")).toBe("failed");
    expect(messageOf(w, "HD-0001")).toMatch(/Offer number/);
    expect(messageOf(w, "HD-0001")).toMatch(/taken|exists|already/i);
    expect(statusOf(w, "HD-0002")).toBe("created");
    runOk(w, "createPendingOffers");
    expect((await postedNumbers(w.api)).filter((n) => n === "HD-0001")).toEqual(["HD-0001"]);
  });
});

describe("timestamps in other forms than ATOM", () => {
  const FORMATS = ["utc-micro", "no-offset", "epoch"] as const;

  test.each(FORMATS)(
    "%s: rows left `sending` are settled with their own offers, nothing twice",
    async (timestampFormat) => {
      const w = await world({ ...batch(4, "TS"), config: { timestampFormat, listOrder: "desc" } });
      await w.api.seedGenerated({ count: 120, createdFrom: START - 400 * DAY, createdTo: START - DAY });
      killAfterSend(w);
      runOk(w, "createPendingOffers");
      runOk(w, "createPendingOffers");
      await expectExactlyOnce(w, ["TS-0001", "TS-0002", "TS-0003", "TS-0004"]);
    },
  );

  // CONTRACT §6: "An older offer with the same number (made by hand, last year) is never taken for it."
  // A creation time the product cannot read must not make last year's offer look like ours. The other
  // forms: adversarial-api-answers.exhaustive.test.ts.
  test("epoch: last year's K-0007 (same customer) is never taken for a `sending` row", () =>
    lastYearsNumber("epoch"));

  test.each(FORMATS)(
    "%s: a refresh writes Accepted at and Created at as readable times",
    async (timestampFormat) => {
      const w = await world({ ...batch(2, "RF"), config: { timestampFormat } });
      runOk(w, "createPendingOffers");
      const [first] = await apiOffers(w);
      await w.api.updateOffer(first?.id ?? "", { acceptedAt: START + 3_600_000 });
      runOk(w, "refreshOfferStatuses");
      expect(statusOf(w, "RF-0001")).toBe("accepted");
      expect(statusOf(w, "RF-0002")).toBe("created");
      // 09:00 UTC is 11:00 in Amsterdam (the sheet's zone).
      expect(cellText(w.ss, "Offers", 2, "Accepted at")).toMatch(/^2025-04-14 11:00/);
      expect(cellText(w.ss, "Offers", 2, "Created at")).toMatch(/^2025-04-14 \d\d:\d\d/);
    },
  );
});

describe("redirects", () => {
  // Apps Script follows redirects unless told not to, with the same headers: a 3xx to another host
  // would carry the key there (CONTRACT §7: the key goes to MijnKlantportaal only).
  test.each([301, 302, 307, 308])(
    "a %s to another host on the create and on the list: the key never goes there",
    async (status) => {
      elsewhere.seen = [];
      const w = await world(batch(2, "RD"));
      const headers = { Location: `${elsewhere.url}/v1/customer-offers/manual` };
      await w.api.injectFaults([
        { match: { offerNumber: "RD-0001" }, fault: { kind: "status", status, headers, body: "" } },
        { match: { method: "GET" }, times: 2, fault: { kind: "status", status, headers, body: "" } },
      ]);
      for (let i = 0; i < 3; i++) runOk(w, "createPendingOffers");
      expect(elsewhere.seen).toEqual([]);
      await expectExactlyOnce(w, ["RD-0001", "RD-0002"]);
      expect(JSON.stringify(w.ss.displayValues("Offers"))).not.toContain(API_KEY);
    },
  );
});

describe("odd success answers", () => {
  test.each([
    ["201 with an error body instead of the offer", 201],
    ["202 Accepted", 202],
    ["204 No Content", 204],
  ])("%s: looked up, created exactly once", async (_l, status) => {
    const w = await world(batch(3, "OK"));
    await w.api.injectFaults([
      { match: { offerNumber: "OK-0002" }, fault: { kind: "created-then-status", status } },
    ]);
    for (let i = 0; i < 3; i++) runOk(w, "createPendingOffers");
    await expectExactlyOnce(w, ["OK-0001", "OK-0002", "OK-0003"]);
  });
});
