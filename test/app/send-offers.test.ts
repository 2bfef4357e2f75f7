// sendOffers (src/app/send-offers.ts) on counting fakes: what each answer makes of a row and of the
// ledger (created, refused 422, a 5xx or a timeout left `sending`, 429 and 408 retried), that rows
// are marked and flushed before their requests leave, and how many requests and round trips it takes.

import { describe, expect, test } from "@jest/globals";
import { ApiSession } from "../../src/app/api-session";
import { MAX_BATCH, type RowWriter, sendOffers } from "../../src/app/send-offers";
import type { LedgerEntry } from "../../src/core/ledger";
import type { CreateOfferBody } from "../../src/core/offer-types";
import type { SendItem } from "../../src/core/plan-run";
import type { ApiRequest } from "../../src/core/ports";
import type { Exchange } from "../../src/core/responses";
import { texts } from "../../src/core/texts";
import type { RowUpdate } from "../../src/core/write-back";
import { answer, fakeContext, ScriptedHttp, virtualClock } from "./fakes";

const START = Date.UTC(2026, 11, 1, 9);
const RATE = { "X-RateLimit-Limit": "1000", "X-RateLimit-Remaining": "999" };

const body = (offerNumber: string): CreateOfferBody => ({
  customerId: "cst_a",
  offerNumber,
  issuedAt: "2026-12-01",
  expiresAt: "2026-12-31",
  lines: [{ description: "Website", amountExclVat: "100.00", vatRate: 21 }],
});

const item = (n: number, ref = ""): SendItem => ({
  key: `k-${n}`,
  sheetRow: n + 1,
  offerNumber: `K-${n}`,
  body: body(`K-${n}`),
  ref,
});

const created = (request: ApiRequest, n: number): Exchange => {
  const b = request.body as CreateOfferBody;
  return answer(
    201,
    {
      id: `off_${n}`,
      amount: "121.00",
      createdAt: "2026-12-01T09:00:00+00:00",
      offerNumber: b.offerNumber,
      customerId: b.customerId,
      acceptedAt: null,
      rejectedAt: null,
      expiresAt: b.expiresAt,
    },
    RATE,
  );
};

/** Records writes, ledger entries and flushes, in the order they happen (with the requests). */
class FakeWriter implements RowWriter {
  readonly writes: RowUpdate[][] = [];
  readonly ledger: LedgerEntry[] = [];
  /** Keys whose row is gone (deleted meanwhile). */
  readonly goneKeys = new Set<string>();

  constructor(readonly log: string[]) {}

  write(updates: RowUpdate[]): RowUpdate[] {
    this.log.push(`write ${updates.map((u) => `${u.key}:${u.values.status ?? "-"}`).join(",")}`);
    this.writes.push(updates);
    return updates.filter((u) => this.goneKeys.has(u.key));
  }
  record(entries: readonly LedgerEntry[]): void {
    this.log.push(`record ${entries.map((e) => `${e.offerNumber}:${e.event}`).join(",")}`);
    this.ledger.push(...entries);
  }
  flush(): void {
    this.log.push("flush");
  }
  /** Statuses written to a row, in order (updates that set no status left out). */
  statuses(key: string): string[] {
    return this.writes
      .flat()
      .flatMap((u) => (u.key === key && u.values.status !== undefined ? [u.values.status] : []));
  }
  last(key: string): RowUpdate | undefined {
    return this.writes
      .flat()
      .filter((u) => u.key === key)
      .at(-1);
  }
  events(offerNumber: string): string[] {
    return this.ledger.filter((e) => e.offerNumber === offerNumber).map((e) => e.event);
  }
}

function run(respond: (r: ApiRequest, n: number) => Exchange, items: SendItem[], gone: string[] = []) {
  const clock = virtualClock(START);
  const log: string[] = [];
  const inner = new ScriptedHttp(respond, clock);
  const http = {
    send: (requests: readonly ApiRequest[]) => {
      log.push(`send ${requests.length}`);
      return inner.send(requests);
    },
  };
  const session = new ApiSession(fakeContext(http, clock), "https://api.test/v1", "mkp_key_1234");
  const writer = new FakeWriter(log);
  for (const g of gone) writer.goneKeys.add(g);
  const progress: [number, number][] = [];
  const result = sendOffers(
    session,
    writer,
    items,
    (iso) => `T(${iso})`,
    (c, toGo) => progress.push([c, toGo]),
  );
  return { result, writer, http: inner, log, clock, session, progress };
}

describe("one answer each", () => {
  test("created: the row gets the offer's ID and amount; the ledger says sent, then created", () => {
    const { result, writer, http } = run(created, [item(1), item(2), item(3)]);
    expect(result.sent.map((s) => s.outcome.kind)).toEqual(["created", "created", "created"]);
    expect(result.unsent).toEqual([]);
    expect(result.gone).toEqual([]);
    expect(http.requests).toHaveLength(3);
    expect(http.requests.every((r) => r.method === "post" && r.path === "/customer-offers/manual")).toBe(
      true,
    );
    expect(http.requests.map((r) => (r.body as CreateOfferBody).offerNumber)).toEqual(["K-1", "K-2", "K-3"]);
    // The first request learns the limit on its own; the rest go in one round trip.
    expect(http.trips).toEqual([1, 2]);
    expect(writer.statuses("k-2")).toEqual(["sending", "created"]);
    expect(writer.last("k-2")?.values).toMatchObject({
      status: "created",
      offerId: "off_2",
      amount: "121.00",
      createdAt: "T(2026-12-01T09:00:00+00:00)",
      message: "",
    });
    expect(writer.events("K-2")).toEqual(["sent", "created"]);
    expect(writer.ledger.find((e) => e.offerNumber === "K-2" && e.event === "created")?.offerId).toBe(
      "off_2",
    );
  });

  // An API may answer a taken offer number with the offer that has it (200, firstOrCreate).
  test("an answer with an offer made a month before the row was marked: failed naming that offer, not taken", () => {
    const { result, writer } = run(
      (r, n) => {
        const ok = created(r, n) as Extract<Exchange, { kind: "response" }>;
        return answer(200, { ...JSON.parse(ok.body), createdAt: "2026-11-01T09:00:00+00:00" }, RATE);
      },
      [item(1)],
    );
    expect(result.sent.map((s) => s.outcome.kind)).toEqual(["refused"]);
    expect(writer.last("k-1")?.values).toMatchObject({ status: "failed" });
    expect(writer.last("k-1")?.values.offerId).toBeUndefined();
    expect(writer.last("k-1")?.values.message).toMatch(
      /already had \(off_1, offer number K-1, customer cst_a, created T\(/,
    );
    expect(writer.events("K-1")).toEqual(["sent", "refused"]);
  });

  // 201 Created says this request made it: a server clock or zone that is off (UTC stamps labelled
  // +02:00) must not fail the row, which would invite the user to send it again.
  test("a 201 Created whose creation time reads hours before the marking: created, not failed", () => {
    const { result, writer } = run(
      (r, n) => {
        const ok = created(r, n) as Extract<Exchange, { kind: "response" }>;
        return answer(201, { ...JSON.parse(ok.body), createdAt: "2026-11-01T09:00:00+00:00" }, RATE);
      },
      [item(1)],
    );
    expect(result.sent.map((s) => s.outcome.kind)).toEqual(["created"]);
    expect(writer.last("k-1")?.values).toMatchObject({ status: "created", offerId: "off_1" });
  });

  // An API may write the number or customer its own way: an offer made now is the one this request made.
  test.each([
    ["without number, customer or creation time", { offerNumber: null, customerId: null, createdAt: null }],
    ["with its number as a JSON number (1e3 as 1000)", { offerNumber: 1000 }],
    ["with the number written otherwise", { offerNumber: "k-1" }],
    ["with another customer ID", { customerId: "cst_other" }],
  ])("an answer %s, made now, is ours: created", (_l, change) => {
    const numbered = { ...item(1), offerNumber: "1e3", body: body("1e3") };
    const { result } = run(
      (r, n) => {
        const ok = created(r, n) as Extract<Exchange, { kind: "response" }>;
        return answer(201, { ...JSON.parse(ok.body), ...change }, RATE);
      },
      [numbered],
    );
    expect(result.sent.map((s) => s.outcome.kind)).toEqual(["created"]);
  });

  test("refused (422): failed, with the API's reason; never sent again", () => {
    const { result, writer, http } = run(
      () =>
        answer(
          422,
          {
            message: "The given data was invalid.",
            errors: { customerId: ["The selected customer id is invalid."] },
          },
          RATE,
        ),
      [item(1)],
    );
    expect(http.requests).toHaveLength(1);
    expect(result.sent[0]?.outcome).toMatchObject({ kind: "refused", status: 422 });
    const last = writer.last("k-1");
    expect(last?.values.status).toBe("failed");
    expect(last?.values.message).toContain("The selected customer id is invalid.");
    expect(writer.events("K-1")).toEqual(["sent", "refused"]);
  });

  test.each([
    ["a 500", (): Exchange => answer(500, { message: "Server Error" }, RATE)],
    ["a 503", (): Exchange => answer(503, "<html>Service Unavailable</html>", RATE)],
    ["a timeout", (): Exchange => ({ kind: "timeout", detail: "Timeout" })],
    ["no connection", (): Exchange => ({ kind: "network", detail: "DNS error" })],
  ])(
    "%s: the offer may exist, so the row stays `sending` and is not sent again in this run",
    (_, respond) => {
      const { result, writer, http } = run(respond, [item(1)]);
      expect(http.requests).toHaveLength(1);
      expect(result.sent[0]?.outcome).toMatchObject({ kind: "transient", ambiguous: true });
      expect(writer.statuses("k-1")).toEqual(["sending", "sending"]);
      expect(writer.last("k-1")?.values.message).not.toBe("");
      expect(writer.events("K-1")).toEqual(["sent", "ambiguous"]);
    },
  );

  test("a 429 is retried after its retry-after, under the same ref; the first attempt is proven absent", () => {
    const { result, writer, http, clock } = run(
      (r, n) =>
        n === 1 ? answer(429, { message: "Too Many Attempts." }, { "Retry-After": "20" }) : created(r, n),
      [item(1)],
    );
    expect(http.requests).toHaveLength(2);
    expect(http.sentAt[1]! - http.sentAt[0]!).toBeGreaterThanOrEqual(20_000);
    expect(clock.now() - START).toBeGreaterThanOrEqual(20_000);
    expect(result.sent.map((s) => s.outcome.kind)).toEqual(["created"]);
    expect(writer.events("K-1")).toEqual(["sent", "absent", "sent", "created"]);
    expect(new Set(writer.ledger.map((e) => e.ref)).size).toBe(1);
    expect(writer.last("k-1")?.values.status).toBe("created");
    // Meanwhile the row said it waits for the rate limit.
    expect(
      writer.writes.flat().some((u) => u.values.message === texts().retrying(texts().waitingForRateLimit())),
    ).toBe(true);
  });

  test("a 408 (not acted on) is retried after a backoff, then created", () => {
    const { result, writer, http } = run(
      (r, n) => (n === 1 ? answer(408, { message: "Request Timeout" }, RATE) : created(r, n)),
      [item(1)],
    );
    expect(http.requests).toHaveLength(2);
    expect(http.sentAt[1]! - http.sentAt[0]!).toBeGreaterThan(0);
    expect(result.sent[0]?.outcome.kind).toBe("created");
    expect(writer.events("K-1")).toEqual(["sent", "absent", "sent", "created"]);
  });

  test("a 401 stops the run: the offers after it are not marked and not sent", () => {
    const { result, writer, http, session } = run(
      () => answer(401, { message: "Unauthenticated." }),
      [item(1), item(2), item(3)],
    );
    expect(http.requests).toHaveLength(1);
    expect(session.keyRefusal).toEqual({ status: 401, permission: "offers.write" });
    expect(result.sent.map((s) => s.outcome.kind)).toEqual(["unauthorized"]);
    expect(result.unsent.map((i) => i.key)).toEqual(["k-2", "k-3"]);
    expect(writer.last("k-1")?.values).toMatchObject({ status: "", message: texts().notSentKeyRefused() });
    expect(writer.statuses("k-2")).toEqual([]);
    expect(writer.events("K-2")).toEqual([]);
  });
});

describe("marking before sending", () => {
  test("the ledger and the `sending` marks are written and flushed before each round trip", () => {
    const { log } = run(created, [item(1), item(2)]);
    const firstSend = log.indexOf("send 1");
    expect(log.slice(0, firstSend)).toEqual(["record K-1:sent", "write k-1:sending", "flush"]);
    const secondSend = log.indexOf("send 1", firstSend + 1);
    // The second batch's marks go with the first batch's results, then a flush, then the request.
    expect(log.slice(firstSend + 1, secondSend)).toEqual([
      "record K-1:created,K-2:sent",
      "write k-1:created,k-2:sending",
      "flush",
    ]);
    expect(log.at(-2)).toBe("record K-2:created");
    expect(log.at(-1)).toBe("write k-2:created");
  });

  test("a row that cannot be marked (deleted meanwhile) is not sent; its ledger entry is closed", () => {
    const { result, writer, http } = run(created, [item(1), item(2)], ["k-1"]);
    expect(result.gone.map((i) => i.key)).toEqual(["k-1"]);
    expect(http.requests.map((r) => (r.body as CreateOfferBody).offerNumber)).toEqual(["K-2"]);
    expect(writer.events("K-1")).toEqual(["sent", "absent"]);
    expect(result.sent.map((s) => s.item.key)).toEqual(["k-2"]);
  });

  test("a row keeps its ref; a row without one gets a new one, carried into the ledger and the row", () => {
    const { result, writer } = run(created, [item(1, "rkeep0000001"), item(2)]);
    const refs = result.sent.map((s) => s.item.ref);
    expect(refs[0]).toBe("rkeep0000001");
    expect(refs[1]).toMatch(/^r[0-9a-z]{11}$/);
    expect(writer.ledger.filter((e) => e.offerNumber === "K-2").every((e) => e.ref === refs[1])).toBe(true);
    expect(writer.last("k-2")?.ref).toBe(refs[1]);
  });
});

describe("batches and time", () => {
  test(`130 offers go out in round trips of at most ${MAX_BATCH}, one request each`, () => {
    const items = Array.from({ length: 130 }, (_, i) => item(i + 1));
    const { result, http, progress } = run(created, items);
    expect(http.requests).toHaveLength(130);
    expect(Math.max(...http.trips)).toBe(MAX_BATCH);
    expect(http.trips).toEqual([1, 60, 60, 9]);
    expect(result.sent.filter((s) => s.outcome.kind === "created")).toHaveLength(130);
    expect(progress).toEqual([
      [1, 129],
      [61, 69],
      [121, 9],
    ]);
  });

  test("with no time left nothing is marked or sent: every offer is unsent", () => {
    const clock = virtualClock(START);
    const http = new ScriptedHttp(created, clock);
    const session = new ApiSession(fakeContext(http, clock), "https://api.test/v1", "mkp_key_1234");
    clock.sleep(session.deadline - START);
    const writer = new FakeWriter([]);
    const result = sendOffers(session, writer, [item(1), item(2)], String, () => undefined);
    expect(http.requests).toHaveLength(0);
    expect(result.unsent.map((i) => i.key)).toEqual(["k-1", "k-2"]);
    expect(writer.ledger).toEqual([]);
    expect(writer.writes.flat()).toEqual([]);
  });
});
