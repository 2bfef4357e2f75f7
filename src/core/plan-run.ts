// Decides, from the parsed rows, what a create or validate run does with each offer, and what each
// API outcome writes back into the row.

import { quote } from "./cells";
import type { CreateOfferBody, OfferRow } from "./offer-types";
import type { CreatedOffer, Outcome } from "./responses";
import type { OutValues, RowUpdate } from "./write-back";

export interface RunCounts {
  created: number;
  failed: number;
  invalid: number;
  skipped: number;
  pending: number;
}

export const emptyCounts = (): RunCounts => ({ created: 0, failed: 0, invalid: 0, skipped: 0, pending: 0 });

export interface SendItem {
  readonly key: string;
  readonly sheetRow: number;
  readonly offerNumber: string;
  readonly body: CreateOfferBody;
}

export interface RunPlan {
  /** Valid offers to send, in sheet order. */
  readonly toSend: SendItem[];
  /** Rows found `sending`: a request may have gone out; reconcile before sending again. */
  readonly toReconcile: OfferRow[];
  /** Writes before anything is sent (invalid rows, repaired statuses). */
  readonly updates: RowUpdate[];
  readonly counts: RunCounts;
}

const CLEARED: OutValues = { offerId: "", amount: "", createdAt: "", acceptedAt: "", rejectedAt: "" };

const update = (row: OfferRow, values: OutValues): RowUpdate => ({
  key: row.key,
  sheetRow: row.sheetRow,
  values,
});

/**
 * @param selected sheet rows to consider (createSelectedOffers), or null for every row.
 * @param validateOnly mark valid rows "ready" instead of queueing them.
 */
export function planRun(
  offers: readonly OfferRow[],
  selected: ReadonlySet<number> | null,
  validateOnly: boolean,
): RunPlan {
  const toSend: SendItem[] = [];
  const toReconcile: OfferRow[] = [];
  const updates: RowUpdate[] = [];
  const counts = emptyCounts();
  for (const row of offers) {
    if (selected && !selected.has(row.sheetRow)) continue;
    const open = row.status === "pending" || row.status === "invalid";
    if (open && row.offerId !== "") {
      // The row has an ID: the offer exists. Sending it again would duplicate it.
      updates.push(
        update(row, {
          status: "created",
          message:
            "This offer already has an Offer ID, so it was not sent again. To create a new offer, clear Offer ID and Status.",
        }),
      );
      counts.skipped++;
    } else if (open && row.body === null) {
      updates.push(update(row, { status: "invalid", message: row.problems.join("; "), ...CLEARED }));
      counts.invalid++;
    } else if (open && row.body !== null) {
      if (validateOnly) {
        updates.push(update(row, { status: "", message: "Ready to send", ...CLEARED }));
        counts.pending++;
      } else {
        toSend.push({ key: row.key, sheetRow: row.sheetRow, offerNumber: row.offerNumber, body: row.body });
      }
    } else if (row.status === "sending") {
      if (validateOnly) counts.pending++;
      else toReconcile.push(row);
    } else if (row.status === "unknown") {
      updates.push(
        update(row, {
          message: `Status ${quote(row.statusText)} is not one this tool knows: clear it to send the offer, or type skip.`,
        }),
      );
      counts.skipped++;
    } else {
      counts.skipped++;
    }
  }
  return { toSend, toReconcile, updates, counts };
}

export const sendingValues = (): OutValues => ({ status: "sending", message: "", ...CLEARED });

export function createdValues(offer: CreatedOffer, formatTimestamp: (iso: string) => string): OutValues {
  return {
    status: "created",
    offerId: offer.id,
    amount: offer.amount,
    message: "",
    createdAt: offer.createdAt ? formatTimestamp(offer.createdAt) : "",
    acceptedAt: offer.acceptedAt ? formatTimestamp(offer.acceptedAt) : "",
    rejectedAt: offer.rejectedAt ? formatTimestamp(offer.rejectedAt) : "",
  };
}

/** What a final outcome (after any retries) writes into the row, and how it counts. */
export function outcomeValues(
  outcome: Outcome,
  formatTimestamp: (iso: string) => string,
): { values: OutValues; count: keyof RunCounts } {
  switch (outcome.kind) {
    case "created":
      return { values: createdValues(outcome.offer, formatTimestamp), count: "created" };
    case "refused":
      return { values: { status: "failed", message: outcome.reason }, count: "failed" };
    case "unauthorized":
      return {
        values: {
          status: "",
          message: "Not sent: MijnKlantportaal refused the API key. Set the API key again.",
        },
        count: "pending",
      };
    case "rate-limited":
      return {
        values: {
          status: "",
          message: "Not sent yet: MijnKlantportaal's rate limit was reached, will retry",
        },
        count: "pending",
      };
    case "quota":
      return {
        values: {
          status: "",
          message: "Not sent: today's Google UrlFetch quota is used up, will retry tomorrow",
        },
        count: "pending",
      };
    case "transient":
      // When the server may have created the offer, the row stays `sending` so that the next run
      // looks it up before sending it again.
      return outcome.ambiguous
        ? {
            values: {
              status: "sending",
              message: `${outcome.reason}; will check MijnKlantportaal and retry`,
            },
            count: "pending",
          }
        : { values: { status: "", message: `${outcome.reason}, will retry` }, count: "pending" };
  }
}
