// Customers named by company name or e-mail, resolved to their IDs from Customers (synced first when
// it is older than a day or a name is not found), New customers that offers need created first. Part
// of the customers feature (core/features.ts): loaded only by a run whose offers name one.

import {
  emailKey,
  indexCustomers,
  type KnownCustomer,
  looksLikeEmail,
  matchCustomer,
  nameKey,
} from "../core/customer-match";
import { pick, language as textLanguage } from "../core/language";
import { type NewCustomerRow, parseCustomerRows, parseNewCustomers } from "../core/parse-customers";
import { parseOffers } from "../core/parse-offers";
import type { RunContext } from "../core/ports";
import { bad, ok, type Parsed } from "../core/result";
import { texts as catalogue } from "../core/texts";
import { FIELD_NAMES } from "../core/texts-bundled";
import { CUSTOMER_TEXTS } from "../core/texts-customers";
import { NAME_TEXTS } from "../core/texts-names";
import type { RowUpdate } from "../core/write-back";
import { ApiSession } from "./api-session";
import { createNewCustomers } from "./create-customers";
import { type CustomerStep, ERROR_TEXT, type NamedCustomers, NOT_A_NAME } from "./customer-names";
import type { OffersBook } from "./offers-book";
import { apiAccess } from "./settings";
import { syncCustomers } from "./sync-customers";
import { SYNC_MAX_AGE_MS, syncState } from "./sync-state";

/** A name not found is synced for only when the last complete pass is older than this. */
const MISSING_NAME_RESYNC_MS = 5 * 60_000;
const GONE = /^(No longer in MijnKlantportaal|Niet meer in MijnKlantportaal)/;

function known(ctx: RunContext): {
  customers: KnownCustomer[];
  fresh: NewCustomerRow[];
  language: "en" | "nl";
} {
  const read = ctx.customers.readCustomers(false);
  const customers: KnownCustomer[] = read
    ? parseCustomerRows(read.table, read.columns, (t) => GONE.test(t)).filter((r) => !r.gone)
    : [];
  const news = ctx.customers.readNewCustomers();
  const fresh = news ? parseNewCustomers(news.table, news.columns) : [];
  // A created row is known by what it was created as: a row typed over with another company later
  // must not lend that company the old customer's ID.
  for (const n of fresh)
    if (n.customerId !== "")
      customers.push({
        id: n.customerId,
        companyName: n.sent?.companyName ?? n.companyName,
        email: n.sent?.primaryEmail ?? n.email,
      });
  return { customers, fresh, language: news?.language ?? "en" };
}

const newRowFor = (fresh: readonly NewCustomerRow[], text: string): NewCustomerRow | undefined =>
  looksLikeEmail(text)
    ? fresh.find((n) => emailKey(n.email) === emailKey(text))
    : fresh.find((n) => n.key !== "" && n.key === nameKey(text));

/**
 * The offers naming a customer by company name or e-mail (found by customer-names.ts, which calls
 * this only when there are any): resolved from Customers, synced or created first where needed.
 */
export function resolveNamedCustomers(
  ctx: RunContext,
  book: OffersBook,
  mode: "create" | "validate",
  named: NamedCustomers,
): CustomerStep {
  const columns = book.offersSheet.columns;
  const { texts, notNames } = named;
  let { customers, fresh, language } = known(ctx);
  let index = indexCustomers(customers);
  const needed = (): NewCustomerRow[] => {
    const rows = new Map<number, NewCustomerRow>();
    for (const text of texts.values()) {
      const n = newRowFor(fresh, text);
      // A row left `sending` is settled even when the customer shows up in Customers meanwhile.
      if (n && n.customerId === "" && (n.status === "sending" || matchCustomer(index, text).kind === "none"))
        rows.set(n.sheetRow, n);
    }
    return [...rows.values()];
  };
  const access = apiAccess(ctx.stores);
  let noRead = false;
  let moreWork = false;
  if (access.ok && texts.size > 0) {
    const session = new ApiSession(ctx, access.url, access.key);
    const state = syncState(ctx);
    const now = session.now();
    const missing = [...texts.values()].some(
      (t) => matchCustomer(index, t).kind === "none" && !newRowFor(fresh, t),
    );
    const sending =
      mode === "create" ? needed().filter((n) => n.status === "sending" && n.customerId === "") : [];
    // A row left `sending` is looked up in a list read after it was sent, proven complete by the pass
    // after it (a deletion during a read can move a customer past the reader): up to three passes.
    const freshSince = Math.max(0, ...sending.map((n) => (n.sent?.at ?? 0) + 1));
    const stale =
      state.completedAt === null || now - state.completedAt > SYNC_MAX_AGE_MS || state.pass !== null;
    const unproven = () => (syncState(ctx).provenAt ?? 0) < freshSince;
    const lookup = sending.length > 0 && unproven();
    const recent = state.completedAt !== null && now - state.completedAt < MISSING_NAME_RESYNC_MS;
    if (stale || lookup || (missing && !recent)) {
      for (let pass = 0; pass < 3; pass++) {
        const r = syncCustomers(ctx, session, lookup ? freshSince : 0);
        noRead = r.noRead;
        moreWork = r.more;
        ({ customers, fresh, language } = known(ctx));
        index = indexCustomers(customers);
        const open = needed().some((n) => n.status === "sending");
        if (!lookup || !r.complete || !open || !unproven() || !session.canContinue()) break;
      }
    }
    if (mode === "create" && !noRead && !session.unauthorized) {
      const rows = needed();
      if (rows.length > 0) {
        const created = createNewCustomers(session, rows, syncState(ctx).provenAt ?? null, language);
        if (created.waiting > 0) moreWork = true;
        ({ customers, fresh, language } = known(ctx));
        index = indexCustomers(customers);
      }
    }
    session.save();
  }

  const t = pick(CUSTOMER_TEXTS);
  // Messages name the column as the sheet's header does ("Customer", "Customer ID", "Klant-ID" …).
  const field =
    String(book.offersSheet.table.header[columns.customerId ?? -1] ?? "").trim() ||
    FIELD_NAMES[textLanguage()].customerId;
  const label = (c: KnownCustomer) => `"${c.companyName}" (${c.id})`;
  const resolve = (text: string): Parsed<string> => {
    // An error cell: what the error most likely means and what to do, as for every other field.
    if (ERROR_TEXT.test(text)) return bad(catalogue().cellError(field, text));
    if (notNames.has(text) || NOT_A_NAME(text)) return bad(t.notAName(field, text));
    const m = matchCustomer(index, text);
    if (m.kind === "id") return ok(m.id);
    if (m.kind === "one") return ok(m.customer.id);
    if (m.kind === "several") return bad(t.severalCustomers(field, text, m.candidates.map(label)));
    const n = newRowFor(fresh, text);
    if (n && n.customerId !== "" && n.sent)
      return bad(pick(NAME_TEXTS).newRowChanged(field, n.companyName, n.customerId, n.sent.companyName));
    if (n) {
      const why =
        n.body === null ? t.newHasProblems() : n.status === "failed" ? t.newFailed() : t.newWaiting();
      return bad(t.newNotCreated(field, n.companyName, why));
    }
    // `CST_abc1`: an ID typed with its prefix in capitals (IDs are case-sensitive, so not corrected).
    const prefix = /^cst_/i.exec(text);
    if (prefix && prefix[0] !== "cst_") return bad(t.idInCapitals(field, text, `cst_${text.slice(4)}`));
    if (noRead) return bad(t.noCustomerRead(field));
    // Suggestions that share a name are told apart by their IDs (a name alone would match several).
    const names = m.suggestions.map((c) => c.companyName);
    const told = m.suggestions.map((c) =>
      names.filter((n) => n === c.companyName).length > 1 ? label(c) : `"${c.companyName}"`,
    );
    return bad(t.noSuchCustomer(field, text, told));
  };
  const offers = parseOffers(book.offersSheet.table, columns, book.lines, (d) => book.time.ymd(d), {
    locale: book.workbook.locale(),
    resolveCustomer: resolve,
  });
  const updates: RowUpdate[] = [];
  if (mode === "create") {
    for (const row of offers) {
      const text = texts.get(row.sheetRow);
      if (text !== undefined && row.body !== null)
        updates.push({
          key: row.key,
          sheetRow: row.sheetRow,
          values: { customerId: row.body.customerId },
          ...(row.ref ? { ref: row.ref } : {}),
        });
    }
  }
  return { book: { ...book, offers }, moreWork, updates };
}
