// settleLookups (src/core/settle.ts): what a lookup of possibly-sent offers means for their rows.

import { foldLedger, outcomeEntry, sentEntry } from "../../src/core/ledger";
import type { CreateOfferBody } from "../../src/core/offer-types";
import type { CreatedOffer } from "../../src/core/responses";
import { type SettleContext, settleLookups, type Unsettled } from "../../src/core/settle";

const NOW = Date.UTC(2026, 11, 1, 12);
const body = (offerNumber: string, customerId = "cst_a"): CreateOfferBody => ({
  offerNumber,
  customerId,
  issuedAt: "2026-12-01",
  expiresAt: "2026-12-31",
  lines: [{ description: "Work", amountExclVat: "10.00", vatRate: 21 }],
});
const ctx = (respectBackoff = true): SettleContext => ({
  nowMs: NOW,
  formatTimestamp: (iso) => `at ${iso}`,
  formatTime: (ms) => new Date(ms).toISOString(),
  respectBackoff,
});
const offer = (id: string, offerNumber: string): CreatedOffer => ({
  id,
  amount: "12.10",
  createdAt: "2026-12-01T11:59:00Z",
  offerNumber,
  customerId: "cst_a",
  acceptedAt: null,
  rejectedAt: null,
  expiresAt: "2026-12-31",
});

function unsettled(
  ref: string,
  sent: CreateOfferBody,
  now: CreateOfferBody | null,
  ambiguous = 0,
): Unsettled {
  const s = sentEntry(ref, sent, NOW - 60_000);
  const events = [
    s,
    ...Array.from({ length: ambiguous }, (_, i) => outcomeEntry(s, "ambiguous", NOW - 50_000 + i)),
  ];
  return {
    key: sent.offerNumber.toLowerCase(),
    sheetRow: 2,
    ref,
    offerNumber: sent.offerNumber,
    body: now,
    problems: now === null ? ["Issued at: missing"] : [],
    sent: s,
    history: foldLedger(events).byRef.get(ref) ?? null,
  };
}

describe("settling lookups", () => {
  it("a found offer makes the row created with that offer, and records it", () => {
    const u = unsettled("r1", body("K-1"), body("K-1"));
    const s = settleLookups([u], new Map([["r1", offer("off_1", "K-1")]]), true, ctx());
    expect(s.updates).toEqual([
      {
        key: "k-1",
        sheetRow: 2,
        ref: "r1",
        values: expect.objectContaining({
          status: "created",
          offerId: "off_1",
          amount: "12.10",
          message: "",
        }),
      },
    ]);
    expect(s.ledger.map((e) => [e.event, e.offerId])).toEqual([["created", "off_1"]]);
    expect(s.states.get("k-1")).toBe("created");
    expect(s.toSend).toEqual([]);
  });

  it("a row edited since it was sent keeps its offer and says what was sent", () => {
    const u = unsettled("r1", body("ED-2"), body("ED-2-NEW"));
    const s = settleLookups([u], new Map([["r1", offer("off_1", "ED-2")]]), true, ctx());
    expect(s.updates[0]?.values.status).toBe("created");
    expect(s.updates[0]?.values.message).toContain("ED-2");
  });

  it("not found in an incomplete search: left sending, saying so, nothing recorded", () => {
    const s = settleLookups([unsettled("r1", body("K-1"), body("K-1"))], new Map(), false, ctx());
    expect(s).toMatchObject({ toSend: [], ledger: [], open: 1 });
    expect(s.updates.map((u) => u.values)).toEqual([
      {
        status: "sending",
        message:
          "Not yet known whether MijnKlantportaal created this offer: its list of offers could not be read far enough in this run. The next run looks again; the offer is not sent again before it is certain that it was not created.",
      },
    ]);
    expect(s.states.get("k-1")).toBe("pending");
  });

  it("not found in an incomplete search, the row telling why already (a redirect): its Message is kept", () => {
    const u = { ...unsettled("r1", body("K-1"), body("K-1")), message: "MijnKlantportaal redirected…" };
    const s = settleLookups([u], new Map(), false, ctx());
    expect(s).toMatchObject({ updates: [], toSend: [], ledger: [], open: 1 });
  });

  it("proven absent: recorded absent and sent again at once after one try", () => {
    const s = settleLookups([unsettled("r1", body("K-1"), body("K-1"))], new Map(), true, ctx());
    expect(s.ledger.map((e) => e.event)).toEqual(["absent"]);
    expect(s.toSend.map((i) => [i.offerNumber, i.ref])).toEqual([["K-1", "r1"]]);
    expect(s.open).toBe(0);
  });

  it("proven absent after ambiguous answers: waits for its backoff in scheduled runs, not in a person's", () => {
    const u = unsettled("r1", body("K-1"), body("K-1"), 3);
    const waiting = settleLookups([u], new Map(), true, ctx(true));
    expect(waiting.toSend).toEqual([]);
    expect(waiting.states.get("k-1")).toBe("pending");
    expect(waiting.nextAttemptAt).toBe(NOW - 50_000 + 2 + 8 * 60_000);
    expect(waiting.updates[0]?.values.status).toBe("");
    expect(waiting.updates[0]?.values.message).toContain(
      new Date(NOW - 50_000 + 2 + 8 * 60_000).toISOString(),
    );
    const now = settleLookups([u], new Map(), true, ctx(false));
    expect(now.toSend).toHaveLength(1);
    expect(now.nextAttemptAt).toBeNull();
  });

  it("after too many ambiguous answers in a row the row fails instead of looping", () => {
    const s = settleLookups([unsettled("r1", body("K-1"), body("K-1"), 10)], new Map(), true, ctx(false));
    expect(s.updates[0]?.values.status).toBe("failed");
    expect(s.toSend).toEqual([]);
  });

  it("proven absent and no longer valid: invalid with the row's problems", () => {
    const s = settleLookups([unsettled("r1", body("K-1"), null)], new Map(), true, ctx());
    expect(s.updates[0]?.values).toEqual({ status: "invalid", message: "Issued at: missing" });
    expect(s.states.get("k-1")).toBe("invalid");
  });

  it("rows without a ref are found by their key", () => {
    const u = { ...unsettled("", body("K-9"), body("K-9")), key: "k-9" };
    const s = settleLookups([u], new Map([["key:k-9", offer("off_9", "K-9")]]), true, ctx());
    expect(s.updates[0]).toMatchObject({ key: "k-9", values: { offerId: "off_9" } });
    expect(s.updates[0]).not.toHaveProperty("ref");
  });
});
