// What a lookup of possibly-sent offers means for their rows (pure): found → `created` with that
// offer (saying so when the row was edited since it was sent); proven absent → sent again, once its
// backoff has passed; not proven either way → left `sending` for the next run, saying so.

import {
  backoffAfter,
  bodyHash,
  type LedgerEntry,
  MAX_AMBIGUOUS_IN_A_ROW,
  outcomeEntry,
  type RefHistory,
} from "./ledger";
import type { CreateOfferBody } from "./offer-types";
import { createdValues, type RunCounts, type SendItem } from "./plan-run";
import type { CreatedOffer } from "./responses";
import { texts } from "./texts";
import type { RowUpdate } from "./write-back";

export interface Unsettled {
  readonly key: string;
  readonly sheetRow: number;
  readonly ref: string;
  readonly offerNumber: string;
  /** The row's request body now (null when it no longer validates). */
  readonly body: CreateOfferBody | null;
  readonly problems: readonly string[];
  /** The row's Message as read (a left-`sending` row's, from the run that left it); blank when new. */
  readonly message?: string;
  /** What was sent for it. */
  readonly sent: LedgerEntry;
  readonly history: RefHistory | null;
}

export interface Settlement {
  readonly updates: RowUpdate[];
  /** Proven absent and due: to be sent (again) now. */
  readonly toSend: SendItem[];
  readonly ledger: LedgerEntry[];
  /** Final state of each row, by key, for the run's counts. */
  readonly states: Map<string, keyof RunCounts>;
  /** Rows the lookup could not settle: still `sending`, for a later run. */
  readonly open: number;
  /**
   * Rows still `sending` because the list shows offers the product cannot match (lookUp's doubtful):
   * told so on the row, left to the next scheduled run or to the user, not continued at once.
   */
  readonly doubtful: number;
  /** The earliest time a row that waits on its backoff may be sent (epoch ms), or null. */
  readonly nextAttemptAt: number | null;
}

export interface SettleContext {
  readonly nowMs: number;
  readonly formatTimestamp: (iso: string) => string;
  readonly formatTime: (ms: number) => string;
  /** See PlanOptions.respectBackoff. */
  readonly respectBackoff: boolean;
}

const editedSince = (u: Unsettled): boolean =>
  u.body === null ||
  u.body.offerNumber !== u.sent.offerNumber ||
  u.body.customerId !== u.sent.customerId ||
  (u.sent.bodyHash !== "" && bodyHash(u.body) !== u.sent.bodyHash);

export function settleLookups(
  items: readonly Unsettled[],
  found: ReadonlyMap<string, CreatedOffer>,
  complete: boolean,
  c: SettleContext,
  doubtful: ReadonlySet<string> = new Set(),
): Settlement {
  const updates: RowUpdate[] = [];
  const toSend: SendItem[] = [];
  const ledger: LedgerEntry[] = [];
  const states = new Map<string, keyof RunCounts>();
  let open = 0;
  let unsure = 0;
  let nextAttemptAt: number | null = null;
  for (const u of items) {
    const at = { key: u.key, sheetRow: u.sheetRow, ...(u.ref ? { ref: u.ref } : {}) };
    const offer = found.get(u.ref || `key:${u.key}`);
    if (offer) {
      const values = createdValues(offer, c.formatTimestamp);
      if (editedSince(u)) values.message = texts().editedWhileSending(u.sent.offerNumber, u.sent.customerId);
      updates.push({ ...at, values });
      ledger.push(outcomeEntry(u.sent, "created", c.nowMs, offer));
      states.set(u.key, "created");
      continue;
    }
    if (!complete) {
      if (doubtful.has(u.ref || `key:${u.key}`)) {
        unsure++;
        const message = texts().cannotTellIfCreated(u.sent.offerNumber);
        updates.push({ ...at, values: { status: "sending", message } });
      } else {
        // Said on a row that says nothing yet (a left-`sending` row keeps the reason its run gave, such
        // as a redirect), so that a row left `sending` is never a mystery, nor sent again by hand.
        open++;
        if ((u.message ?? "").trim() === "")
          updates.push({ ...at, values: { status: "sending", message: texts().stillChecking() } });
      }
      states.set(u.key, "pending");
      continue;
    }
    // Not in MijnKlantportaal, for certain: the earlier request never created it.
    if (u.ref) ledger.push(outcomeEntry(u.sent, "absent", c.nowMs));
    const tries = u.history?.ambiguousInARow ?? 0;
    const notBefore = c.respectBackoff ? (u.history?.lastAttemptAt ?? 0) + backoffAfter(tries) : 0;
    if (tries >= MAX_AMBIGUOUS_IN_A_ROW) {
      updates.push({ ...at, values: { status: "failed", message: texts().notCreatedGaveUp(tries) } });
      states.set(u.key, "failed");
    } else if (u.body === null) {
      updates.push({ ...at, values: { status: "invalid", message: u.problems.join("; ") } });
      states.set(u.key, "invalid");
    } else if (notBefore > c.nowMs) {
      updates.push({
        ...at,
        values: { status: "", message: texts().notCreatedRetryAt(c.formatTime(notBefore)) },
      });
      states.set(u.key, "pending");
      nextAttemptAt = Math.min(nextAttemptAt ?? notBefore, notBefore);
    } else {
      toSend.push({ key: u.key, sheetRow: u.sheetRow, offerNumber: u.offerNumber, body: u.body, ref: u.ref });
    }
  }
  return { updates, toSend, ledger, states, open, doubtful: unsure, nextAttemptAt };
}
