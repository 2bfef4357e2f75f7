// The ledger (src/core/ledger.ts): its rows round-trip through the sheet, folding tells per ref what
// was sent and what came of it, and the backoff across runs grows and stops at an hour.

import {
  backoffAfter,
  bodyHash,
  foldLedger,
  LEDGER_TEXT_MARK,
  type LedgerEntry,
  ledgerRow,
  MAX_AMBIGUOUS_IN_A_ROW,
  newRef,
  outcomeEntry,
  parseLedgerRows,
  sentEntry,
} from "../../src/core/ledger";
import type { CreateOfferBody } from "../../src/core/offer-types";
import { offerKey } from "../../src/core/table";

const body = (offerNumber: string, amount = "10.00"): CreateOfferBody => ({
  offerNumber,
  customerId: "cst_a",
  issuedAt: "2026-12-01",
  expiresAt: "2026-12-31",
  sendNotification: false,
  lines: [{ description: "Work", amountExclVat: amount, vatRate: 21 }],
});

describe("ledger rows", () => {
  it("round-trip through the sheet's cells", () => {
    const sent = sentEntry("r1", body("K-1"), 1000);
    const created = outcomeEntry(sent, "created", 2000, { id: "off_1", createdAt: "2026-12-01T10:00:00Z" });
    const rows = [ledgerRow(sent), ledgerRow(created)];
    expect(parseLedgerRows(rows)).toEqual([sent, created]);
  });

  it("marks every cell as text, so an offer number like 0012 or a date stays as typed in any cell format", () => {
    const sent = sentEntry("r1", body("0012"), 1000);
    const row = ledgerRow(sent);
    expect(row.every((cell) => cell.startsWith(LEDGER_TEXT_MARK))).toBe(true);
    expect(row.slice(2, 5)).toEqual(["~0012", "~cst_a", "~2026-12-01"]);
    expect(parseLedgerRows([row])[0]?.offerNumber).toBe("0012");
  });

  it("reads rows written before the mark (plain-text cells, the time a number or text)", () => {
    const old = [
      "r1",
      "created",
      "K-1",
      "cst_1",
      "2026-12-01",
      "",
      "h",
      1000,
      "off_1",
      "2026-12-01T10:00:00Z",
    ];
    expect(parseLedgerRows([old, [...old.slice(0, 7), "2000", ...old.slice(8)]])).toEqual([
      expect.objectContaining({
        ref: "r1",
        event: "created",
        offerNumber: "K-1",
        at: 1000,
        offerId: "off_1",
      }),
      expect.objectContaining({ at: 2000 }),
    ]);
  });

  it("ignores rows that are not entries: no ref, an unknown event, no time", () => {
    const good = ledgerRow(sentEntry("r1", body("K-1"), 1000));
    const rows = [
      ["", "sent", "K-1", "", "", "", "", 5],
      ["r2", "deleted", "K-2", "", "", "", "", 5],
      ["r3", "sent", "K-3", "", "", "", "", "soon"],
      ["~r4", "~sent", "~K-4", "~", "~", "~", "~", "~"],
      good,
    ];
    expect(parseLedgerRows(rows).map((e) => e.ref)).toEqual(["r1"]);
  });
});

describe("folding the ledger", () => {
  const sent = sentEntry("r1", body("K-1"), 1000);
  const entry = (event: Exclude<LedgerEntry["event"], "sent">, at: number) => outcomeEntry(sent, event, at);

  it("a sent request without an answer is open", () => {
    const h = foldLedger([sent]).byRef.get("r1");
    expect(h).toMatchObject({ open: true, ambiguousInARow: 0, lastAttemptAt: 1000, created: null });
    expect(h?.lastSent).toEqual(sent);
  });

  it("counts ambiguous answers in a row until a definite one, and remembers what was created by number", () => {
    const created = outcomeEntry(sent, "created", 9000, { id: "off_9", createdAt: "x" });
    const ledger = foldLedger([sent, entry("ambiguous", 2000), entry("ambiguous", 3000), created]);
    expect(ledger.byRef.get("r1")).toMatchObject({ open: false, ambiguousInARow: 0, lastAttemptAt: 9000 });
    expect(ledger.byRef.get("r1")?.created?.offerId).toBe("off_9");
    expect(ledger.createdByKey.get(offerKey(" k-1 "))?.map((e) => e.offerId)).toEqual(["off_9"]);
    expect(ledger.size).toBe(4);
  });

  it("ambiguous answers in a row keep the request open; proof of absence closes it but keeps the count", () => {
    const afterTwo = foldLedger([sent, entry("ambiguous", 2000), entry("ambiguous", 3000)]).byRef.get("r1");
    expect(afterTwo).toMatchObject({ open: true, ambiguousInARow: 2, lastAttemptAt: 3000 });
    const absent = foldLedger([sent, entry("ambiguous", 2000), entry("absent", 4000)]).byRef.get("r1");
    expect(absent).toMatchObject({ open: false, ambiguousInARow: 1, lastAttemptAt: 2000 });
  });

  it("a refusal resets the count", () => {
    const h = foldLedger([sent, entry("ambiguous", 2000), entry("refused", 3000)]).byRef.get("r1");
    expect(h).toMatchObject({ open: false, ambiguousInARow: 0 });
  });

  it("keeps every offer created under one number, oldest first", () => {
    const other = sentEntry("r2", body("K-1"), 5000);
    const ledger = foldLedger([
      outcomeEntry(sent, "created", 2000, { id: "off_a", createdAt: "" }),
      outcomeEntry(other, "created", 6000, { id: "off_b", createdAt: "" }),
    ]);
    const lists = [...ledger.createdByKey.values()];
    expect(lists).toHaveLength(1);
    expect(lists[0]?.map((e) => e.offerId)).toEqual(["off_a", "off_b"]);
  });
});

describe("body hash and refs", () => {
  it("a body hash is stable and changes with any field", () => {
    expect(bodyHash(body("K-1"))).toBe(bodyHash(body("K-1")));
    expect(bodyHash(body("K-1"))).toMatch(/^[0-9a-f]{8}$/);
    expect(bodyHash(body("K-1", "10.01"))).not.toBe(bodyHash(body("K-1")));
  });

  it("a ref is r + 11 base-36 characters, from the time and the random number given", () => {
    const ref = newRef(Date.UTC(2026, 11, 1), 0.5);
    expect(ref).toMatch(/^r[0-9a-z]{11}$/);
    expect(newRef(Date.UTC(2026, 11, 1), 0.5)).toBe(ref);
    expect(newRef(Date.UTC(2026, 11, 1), 0.25)).not.toBe(ref);
  });
});

describe("backoff across runs", () => {
  it.each([
    [0, 0],
    [1, 2],
    [2, 4],
    [3, 8],
    [5, 32],
    [6, 60],
    [MAX_AMBIGUOUS_IN_A_ROW, 60],
  ])("after %i ambiguous answers in a row: %i minutes", (n, minutes) => {
    expect(backoffAfter(n)).toBe(minutes * 60_000);
  });
});
