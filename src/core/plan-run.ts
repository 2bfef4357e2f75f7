// Decides, from the parsed rows, what a create or validate run does with each offer, and what each
// API outcome writes back into the row.

import { quote } from "./cells";
import { backoffAfter, type Ledger, type LedgerEntry, type RefHistory } from "./ledger";
import type { CreateOfferBody, OfferRow } from "./offer-types";
import { heldBackMessage, implausibilities } from "./plausibility";
import type { CreatedOffer, Outcome } from "./responses";
import { isOpen } from "./statuses";
import { texts } from "./texts";
import type { FieldNames } from "./texts-bundled";
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
  /** The row's ledger ref ("" until it is marked, when a new one is given). */
  readonly ref: string;
}

/** A row left `sending`: what was sent for it (from the ledger, or the row itself when it has no entry). */
export interface ToReconcile {
  readonly row: OfferRow;
  readonly sent: LedgerEntry | null;
  readonly history: RefHistory | null;
}

export interface RunPlan {
  /** Valid offers to send, in sheet order. */
  readonly toSend: SendItem[];
  /** Rows found `sending`: a request may have gone out; reconcile before sending again. */
  readonly toReconcile: ToReconcile[];
  /** Valid offers that wait for their backoff after temporary errors (epoch ms they may go). */
  readonly waiting: { readonly item: SendItem; readonly notBefore: number }[];
  /** Writes before anything is sent (invalid rows, repaired statuses). */
  readonly updates: RowUpdate[];
  readonly counts: RunCounts;
}

export interface PlanOptions {
  /** Sheet rows to consider (createSelectedOffers), or null for every row. */
  readonly selected: ReadonlySet<number> | null;
  /** Mark valid rows "ready" instead of queueing them. */
  readonly validateOnly: boolean;
  readonly ledger: Ledger;
  readonly nowMs: number;
  /** Today, `YYYY-MM-DD` in the spreadsheet's time zone at `nowMs` (for the plausibility warnings). */
  readonly today: string;
  /** Epoch ms → the day and time as the user reads them. */
  readonly formatTime: (ms: number) => string;
  /**
   * Scheduled runs wait for a row's backoff after temporary errors; a person who chooses the menu
   * item again wants it tried now.
   */
  readonly respectBackoff: boolean;
  /** The Offers columns as the sheet's headers name them (for the warnings); else the language's. */
  readonly fields?: FieldNames;
}

const CLEARED: OutValues = { offerId: "", amount: "", createdAt: "", acceptedAt: "", rejectedAt: "" };

const update = (row: OfferRow, values: OutValues): RowUpdate => ({
  key: row.key,
  sheetRow: row.sheetRow,
  values,
  ...(row.ref ? { ref: row.ref } : {}),
});

/** Writes `values` only when the row does not show them already. */
function changed(row: OfferRow, values: OutValues): boolean {
  return values.status !== row.statusText || values.message !== row.message;
}

export function planRun(offers: readonly OfferRow[], options: PlanOptions): RunPlan {
  const { selected, validateOnly, ledger, nowMs } = options;
  const toSend: SendItem[] = [];
  const toReconcile: ToReconcile[] = [];
  const waiting: { item: SendItem; notBefore: number }[] = [];
  const updates: RowUpdate[] = [];
  const counts = emptyCounts();
  for (const row of offers) {
    if (selected && !selected.has(row.sheetRow)) continue;
    const open = isOpen(row.status);
    const history = row.ref ? (ledger.byRef.get(row.ref) ?? null) : null;
    if (open && row.offerId !== "") {
      // The row has an ID: the offer exists. Sending it again would duplicate it.
      updates.push(update(row, { status: "created", message: texts().rowHasOfferId() }));
      counts.skipped++;
    } else if (open && row.body === null) {
      updates.push(update(row, { status: "invalid", message: row.problems.join("; "), ...CLEARED }));
      counts.invalid++;
    } else if (open && row.body !== null) {
      const earlier = ledger.createdByKey.get(row.key);
      const last = earlier?.[earlier.length - 1];
      const item: SendItem = {
        key: row.key,
        sheetRow: row.sheetRow,
        offerNumber: row.offerNumber,
        body: row.body,
        ref: row.ref,
      };
      const notBefore =
        history && options.respectBackoff ? history.lastAttemptAt + backoffAfter(history.ambiguousInARow) : 0;
      // This product created that offer number before (the row was cleared, or copied), or the offer
      // looks wrong: sent only when the user says so.
      const reasons =
        row.status === "sendAnyway" ? [] : implausibilities(row.body, options.today, options.fields);
      if ((last || reasons.length > 0) && row.status !== "sendAnyway") {
        const warnings = [
          ...(last
            ? [texts().alreadyCreated(last.offerNumber, last.offerId, options.formatTime(last.at))]
            : []),
          ...(reasons.length > 0 ? [heldBackMessage(reasons)] : []),
        ];
        const values = { status: "warning", message: warnings.join(" ") };
        if (changed(row, values)) updates.push(update(row, values));
        counts.skipped++;
      } else if (validateOnly) {
        updates.push(
          update(row, {
            status: row.status === "sendAnyway" ? row.statusText : "",
            message: texts().readyToSend(),
            ...CLEARED,
          }),
        );
        counts.pending++;
      } else if (notBefore > nowMs) {
        waiting.push({ item, notBefore });
        const values = {
          status: row.statusText,
          message: texts().notCreatedRetryAt(options.formatTime(notBefore)),
        };
        if (changed(row, values)) updates.push(update(row, values));
        counts.pending++;
      } else {
        toSend.push(item);
      }
    } else if (row.status === "sending") {
      if (validateOnly) counts.pending++;
      else toReconcile.push({ row, sent: history?.open ? history.lastSent : null, history });
    } else if (row.status === "unknown") {
      updates.push(update(row, { message: texts().unknownStatus(quote(row.statusText)) }));
      counts.skipped++;
    } else {
      counts.skipped++;
    }
  }
  return { toSend, toReconcile, waiting, updates, counts };
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
          message: texts().notSentKeyRefused(),
        },
        count: "pending",
      };
    case "rate-limited":
      return {
        values: {
          status: "",
          message: texts().notSentRateLimit(),
        },
        count: "pending",
      };
    case "quota":
      return {
        values: {
          status: "",
          message: texts().notSentQuota(),
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
              message: texts().willCheck(outcome.reason),
            },
            count: "pending",
          }
        : { values: { status: "", message: texts().willRetry(outcome.reason) }, count: "pending" };
  }
}
