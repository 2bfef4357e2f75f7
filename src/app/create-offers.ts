// The create and validate use cases. A create run reads as its story: open the sheets and the
// ledger → plan → look up the rows left `sending` → send → settle the ambiguous answers (look them
// up, send again what certainly did not arrive) → summarize.

import { foldLedger, type Ledger, type LedgerEntry } from "../core/ledger";
import type { LineRow } from "../core/offer-types";
import { outcomeValues, planRun, type RunCounts, type RunPlan, type SendItem } from "../core/plan-run";
import type { RunContext } from "../core/ports";
import { DEFAULT_RETRY_POLICY } from "../core/retry";
import { type Settlement, settleLookups, type Unsettled } from "../core/settle";
import { loadState, SCHEDULE_OWNER } from "../core/state-keys";
import { sheetLabel } from "../core/table";
import { sentences, texts } from "../core/texts";
import type { RowUpdate } from "../core/write-back";
import { ApiSession, keyRefusedText } from "./api-session";
import { resolveOfferCustomers } from "./customer-names";
import { newOfferList } from "./lookups";
import type { OfferList } from "./offer-list";
import {
  messageLabel,
  type OffersBook,
  offerFields,
  openOffersBook,
  writeLineMessages,
  writeOfferUpdates,
} from "./offers-book";
import { lookUp } from "./reconcile";
import { refusedKeys, refusedNote } from "./refused-note";
import { type RunOutcome, stopped } from "./run-outcome";
import { ProgressRecorder } from "./run-progress";
import { type RowWriter, type Sent, sendOffers } from "./send-offers";
import { apiAccess } from "./settings";
import { explainMerges, leaveHiddenAlone } from "./sheet-shapes";

/** How long an ambiguous request is given to appear in the list before it may be sent again. */
const SETTLE_UNANSWERED_MS = 60_000;
const SETTLE_FAILED_MS = 10_000;
/** Rows waiting on their backoff keep a continuation only when they are due this soon. */
const CONTINUE_WITHIN_MS = 10 * 60_000;
/**
 * Rows left by the daily UrlFetch quota, with no hourly run to pick them up: tried once, a day later
 * (the quota is back 24 hours after the first request it counted, which was before now).
 */
const QUOTA_RETRY_MS = 24 * 3_600_000;

/** Whether hourly runs are on in this spreadsheet (this user's trigger, or anyone's schedule). */
const scheduleOn = (ctx: RunContext): boolean =>
  ctx.triggers.hourlyOn() || loadState(ctx.stores, SCHEDULE_OWNER) !== null;

/** The final state of each offer this run touched, by key: later events override earlier ones. */
class Tally {
  private readonly states = new Map<string, keyof RunCounts>();
  constructor(private readonly base: RunCounts) {}
  set(key: string, count: keyof RunCounts): void {
    this.states.set(key, count);
  }
  merge(states: ReadonlyMap<string, keyof RunCounts>): void {
    for (const [k, v] of states) this.states.set(k, v);
  }
  counts(): RunCounts {
    const c = { ...this.base };
    for (const state of this.states.values()) c[state]++;
    return c;
  }
}

/** An update's offer number as the sheet showed it when read. */
function offerNames(book: OffersBook): (u: RowUpdate) => string {
  const numberOf = new Map(book.offers.map((o) => [o.key, o.offerNumber || texts().rowLabel(o.sheetRow)]));
  return (u) => numberOf.get(u.key) ?? (u.key || texts().rowLabel(u.sheetRow));
}

/**
 * The offers whose rows went missing during the run, by offer number, once each (with any ID), and
 * the cells Sheets refused to write (those rows were there: told apart, with what to change).
 */
function lostNote(book: OffersBook, lost: readonly RowUpdate[]): string {
  const refused = book.workbook.refusedWrites();
  const name = offerNames(book);
  const skip = refusedKeys(refused);
  const ids = new Map<string, { name: string; id: string }>();
  for (const u of lost)
    if (!skip.has(u.key)) ids.set(u.key, { name: name(u), id: u.values.offerId || ids.get(u.key)?.id || "" });
  return sentences(
    ids.size > 0
      ? texts().lostRows([...ids.values()].map((v) => `${v.name}${v.id ? ` (${v.id})` : ""}`))
      : "",
    refusedNote(refused, name),
  );
}

function orphanNote(book: OffersBook, orphans: readonly LineRow[]): string {
  if (orphans.length === 0) return "";
  return texts().orphans(
    orphans.length,
    orphans.slice(0, 10).map((l) => l.sheetRow),
    sheetLabel(book.linesSheet.table, "lines"),
  );
}

/** One create run's moving parts. */
class CreateRun {
  readonly session: ApiSession;
  /** The offers in MijnKlantportaal, made when a row must be looked up (most runs need none). */
  private list: OfferList | undefined;
  readonly tally: Tally;
  readonly lost: RowUpdate[] = [];
  readonly writer: RowWriter;
  /** What the sidebar shows of this batch (state key PROGRESS). */
  readonly progress: ProgressRecorder;
  /** Ledger entries and row writes that go out with the first batch's marks. */
  readonly firstLedger: LedgerEntry[] = [];
  readonly firstWrites: RowUpdate[];
  moreWork = false;
  nextAttemptAt: number | null = null;
  private readonly attempts = new Map<string, number>();

  constructor(
    readonly ctx: RunContext,
    readonly book: OffersBook,
    readonly ledger: Ledger,
    readonly plan: RunPlan,
    access: { key: string; url: string },
  ) {
    this.session = new ApiSession(ctx, access.url, access.key);
    this.tally = new Tally(plan.counts);
    this.firstWrites = [...plan.updates];
    this.progress = new ProgressRecorder(ctx);
    this.writer = {
      write: (given) => {
        const updates = this.quotaWording(given);
        const notPlaced = writeOfferUpdates(book, updates);
        this.lost.push(...notPlaced);
        this.progress.written(updates, notPlaced);
        return notPlaced;
      },
      record: (entries) => book.workbook.appendLedger(entries),
      flush: () => book.workbook.flush(),
    };
    for (const w of plan.waiting) this.waitFor(w.notBefore);
  }

  /**
   * Whether rows the daily quota stopped are tried again without the user: by hourly runs, or by the
   * continuation a day later that a run of every pending offer arranges (summarize). A run of the
   * selected rows with no hourly runs arranges none: its rows say to choose it again tomorrow.
   */
  quotaRetried = true;

  private quotaWording(updates: readonly RowUpdate[]): readonly RowUpdate[] {
    if (this.quotaRetried) return updates;
    const retried = texts().notSentQuota();
    return updates.map((u) =>
      u.values.message === retried
        ? { ...u, values: { ...u.values, message: texts().notSentQuotaChooseAgain() } }
        : u,
    );
  }

  private offerList(): OfferList {
    this.list ??= newOfferList(this.session);
    return this.list;
  }

  private waitFor(at: number): void {
    this.nextAttemptAt = Math.min(this.nextAttemptAt ?? at, at);
  }

  private settle(items: readonly Unsettled[], respectBackoff?: boolean): Settlement {
    const result = lookUp(
      () => this.offerList(),
      items.map((u) => ({
        ref: u.ref || `key:${u.key}`,
        offerNumber: u.sent.offerNumber,
        customerId: u.sent.customerId,
        markedAt: u.sent.at,
      })),
    );
    const settled = settleLookups(
      items,
      result.found,
      result.complete,
      {
        nowMs: this.session.now(),
        formatTimestamp: this.book.time.timestamp,
        formatTime: (ms) => this.book.time.timestamp(new Date(ms).toISOString()),
        respectBackoff: respectBackoff ?? this.ctx.startedBy === "trigger",
      },
      result.doubtful,
    );
    this.tally.merge(settled.states);
    if (settled.open > 0) this.moreWork = true;
    if (settled.nextAttemptAt !== null) this.waitFor(settled.nextAttemptAt);
    return settled;
  }

  /** 1. Rows left `sending` by an earlier run: looked up by what was sent before anything is sent. */
  lookUpLeftSending(): SendItem[] {
    const items: Unsettled[] = this.plan.toReconcile.map(({ row, sent, history }) => ({
      key: row.key,
      sheetRow: row.sheetRow,
      ref: row.ref,
      offerNumber: row.offerNumber,
      body: row.body,
      problems: row.problems,
      message: row.message,
      // Without a ledger entry (a row from before the ledger), what the row says is all we know.
      sent: sent ?? {
        ref: row.ref,
        event: "sent",
        offerNumber: row.body?.offerNumber ?? row.offerNumber,
        customerId: row.body?.customerId ?? row.customerId,
        issuedAt: "",
        expiresAt: "",
        bodyHash: "",
        at: 0,
        offerId: "",
        createdAt: "",
      },
      history,
    }));
    if (items.length === 0) return [];
    const settled = this.settle(items);
    this.firstWrites.push(...settled.updates);
    this.firstLedger.push(...settled.ledger);
    return settled.toSend;
  }

  /** 2. Send; 3. look up the ambiguous answers and send again what certainly did not arrive. */
  send(items: SendItem[]): void {
    const { ctx, session } = this;
    // Rows left `sending` count too: those found created are written with the first batch.
    this.progress.start([...items.map((i) => i.key), ...this.plan.toReconcile.map((r) => r.row.key)]);
    if (items.length > 0 && ctx.startedBy === "menu") ctx.notifier.progress(texts().creating(items.length));
    const progress = (created: number, toGo: number): void => {
      if (ctx.startedBy === "menu") ctx.notifier.progress(texts().sendingProgress(created, toGo));
    };
    let round = sendOffers(
      session,
      this.writer,
      items,
      this.book.time.timestamp,
      progress,
      this.firstWrites,
      this.firstLedger,
    );
    for (;;) {
      this.count(round.sent);
      for (const item of [...round.unsent, ...round.gone]) this.tally.set(item.key, "pending");
      if (round.unsent.length > 0 && !session.unauthorized && !session.quotaExhausted) this.moreWork = true;
      // Not created and safe to send again, but the wait asked for (a 429's retry-after) outlasts this
      // execution: a continuation sends them once it has passed (session.nextWindowAt honours it).
      const notCreated = round.sent.some(
        (s) => s.outcome.kind === "rate-limited" || (s.outcome.kind === "transient" && !s.outcome.ambiguous),
      );
      if (notCreated && !session.unauthorized && !session.quotaExhausted) this.moreWork = true;
      if (session.quotaExhausted && round.unsent.length > 0) {
        // No retry loop against the daily quota: the rows wait, saying why.
        const message = texts().notSentQuota();
        this.writer.write(
          round.unsent.map((i) => ({ key: i.key, sheetRow: i.sheetRow, values: { status: "", message } })),
        );
      }
      const ambiguous = round.sent.filter((s) => s.outcome.kind === "transient" && s.outcome.ambiguous);
      if (ambiguous.length === 0) break;
      // A server may still finish a request after we stopped waiting for it: give it time to show up
      // in the list before concluding that it is not there.
      const unanswered = ambiguous.some((s) => s.outcome.kind === "transient" && s.outcome.noAnswer);
      if (
        !session.canContinue() ||
        !session.waitUntil(session.now() + (unanswered ? SETTLE_UNANSWERED_MS : SETTLE_FAILED_MS))
      ) {
        this.moreWork = true;
        break;
      }
      const settled = this.settle(
        ambiguous.map((s) => ({
          key: s.item.key,
          sheetRow: s.item.sheetRow,
          ref: s.item.ref,
          offerNumber: s.item.offerNumber,
          body: s.item.body,
          problems: [],
          // What its row was just told of the answer (a lookup that cannot finish keeps it).
          message: outcomeValues(s.outcome, this.book.time.timestamp).values.message ?? "",
          sent: s.entry,
          history: this.historyAfter(s),
        })),
        true,
      );
      this.writer.record(settled.ledger);
      this.writer.write(settled.updates);
      if (settled.toSend.length === 0 || !session.canContinue()) {
        if (settled.toSend.length > 0) this.moreWork = true;
        break;
      }
      round = sendOffers(session, this.writer, settled.toSend, this.book.time.timestamp, progress);
    }
  }

  /**
   * A row meeting trouble for the first time is tried again in this run (a few times, as the retry
   * policy allows); one that was in trouble before waits for its backoff across runs.
   */
  private historyAfter(s: Sent): Unsettled["history"] {
    const prior = this.ledger.byRef.get(s.item.ref)?.ambiguousInARow ?? 0;
    const thisRun = this.attempts.get(s.item.key) ?? 0;
    const again = prior === 0 && thisRun < DEFAULT_RETRY_POLICY.maxAttempts;
    return {
      lastSent: s.entry,
      created: null,
      ambiguousInARow: prior + thisRun,
      lastAttemptAt: again ? 0 : this.session.now(),
      open: true,
    };
  }

  private count(sent: readonly Sent[]): void {
    for (const s of sent) {
      if (s.outcome.kind === "transient" && s.outcome.ambiguous)
        this.attempts.set(s.item.key, (this.attempts.get(s.item.key) ?? 0) + 1);
      this.tally.set(s.item.key, outcomeValues(s.outcome, this.book.time.timestamp).count);
    }
  }

  /** 4. What the run did, in a sentence, and whether (and when) a continuation should follow. */
  summarize(selectedOnly: boolean, orphans: readonly LineRow[], hiddenNote = ""): RunOutcome {
    const { session } = this;
    this.session.save();
    const counts = this.tally.counts();
    let message = sentences(
      texts().summary(counts, messageLabel(this.book)),
      lostNote(this.book, this.lost),
      orphanNote(this.book, orphans),
      hiddenNote,
    );
    if (session.unauthorized)
      return { ...stopped(sentences(keyRefusedText(session.keyRefusal), message), counts), keyRefused: true };
    const now = session.now();
    if (session.quotaExhausted) {
      // No loop against the quota: the hourly run tries again; without one, a continuation tomorrow.
      const hourly = scheduleOn(this.ctx);
      const later = counts.pending > 0 && !hourly && !selectedOnly;
      return {
        counts,
        message: sentences(message, texts().quotaUsed()),
        quotaUsed: true,
        progress: false,
        ...(later ? { continueAt: now + QUOTA_RETRY_MS } : {}),
      };
    }
    const soon = this.nextAttemptAt !== null && this.nextAttemptAt - now <= CONTINUE_WITHIN_MS;
    // Rows waiting longer are picked up by the hourly run, or by a continuation when there is none.
    const later = this.nextAttemptAt !== null && !soon && !this.ctx.triggers.hourlyOn();
    const more = this.moreWork || soon || later;
    if (more && selectedOnly) message = sentences(message, texts().chooseAgain());
    else if (this.moreWork) message = sentences(message, texts().continuesSoon());
    const at = this.moreWork
      ? session.nextWindowAt()
      : Math.max(session.nextWindowAt(), this.nextAttemptAt ?? now);
    return {
      counts,
      message,
      progress: session.answered > 0 || session.requests === 0,
      ...(more && !selectedOnly ? { continueAt: at } : {}),
    };
  }
}

/** Turns some rows pending first (retryFailedOffers): the rows to create, and the book as it now is. */
export type PrepareRows = (book: OffersBook) => { book: OffersBook; rows: Set<number> };

export function createOffers(ctx: RunContext, selectedOnly: boolean, only?: PrepareRows): RunOutcome {
  const access = apiAccess(ctx.stores);
  if (!access.ok) return stopped(access.problem);
  const opened = openOffersBook(ctx.workbook);
  if (!opened.ok) return stopped(opened.problem);
  // Customers named by company name or e-mail: resolved (and New customers created) first.
  const customers = resolveOfferCustomers(ctx, opened.book, "create");
  let book = explainMerges(customers.book);
  writeOfferUpdates(book, customers.updates);
  let selected: Set<number> | null = null;
  let hiddenNote = "";
  if (only) ({ book, rows: selected } = only(book));
  if (selectedOnly) {
    selected = ctx.workbook.selectedOfferRows();
    // A selection holding no offer (the header row, blank rows below the data) selects nothing.
    const chosen = selected;
    if (chosen) hiddenNote = leaveHiddenAlone(ctx.workbook, book.offers, chosen);
    if (chosen === null || !book.offers.some((o) => chosen.has(o.sheetRow)))
      return stopped(sentences(texts().selectRows(), hiddenNote));
  }
  const ledger = foldLedger(ctx.workbook.readLedger());
  const plan = planRun(book.offers, {
    selected,
    validateOnly: false,
    ledger,
    nowMs: ctx.clock.now(),
    today: book.time.today(ctx.clock.now()),
    formatTime: (ms) => book.time.timestamp(new Date(ms).toISOString()),
    respectBackoff: ctx.startedBy === "trigger",
    fields: offerFields(book),
  });
  const orphans = writeLineMessages(book);
  const run = new CreateRun(ctx, book, ledger, plan, access);
  run.quotaRetried = !selectedOnly || scheduleOn(ctx);
  if (customers.moreWork) run.moreWork = true;
  const again = run.lookUpLeftSending();
  run.send([...again, ...plan.toSend].sort((a, b) => a.sheetRow - b.sheetRow));
  const outcome = run.summarize(selectedOnly, orphans, hiddenNote);
  run.progress.finish(outcome.continueAt !== undefined);
  return outcome;
}

export function validateOffers(ctx: RunContext): RunOutcome {
  const opened = openOffersBook(ctx.workbook);
  if (!opened.ok) return stopped(opened.problem);
  if (ctx.startedBy === "menu") ctx.notifier.progress(texts().checkingOffers());
  const book = explainMerges(resolveOfferCustomers(ctx, opened.book, "validate").book);
  const plan = planRun(book.offers, {
    selected: null,
    validateOnly: true,
    ledger: foldLedger(ctx.workbook.readLedger()),
    nowMs: ctx.clock.now(),
    today: book.time.today(ctx.clock.now()),
    formatTime: (ms) => book.time.timestamp(new Date(ms).toISOString()),
    respectBackoff: false,
    fields: offerFields(book),
  });
  const orphans = writeLineMessages(book);
  const lost = writeOfferUpdates(book, plan.updates);
  const message = sentences(
    texts().validated(plan.counts, messageLabel(book)),
    lost.length > 0 ? texts().notMarked(lost.length) : "",
    refusedNote(ctx.workbook.refusedWrites(), offerNames(book)),
    orphanNote(book, orphans),
  );
  return { counts: plan.counts, message };
}
