// New customers → POST /customers, exactly once by the same rules as offers: the row is marked
// `sending` with what is sent (hidden column) and flushed before the request leaves; a row found
// `sending` is looked up in the customer list by the sync (sync-customers.ts: same e-mail and name as
// sent, created no earlier than its marking) and sent again only when a pass proven complete, started
// after it was sent, did not find it. IDs are written back.

import type { NewCustomerValues } from "../core/customer-ports";
import { pick } from "../core/language";
import type { NewCustomerRow } from "../core/parse-customers";
import { classify, parseJson, reasonOf } from "../core/responses";
import { texts } from "../core/texts";
import { CUSTOMER_TEXTS, NEW_CUSTOMER_STATUS } from "../core/texts-customers";
import type { ApiSession } from "./api-session";

export interface CreateCustomersResult {
  created: number;
  /** Rows still waiting (a lookup not yet certain, out of time or budget). */
  waiting: number;
}

type Update = { key: string; sheetRow: number; values: NewCustomerValues };

/**
 * Creates the rows given (those offers need). `certainSince` is when the newest sync pass proven
 * complete started: a `sending` row marked before it, which that pass did not settle, was certainly
 * not created.
 */
export function createNewCustomers(
  session: ApiSession,
  rows: readonly NewCustomerRow[],
  certainSince: number | null,
  language: "en" | "nl",
): CreateCustomersResult {
  const ctx = session.ctx;
  const t = pick(CUSTOMER_TEXTS);
  const words = NEW_CUSTOMER_STATUS[language];
  const result: CreateCustomersResult = { created: 0, waiting: 0 };
  const updates: Update[] = [];
  const toSend: NewCustomerRow[] = [];
  for (const row of rows) {
    const upd = (values: NewCustomerValues) => updates.push({ key: row.key, sheetRow: row.sheetRow, values });
    if (row.customerId !== "" || row.status === "failed" || row.status === "created") continue;
    if (row.status === "sending") {
      const sent = row.sent;
      if (certainSince !== null && sent !== null && certainSince > sent.at && row.body) toSend.push(row);
      else result.waiting++;
      continue;
    }
    if (row.body === null) {
      upd({ status: words.invalid, message: row.problems.join("; ") });
      continue;
    }
    toSend.push(row);
  }
  ctx.customers.writeNewCustomers(updates);
  let queue = toSend;
  while (queue.length > 0 && session.canContinue()) {
    if (session.room() === 0 && !session.waitForRoom()) break;
    const batch = queue.slice(0, session.room());
    queue = queue.slice(batch.length);
    const at = session.now();
    // Marked and flushed before the requests leave: a lost answer is looked up, never sent blindly again.
    ctx.customers.writeNewCustomers(
      batch.map((r) => ({
        key: r.key,
        sheetRow: r.sheetRow,
        values: {
          status: words.sending,
          message: "",
          sent: JSON.stringify({ at, companyName: r.body?.companyName, primaryEmail: r.body?.primaryEmail }),
        },
      })),
    );
    ctx.customers.flush();
    const answers = session.send(
      batch.map((r) => ({ method: "post" as const, path: "/customers", body: r.body })),
    );
    const now = session.now();
    const outcomes: Update[] = batch.map((r, i) => {
      const e = answers[i] ?? { kind: "network" as const, detail: "no answer" };
      const put = (values: NewCustomerValues): Update => ({ key: r.key, sheetRow: r.sheetRow, values });
      if (e.kind === "response" && (e.status === 200 || e.status === 201)) {
        const json = parseJson(e.body) as { id?: unknown } | null;
        if (json && typeof json.id === "string" && /^cst_/.test(json.id)) {
          result.created++;
          return put({ status: words.created, customerId: json.id, message: "" });
        }
      }
      const outcome = classify(e, now, true);
      switch (outcome.kind) {
        case "refused":
          return put({ status: words.failed, message: outcome.reason });
        case "unauthorized":
          return put({
            status: "",
            message: outcome.status === 403 ? t.noCustomerWrite() : reasonOf("", 401),
          });
        case "rate-limited":
        case "quota":
          result.waiting++;
          return put({ status: "", message: "" });
        default:
          // A 5xx or no answer: it may exist. The row stays `sending` until a lookup settles it.
          result.waiting++;
          return put({
            status: words.sending,
            message: t.willCheck(outcome.kind === "transient" ? outcome.reason : texts().unreachable()),
          });
      }
    });
    ctx.customers.writeNewCustomers(outcomes);
  }
  result.waiting += queue.length;
  return result;
}
