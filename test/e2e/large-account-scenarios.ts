// Large-account scenarios over the built bundle against the double, shared by the e2e tests and
// `npm run bench` (bench/large-account.ts): each returns its figures (requests, runs, virtual time)
// and what it checked, so that tests assert the limits and the benchmark prints them.

import type { DoubleConfig, ReceivedRequest } from "../../tools/mkp-double/types";
import { warmPacing } from "./warm-pacing";
import { expectOk, runOk, type World, world } from "./world";

export const START = Date.UTC(2025, 3, 14, 8, 0, 0);
const DAY = 86_400_000;
const HOUR = 3_600_000;

type Order = "asc" | "desc";
type PerPageMode = "ignore" | "honour" | "refuse";

/** A sheet of `n` pending offers PREFIX-0001.. for cst_demo0001, one line each. */
export function pendingSheet(n: number, prefix: string, from = 1) {
  const offers = Array.from({ length: n }, (_, i) => [
    `${prefix}-${String(from + i).padStart(4, "0")}`,
    "cst_demo0001",
    "2025-04-14",
  ]);
  const lines = offers.map((o) => [o[0], "Work", 10, 21]);
  return { offers, lines };
}

/** Writes rows into a sheet from `firstRow` on, as a person would type them. */
function putRows(
  w: World,
  sheet: string,
  firstRow: number,
  rows: readonly (string | number | undefined)[][],
): void {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? [];
    for (let c = 0; c < row.length; c++) w.ss.setCell(sheet, firstRow + i, c + 1, row[c] ?? "");
  }
}

/** Seeds `count` offers made over the last ~2 years, the newest a day before START (or all at once). */
export async function seedAccount(w: World, count: number, allAtOnce = false): Promise<void> {
  const createdTo = START - DAY;
  if (count > 0)
    await w.api.seedGenerated({ count, createdFrom: allAtOnce ? createdTo : START - 700 * DAY, createdTo });
}

/** Requests the double received, retried once: after a long synchronous run the socket may be stale. */
async function requestsOf(w: World): Promise<ReceivedRequest[]> {
  await new Promise((resolve) => setTimeout(resolve, 5));
  try {
    return await w.api.requests();
  } catch {
    return w.api.requests();
  }
}

/** The values that occur more than once. */
const twice = (values: readonly string[]): string[] =>
  [...new Set(values.filter((v, i) => values.indexOf(v) !== i))].sort();

/** Continuation triggers still installed (one-off triggers that have not fired). */
export const continuationsLeft = (w: World): number =>
  w.rt.triggers.filter((t) => t.type !== "hourly" && t.type !== "onOpen" && !t.disabled).length;

export interface FailingOfferFigures {
  requests: number;
  executions: number;
  simulatedMs: number;
  othersCreated: boolean;
  duplicates: string[];
  /** Continuations installed when the three hours are over. */
  continuationsLeft: number;
  /** The failing row's Status after the three hours. */
  failingStatus: string;
  /** Once the API answers again: the row created (once) by the next runs, only the hourly trigger left. */
  recovered: boolean;
}

/**
 * `rows` pending offers in an account of `accountSize`; the API answers 503 to every create request
 * of one of them for `hours`, hourly runs on (the user ran "Create pending offers" once first).
 */
export async function failingOfferScenario(o: {
  listOrder: Order;
  perPageMode: PerPageMode;
  accountSize: number;
  rows: number;
  hours: number;
  /** The user runs "Create pending offers" once at the start (default), else only hourly runs. */
  menuFirst?: boolean;
}): Promise<FailingOfferFigures> {
  const failing = "F-0005";
  const config = { listOrder: o.listOrder, perPageMode: o.perPageMode };
  const w = await world({ ...pendingSheet(o.rows, "F"), config });
  await seedAccount(w, o.accountSize);
  await w.api.injectFaults([
    {
      match: { method: "POST", path: "/customer-offers/manual", offerNumber: failing },
      times: null,
      fault: { kind: "status", status: 503, body: { message: "Service Unavailable" } },
    },
  ]);
  const t0 = w.rt.clock.now();
  runOk(w, "enableScheduledRuns");
  let executions = 0;
  if (o.menuFirst !== false) {
    runOk(w, "createPendingOffers");
    executions++;
  }
  for (let i = 0; i < 500; i++) {
    const next = w.rt.triggers
      .filter((t) => !t.disabled && t.dueAt !== undefined)
      .reduce((a, t) => Math.min(a, t.dueAt ?? Number.POSITIVE_INFINITY), Number.POSITIVE_INFINITY);
    if (next > t0 + o.hours * HOUR + 60_000) break;
    const run = w.rt.advanceToNextTrigger();
    if (!run) break;
    expectOk(run);
    executions++;
  }
  const simulatedMs = w.rt.clock.now() - t0;
  const all = await requestsOf(w);
  const requests = all.length;
  const status = w.column("Status");
  const numbers = w.column("Offer number");
  const failingStatus = status[numbers.indexOf(failing)] ?? "";
  const othersCreated = status.every((s, i) => numbers[i] === failing || s === "created");
  const left = continuationsLeft(w);
  // The API recovers: the next runs create the offer, once, and leave only the hourly trigger.
  await w.api.clearFaults();
  for (let i = 0; i < 5 && w.column("Status").some((s) => s !== "created"); i++) {
    const run = w.rt.advanceToNextTrigger();
    if (!run) break;
    expectOk(run);
  }
  for (let i = 0; i < 5 && continuationsLeft(w) > 0; i++) {
    const run = w.rt.advanceToNextTrigger();
    if (!run) break;
    expectOk(run);
  }
  const stats = await w.api.stats();
  const mine = (await w.api.offers()).filter((x) => x.offerNumber === failing);
  return {
    requests,
    executions,
    simulatedMs,
    othersCreated,
    duplicates: stats.duplicateOfferNumbers,
    continuationsLeft: left,
    failingStatus,
    recovered:
      mine.length === 1 && w.column("Status").every((s) => s === "created") && continuationsLeft(w) === 0,
  };
}

export interface SettleFigures {
  requests: number;
  listRequests: number;
  runs: number;
  simulatedMs: number;
  /** Every row created with its own offer's ID. */
  ownIds: boolean;
  duplicates: string[];
  /** Offers added to the sheet after the kill: created in those runs. */
  addedCreated: number;
}

/**
 * `rows` rows left `sending` (half the requests arrived, their answers lost; half never left) in an
 * account of `accountSize`; `added` rows are added to the sheet meanwhile; the user runs "Create
 * pending offers" again each minute until every row is created (at most `maxRuns` times).
 */
export async function settleScenario(o: {
  listOrder: Order;
  perPageMode: PerPageMode;
  accountSize: number;
  rows: number;
  added: number;
  maxRuns?: number;
  /** Others add an offer and delete an old one while the list is read. */
  listChanges?: boolean;
}): Promise<SettleFigures> {
  const config: Partial<DoubleConfig> = { listOrder: o.listOrder, perPageMode: o.perPageMode };
  const w = await world({ ...pendingSheet(o.rows, "L"), config });
  // A user who has run before: the first round trip carries the whole batch (a cold start would
  // probe with one request first, and the scenario's half-arrived batch would not happen).
  warmPacing(w);
  await seedAccount(w, o.accountSize);
  await w.api.injectFaults([{ times: o.rows / 2, fault: { kind: "created-then-timeout", holdMs: 2000 } }]);
  let sent = false;
  const killed = w.run("createPendingOffers", [], {
    kill: (call) => {
      if (sent) return true;
      if (call.service === "UrlFetchApp") sent = true;
      return false;
    },
  });
  if (killed.killed !== "killed") throw new Error("the first run was meant to be killed after its request");
  await w.api.clearFaults();
  await w.api.clearRequests();
  // Someone adds offers to the sheet meanwhile.
  const extra = pendingSheet(o.added, "L", o.rows + 1);
  putRows(w, "Offers", o.rows + 2, extra.offers);
  putRows(w, "Offer lines", o.rows + 2, extra.lines);
  if (o.listChanges)
    await w.api.addListHooks([
      {
        request: 2,
        action: { kind: "add-offer", offer: { offerNumber: "OTHER-1", customerId: "cst_demo0001" } },
      },
      // The oldest offer is someone else's only when there are others.
      ...(o.accountSize > 0
        ? [{ request: 3, action: { kind: "delete-offer", target: "oldest" } } as const]
        : []),
      {
        request: 4,
        action: { kind: "add-offer", offer: { offerNumber: "L-0001", customerId: "cst_demo0002" } },
      },
    ]);
  const t0 = w.rt.clock.now();
  let runs = 0;
  const maxRuns = o.maxRuns ?? 2;
  while (runs < maxRuns && w.column("Status").some((s) => s !== "created")) {
    if (runs > 0) w.rt.clock.set(Math.max(w.rt.clock.now(), t0 + runs * 60_000));
    runOk(w, "createPendingOffers");
    runs++;
  }
  const simulatedMs = w.rt.clock.now() - t0;
  const requests = await requestsOf(w);
  // What this product created (someone else may have made an offer with one of its numbers).
  const ours = (await w.api.offers()).filter((x) => x.source === "api");
  const ids = new Map(ours.map((x) => [x.offerNumber, x.id]));
  const numbers = w.column("Offer number");
  const offerIds = w.column("Offer ID");
  const status = w.column("Status");
  const ownIds = numbers.every((n, i) => status[i] === "created" && offerIds[i] === ids.get(n));
  const addedNumbers = new Set(extra.offers.map((r) => r[0]));
  return {
    requests: requests.length,
    listRequests: requests.filter((r) => r.method === "GET").length,
    runs,
    simulatedMs,
    ownIds,
    duplicates: twice(ours.map((x) => x.offerNumber)),
    addedCreated: numbers.filter((n, i) => addedNumbers.has(n) && status[i] === "created").length,
  };
}

export interface RefreshPass {
  requests: number;
  executions: number;
  simulatedMs: number;
}

export interface RefreshFigures {
  passes: RefreshPass[];
  /** Acceptances and rejections made in the double between the passes, and how many the second wrote. */
  changes: number;
  written: number;
  /** A list cursor left stored after the last pass. */
  cursorLeft: boolean;
  /** With listChanges: the row whose offer was deleted during the second pass says so. */
  deletedMarked: boolean;
}

/**
 * `rows` created rows of an account of `accountSize` — the newest, or spread over the whole list —
 * refreshed twice; between the passes a tenth of the rows are accepted or rejected in the double.
 */
export async function refreshScenario(o: {
  listOrder: Order;
  perPageMode: PerPageMode;
  accountSize: number;
  rows: number;
  spread: "newest" | "whole";
  /** During the second pass, between page reads: a row's offer deleted, an old one deleted, one added. */
  listChanges?: boolean;
  /** The first pass stops after its first execution (scheduled runs turned off); the second starts an hour later. */
  interrupt?: boolean;
  /** Every offer created at the same second (an imported account): the list's order cannot be told. */
  allAtOnce?: boolean;
}): Promise<RefreshFigures> {
  const config: Partial<DoubleConfig> = { listOrder: o.listOrder, perPageMode: o.perPageMode };
  const w = await world({ config });
  await seedAccount(w, o.accountSize, o.allAtOnce === true);
  const all = [...(await w.api.offers())].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const step = o.spread === "whole" ? Math.max(1, Math.floor(all.length / o.rows)) : 1;
  const mine = (o.spread === "whole" ? all.filter((_, i) => i % step === 0) : all.slice(-o.rows)).slice(
    -o.rows,
  );
  // The sheet as the product left it: created, with the ID, amount and Created at (Amsterdam time).
  const offers = mine.map((x) => [
    x.offerNumber,
    x.customerId,
    x.issuedAt,
    x.expiresAt,
    "",
    "created",
    x.id,
    x.amount,
    "",
    x.createdAt.slice(0, 19).replace("T", " "),
  ]);
  const lines = mine.map((x) => [x.offerNumber, "Generated", 100, 21]);
  putRows(w, "Offers", 2, offers);
  putRows(w, "Offer lines", 2, lines);
  const passes: RefreshPass[] = [];
  const pass = async (firstOnly = false): Promise<void> => {
    await w.api.clearRequests();
    const t0 = w.rt.clock.now();
    runOk(w, "refreshOfferStatuses");
    let executions = 1;
    if (firstOnly) runOk(w, "disableScheduledRuns");
    for (let i = 0; i < 20 && continuationsLeft(w) > 0; i++) {
      const run = w.rt.advanceToNextTrigger();
      if (!run) break;
      expectOk(run);
      executions++;
    }
    passes.push({
      requests: (await requestsOf(w)).length,
      executions,
      simulatedMs: w.rt.clock.now() - t0,
    });
  };
  await pass(o.interrupt === true);
  // Between the passes: every 20th row accepted, every 20th (offset by 10) rejected, later on.
  w.rt.clock.advance(o.interrupt ? HOUR : DAY);
  const changed = new Map<string, "accepted" | "rejected">();
  for (let i = 0; i < mine.length; i++) {
    const x = mine[i];
    if (!x || i % 10 !== 0) continue;
    const accepted = i % 20 === 0;
    const at = "2025-04-15 10:00:00";
    await w.api.updateOffer(x.id, accepted ? { acceptedAt: at } : { rejectedAt: at });
    changed.set(x.id, accepted ? "accepted" : "rejected");
  }
  const gone = mine[Math.floor(mine.length / 2) + 5];
  if (o.listChanges && gone)
    await w.api.addListHooks([
      { request: 3, action: { kind: "delete-offer", target: gone.id } },
      { request: 4, action: { kind: "add-offer", offer: { offerNumber: "OTHER-1" } } },
      { request: 5, action: { kind: "delete-offer", target: "oldest" } },
      { request: 8, action: { kind: "delete-offer", target: "newest" } },
    ]);
  await pass();
  const ids = w.column("Offer ID");
  const status = w.column("Status");
  const messages = w.column("Message");
  // Offers deleted there meanwhile (by the hooks) are not counted: their rows say they are gone.
  const still = new Set((await w.api.offers()).map((x) => x.id));
  for (const id of [...changed.keys()]) if (!still.has(id)) changed.delete(id);
  const written = ids.filter((id, i) => changed.get(id) === status[i]).length;
  const goneRows = ids.flatMap((id, i) => (mine.some((x) => x.id === id) && !still.has(id) ? [i] : []));
  return {
    passes,
    changes: changed.size,
    written,
    cursorLeft: w.rt.properties.document.has("MKP_LIST_CURSOR"),
    deletedMarked:
      goneRows.length > 0 && goneRows.every((i) => /Not found in MijnKlantportaal/.test(messages[i] ?? "")),
  };
}
