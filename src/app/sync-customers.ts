// syncCustomers: the customer list of MijnKlantportaal into the sheet Customers. Pages through
// GET /customers on the run's rate budget (bigger pages asked for, as for offers), writes only new and
// changed rows, remembers where a pass stopped (the next execution goes on from there), and marks
// customers no longer in the list on their row (after GET /customers/{id} says 404), never deleting.

import type { CustomerValues, SheetRead } from "../core/customer-ports";
import {
  type ApiCustomer,
  asApiCustomer,
  customerValues,
  diffCustomers,
  settledBy,
} from "../core/customer-sync";
import { pick } from "../core/language";
import { type EnvelopePage, parseEnvelope } from "../core/offer-list";
import {
  type CustomerRow,
  type NewCustomerRow,
  parseCustomerRows,
  parseNewCustomers,
} from "../core/parse-customers";
import { emptyCounts } from "../core/plan-run";
import type { RunContext } from "../core/ports";
import {
  CUSTOMER_SYNC,
  CUSTOMERS_PER_PAGE_REFUSED,
  type CustomerSyncState,
  saveState,
} from "../core/state-keys";
import { texts } from "../core/texts";
import { CUSTOMER_TEXTS, NEW_CUSTOMER_STATUS } from "../core/texts-customers";
import { ApiSession } from "./api-session";
import { ListPager } from "./list-pager";
import { CLOCK_SKEW_MS } from "./reconcile";
import { type RunOutcome, stopped } from "./run-outcome";
import { apiAccess } from "./settings";
import { syncState } from "./sync-state";

/** Pages asked for per round trip when the list's length is not known (bounds the overshoot). */
const PROBE_PAGES = 3;
const MAX_PAGES_PER_TRIP = 20;

const GONE = /^(No longer in MijnKlantportaal|Niet meer in MijnKlantportaal)/;

export interface SyncResult {
  added: number;
  changed: number;
  gone: number;
  /** Customers seen by the pass (when complete). */
  total: number;
  /** The pass reached the end of the list in this execution. */
  complete: boolean;
  /** The key may not read customers (403). */
  noRead: boolean;
  /** Work is left (a continuation should follow). */
  more: boolean;
  /** New customers rows left `sending` that the list showed were created (their IDs written back). */
  settled: number;
}

export const emptySync = (): SyncResult => ({
  added: 0,
  changed: 0,
  gone: 0,
  total: 0,
  complete: false,
  noRead: false,
  more: false,
  settled: 0,
});

function rowsOf(read: SheetRead<"customerId">): Map<string, CustomerRow> {
  const rows = parseCustomerRows(read.table, read.columns, (t) => GONE.test(t));
  const map = new Map<string, CustomerRow>();
  for (const r of rows) if (!map.has(r.id)) map.set(r.id, r);
  return map;
}

const shownOf = (values: CustomerValues, before?: CustomerRow): CustomerRow => {
  const shown = { ...(before?.shown ?? {}), ...values } as CustomerRow["shown"];
  return {
    sheetRow: before?.sheetRow ?? 0,
    id: shown.customerId,
    companyName: shown.companyName,
    email: shown.email,
    shown,
    gone: GONE.test(shown.message ?? ""),
  };
};

/**
 * One sync step: goes on with the pass under way (or starts one; a new one when the last started
 * before `freshSince`), as far as the execution's time and rate budget allow.
 */
export function syncCustomers(ctx: RunContext, session: ApiSession, freshSince = 0): SyncResult {
  const result = emptySync();
  const read = ctx.customers.readCustomers(true);
  if (!read) return result;
  const time = ctx.workbook.zonedTime();
  const rows = rowsOf(read as SheetRead<"customerId">);
  const state = syncState(ctx);
  let pages = state.pages;
  let pass = state.pass && state.pass.startedAt >= freshSince ? state.pass : null;
  const seen = new Set<string>(pass ? ctx.customers.readSeen() : []);
  if (!pass) {
    ctx.customers.clearSeen();
    pass = { nextPage: 1, perPage: 0, startedAt: session.now() };
  }
  const pager = new ListPager<EnvelopePage<ApiCustomer>>(session, {
    path: "/customers",
    refusedKey: CUSTOMERS_PER_PAGE_REFUSED,
    parse: (body) => parseEnvelope(body, asApiCustomer),
  });
  const save = (s: CustomerSyncState) =>
    saveState(ctx.stores, CUSTOMER_SYNC, { provenAt: state.provenAt ?? null, ...s });
  const settle = pendingNewCustomers(ctx);
  const restart = () => {
    ctx.customers.clearSeen();
    seen.clear();
    pass = { nextPage: 1, perPage: 0, startedAt: session.now() };
    pages = null;
  };
  while (!result.complete && session.canContinue()) {
    const next: number = pass.nextPage;
    const known = pages !== null && pages >= next ? pages - next + 1 : 0;
    const count = known > 0 ? Math.min(MAX_PAGES_PER_TRIP, known) : PROBE_PAGES;
    const wanted = Array.from({ length: count }, (_, i) => next + i);
    const got = pager.fetch(wanted);
    if (got.refused) {
      restart();
      continue;
    }
    if (pager.authStatus === 403) result.noRead = true;
    let advanced = 0;
    const customers: ApiCustomer[] = [];
    let resized = false;
    for (const p of wanted) {
      const page = got.pages.get(p);
      if (!page) break;
      const size = page.perPage ?? page.items.length;
      if (pass.perPage === 0) pass = { ...pass, perPage: size };
      else if (page.hasNext && size !== pass.perPage) {
        // The page size changed under us: page numbers mean something else now.
        resized = true;
        break;
      }
      advanced++;
      customers.push(...page.items);
      if (!page.hasNext) {
        result.complete = true;
        break;
      }
    }
    if (resized) {
      restart();
      continue;
    }
    result.settled += settle(customers);
    const diff = diffCustomers(rows, customers, time.timestamp);
    ctx.customers.writeCustomers(diff.updates, diff.appends);
    for (const u of diff.updates) rows.set(u.id, shownOf(u.values, rows.get(u.id)));
    for (const a of diff.appends) rows.set(a.customerId ?? "", shownOf(a));
    result.added += diff.appends.length;
    result.changed += diff.updates.length;
    const fresh = customers.map((c) => c.id).filter((id) => !seen.has(id));
    for (const id of fresh) seen.add(id);
    ctx.customers.addSeen(fresh);
    pass = { ...pass, nextPage: next + advanced };
    if (advanced === 0) break;
    if (!result.complete) save({ pass, completedAt: state.completedAt, pages });
  }
  if (result.complete) {
    const check = markGone(ctx, session, rows, seen, time.today(session.now()));
    result.gone = check.gone;
    result.total = seen.size;
    ctx.customers.clearSeen();
    // Every row seen by the previous complete pass was seen again: nothing was deleted during it.
    const provenAt = check.clean && state.completedAt !== null ? state.completedAt : (state.provenAt ?? null);
    save({ pass: null, completedAt: pass.startedAt, pages: pass.nextPage - 1, provenAt });
  } else {
    save({ pass, completedAt: state.completedAt, pages });
    result.more = !result.noRead && !session.unauthorized && !session.quotaExhausted;
  }
  ctx.customers.flush();
  return result;
}

/** Settles New customers rows left `sending` by the customers of a page (their IDs written back). */
function pendingNewCustomers(ctx: RunContext): (customers: readonly ApiCustomer[]) => number {
  const read = ctx.customers.readNewCustomers();
  let open: NewCustomerRow[] = read
    ? parseNewCustomers(read.table, read.columns).filter((n) => n.status === "sending" && n.customerId === "")
    : [];
  const words = NEW_CUSTOMER_STATUS[read?.language ?? "en"];
  return (customers) => {
    if (open.length === 0) return 0;
    const found = settledBy(open, customers, CLOCK_SKEW_MS);
    if (found.length === 0) return 0;
    ctx.customers.writeNewCustomers(
      found.map(({ row, id }) => ({
        key: row.key,
        sheetRow: row.sheetRow,
        values: { status: words.created, customerId: id, message: "" },
      })),
    );
    open = open.filter((n) => !found.some((f) => f.row === n));
    return found.length;
  };
}

/**
 * Rows whose customer the pass did not see: each is asked for by ID (a list read while it changes
 * may miss one); a 404 marks the row, an answer puts the customer back as it is. `clean`: the pass
 * saw every row not already marked gone.
 */
function markGone(
  ctx: RunContext,
  session: ApiSession,
  rows: Map<string, CustomerRow>,
  seen: ReadonlySet<string>,
  today: string,
): { gone: number; clean: boolean } {
  const missing = [...rows.values()].filter((r) => !r.gone && !seen.has(r.id)).map((r) => r.id);
  const time = ctx.workbook.zonedTime();
  const updates: { id: string; values: CustomerValues }[] = [];
  let todo = missing;
  while (todo.length > 0 && session.canContinue()) {
    if (session.room() === 0 && !session.waitForRoom()) break;
    const batch = todo.slice(0, Math.min(session.room(), MAX_PAGES_PER_TRIP));
    todo = todo.slice(batch.length);
    const answers = session.send(
      batch.map((id) => ({ method: "get" as const, path: `/customers/${encodeURIComponent(id)}` })),
    );
    batch.forEach((id, i) => {
      const e = answers[i];
      if (e?.kind !== "response") return;
      if (e.status === 404) updates.push({ id, values: { message: pick(CUSTOMER_TEXTS).gone(today) } });
      if (e.status === 200) {
        let json: unknown = null;
        try {
          json = JSON.parse(e.body);
        } catch {
          json = null;
        }
        const c = asApiCustomer(json);
        if (c) updates.push({ id, values: customerValues(c, time.timestamp) });
      }
    });
  }
  ctx.customers.writeCustomers(updates, []);
  return {
    gone: updates.filter((u) => u.values.customerId === undefined).length,
    clean: missing.length === 0,
  };
}

/** The sync's sentence for the Run log and the toast. */
export function syncMessage(r: SyncResult): string {
  const t = pick(CUSTOMER_TEXTS);
  if (r.noRead) return t.noCustomerReadRun();
  if (!r.complete && !r.more) return t.syncStopped();
  return t.syncSummary({ added: r.added, changed: r.changed, gone: r.gone, total: r.total, more: r.more });
}

/** The menu item "Update customer list" (and the daily part of the scheduled run) as a run. */
export function syncCustomersRun(ctx: RunContext): RunOutcome {
  const access = apiAccess(ctx.stores);
  if (!access.ok) return stopped(access.problem);
  const session = new ApiSession(ctx, access.url, access.key);
  if (ctx.startedBy === "menu") ctx.notifier.progress(pick(CUSTOMER_TEXTS).syncing());
  const r = syncCustomers(ctx, session);
  session.save();
  const counts = { ...emptyCounts() };
  if (session.unauthorized && !r.noRead) return stopped(texts().keyRefused(), counts);
  return {
    counts,
    message: syncMessage(r),
    progress: session.answered > 0 || session.requests === 0,
    ...(r.more ? { continueAt: session.nextWindowAt() } : {}),
  };
}
