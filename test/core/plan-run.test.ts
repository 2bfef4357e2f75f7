// planRun (src/core/plan-run.ts): what a create or validate run does with each parsed row.

import { foldLedger, type LedgerEntry, outcomeEntry, sentEntry } from "../../src/core/ledger";
import type { CreateOfferBody, OfferRow, OfferStatus } from "../../src/core/offer-types";
import { type PlanOptions, planRun } from "../../src/core/plan-run";

const NOW = Date.UTC(2026, 11, 1, 12);
const body = (offerNumber: string): CreateOfferBody => ({
  offerNumber,
  customerId: "cst_a",
  issuedAt: "2026-12-01",
  expiresAt: "2026-12-31",
  lines: [{ description: "Work", amountExclVat: "10.00", vatRate: 21 }],
});

let nextRow = 2;
function row(offerNumber: string, status: OfferStatus, more: Partial<OfferRow> = {}): OfferRow {
  return {
    sheetRow: nextRow++,
    key: offerNumber.toLowerCase(),
    offerNumber,
    customerId: "cst_a",
    status,
    statusText: status === "pending" ? "" : status === "sendAnyway" ? "send anyway" : status,
    offerId: "",
    message: "",
    expiresAt: "2026-12-31",
    ref: "",
    body: body(offerNumber),
    problems: [],
    ...more,
  };
}

const options = (ledger: LedgerEntry[] = [], more: Partial<PlanOptions> = {}): PlanOptions => ({
  selected: null,
  validateOnly: false,
  ledger: foldLedger(ledger),
  nowMs: NOW,
  formatTime: (ms) => new Date(ms).toISOString(),
  respectBackoff: true,
  today: "2026-12-01",
  ...more,
});

describe("planning a run", () => {
  beforeEach(() => {
    nextRow = 2;
  });

  it("sends valid pending rows in sheet order and counts the rest", () => {
    const rows = [
      row("A1", "pending"),
      row("B2", "invalid", { body: null, problems: ["Customer ID: missing"] }),
      row("C3", "created", { offerId: "off_3" }),
      row("D4", "skip"),
      row("E5", "pending"),
    ];
    const plan = planRun(rows, options());
    expect(plan.toSend.map((s) => [s.offerNumber, s.sheetRow])).toEqual([
      ["A1", 2],
      ["E5", 6],
    ]);
    expect(plan.updates).toEqual([
      {
        key: "b2",
        sheetRow: 3,
        values: expect.objectContaining({ status: "invalid", message: "Customer ID: missing", offerId: "" }),
      },
    ]);
    expect(plan.counts).toEqual({ created: 0, failed: 0, invalid: 1, skipped: 2, pending: 0 });
  });

  it("a pending row that has an Offer ID is not sent again", () => {
    const plan = planRun([row("F6", "pending", { offerId: "off_2" })], options());
    expect(plan.toSend).toEqual([]);
    expect(plan.updates[0]?.values.status).toBe("created");
    expect(plan.updates[0]?.values.message).toMatch(/Offer ID/);
  });

  it("rows left sending are reconciled with what was sent, not sent", () => {
    const sent = sentEntry("r1", body("E5"), NOW - 60_000);
    const plan = planRun([row("E5", "sending", { ref: "r1" }), row("E6", "sending")], options([sent]));
    expect(plan.toSend).toEqual([]);
    expect(plan.toReconcile.map((r) => [r.row.offerNumber, r.sent?.ref ?? null])).toEqual([
      ["E5", "r1"],
      ["E6", null],
    ]);
  });

  it("a number this product already created waits for 'send anyway'", () => {
    const earlier = outcomeEntry(
      sentEntry("r0", body("K-7"), NOW - 86_400_000),
      "created",
      NOW - 86_000_000,
      {
        id: "off_old",
        createdAt: "",
      },
    );
    const warned = planRun([row("K-7", "pending")], options([earlier]));
    expect(warned.toSend).toEqual([]);
    expect(warned.updates[0]?.values.status).toBe("warning");
    expect(warned.updates[0]?.values.message).toContain("off_old");
    const again = planRun(
      [row("K-7", "warning", { message: warned.updates[0]?.values.message ?? "" })],
      options([earlier]),
    );
    expect(again.updates).toEqual([]);
    const anyway = planRun([row("K-7", "sendAnyway")], options([earlier]));
    expect(anyway.toSend.map((s) => s.offerNumber)).toEqual(["K-7"]);
  });

  it("after temporary errors a scheduled run waits for the row's backoff; a person's run does not", () => {
    const sent = sentEntry("r1", body("W1"), NOW - 120_000);
    const ledger = [
      sent,
      outcomeEntry(sent, "ambiguous", NOW - 60_000),
      outcomeEntry(sent, "absent", NOW - 59_000),
    ];
    const waiting = planRun([row("W1", "pending", { ref: "r1" })], options(ledger));
    expect(waiting.toSend).toEqual([]);
    expect(waiting.waiting.map((w) => w.notBefore)).toEqual([NOW - 60_000 + 2 * 60_000]);
    expect(waiting.counts.pending).toBe(1);
    const now = planRun([row("W1", "pending", { ref: "r1" })], options(ledger, { respectBackoff: false }));
    expect(now.toSend).toHaveLength(1);
  });

  it("validate only marks valid rows ready and sends nothing", () => {
    const plan = planRun([row("V1", "pending"), row("V2", "sending")], options([], { validateOnly: true }));
    expect(plan.toSend).toEqual([]);
    expect(plan.toReconcile).toEqual([]);
    expect(plan.updates.map((u) => u.values.status)).toEqual([""]);
    expect(plan.counts.pending).toBe(2);
  });

  it("only selected rows are considered", () => {
    const plan = planRun(
      [row("S1", "pending"), row("S2", "pending")],
      options([], { selected: new Set([3]) }),
    );
    expect(plan.toSend.map((s) => s.offerNumber)).toEqual(["S2"]);
  });

  it("an unknown status is left as typed, with a message saying what to do", () => {
    const plan = planRun([row("U1", "unknown", { statusText: "whatever" })], options());
    expect(plan.toSend).toEqual([]);
    expect(plan.updates[0]?.values).toEqual({ message: expect.stringContaining("whatever") });
    expect(plan.counts.skipped).toBe(1);
  });
});
