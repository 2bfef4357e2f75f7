// Batches of offers for the e2e tests that run many executions (continuations, kills), and the checks
// over them: every offer created exactly once, at most one continuation per user, draining triggers.

import { expect } from "@jest/globals";
import { clockEvent } from "../../tools/gas-runtime/triggers";
import type { TriggerRecord } from "../../tools/gas-runtime/types";
import type { Row, World } from "./world";

/** `n` offers `R-0001`… with two lines each (10.00 at 21 %, 2.50 at 9 %). */
export function offers(n: number, prefix = "R"): { offers: Row[]; lines: Row[] } {
  const rows: Row[] = [];
  const lines: Row[] = [];
  for (let i = 1; i <= n; i++) {
    const number = `${prefix}-${String(i).padStart(4, "0")}`;
    rows.push([number, "cst_demo0001", "2025-04-14"]);
    lines.push([number, `Line A of ${number}`, "10.00", 21], [number, `Line B of ${number}`, "2.50", 9]);
  }
  return { offers: rows, lines };
}

/** Each of the `n` offers stored once, every row `created` with that offer's ID (row by row). */
export async function expectCreatedOnce(w: World, n: number): Promise<void> {
  const stored = (await w.api.offers()).filter((o) => o.source === "api");
  const numbers = stored.map((o) => o.offerNumber).sort();
  expect(new Set(numbers).size).toBe(numbers.length);
  expect(numbers.length).toBe(n);
  const ids = new Map(stored.map((o) => [o.offerNumber, o.id]));
  const rows = w.offers();
  for (const row of rows.slice(1)) {
    expect(row[5]).toBe("created");
    expect(row[6]).toBe(ids.get(row[0] ?? ""));
  }
}

/** `n` offers `Q-00001`… with two lines each (Licence 100.00 at 21 %, Support 15.50 at 9 %). */
export function batch(n: number, prefix = "Q"): { offers: Row[]; lines: Row[] } {
  const offers: Row[] = [];
  const lines: Row[] = [];
  for (let i = 1; i <= n; i++) {
    const number = `${prefix}-${String(i).padStart(5, "0")}`;
    offers.push([number, "cst_demo0001", "2025-04-14"]);
    lines.push([number, "Licence", "100.00", 21], [number, "Support", "15.50", 9]);
  }
  return { offers, lines };
}

/** Every offer number in the API exactly once, every row `created` with the API's ID. */
export async function expectExactlyOnce(w: World, n: number): Promise<void> {
  const stored = (await w.api.offers()).filter((o) => o.source === "api");
  const numbers = stored.map((o) => o.offerNumber);
  const dupes = numbers.filter((x, i) => numbers.indexOf(x) !== i);
  expect(dupes).toEqual([]);
  expect(numbers.length).toBe(n);
  const ids = new Map(stored.map((o) => [o.offerNumber, o.id]));
  const rows = w.offers().slice(1);
  const wrong = rows.filter((r) => r[5] !== "created" || r[6] !== ids.get(r[0] ?? ""));
  expect(wrong.map((r) => `${r[0]}:${r[5]}:${r[6]}:${r[8]}`)).toEqual([]);
}

/** At any time: per user at most one hourly trigger and at most one continuation. */
export function triggerViolations(w: World): string[] {
  const out: string[] = [];
  const owners = new Set(w.rt.triggers.map((t) => t.owner));
  for (const owner of owners) {
    const mine = w.rt.triggers.filter((t) => t.owner === owner);
    const hourly = mine.filter((t) => t.type === "hourly").length;
    const other = mine.filter((t) => t.type !== "hourly").length;
    if (hourly > 1) out.push(`${owner}: ${hourly} hourly`);
    if (other > 1) out.push(`${owner}: ${other} continuations`);
  }
  return out;
}

/** A second user of the spreadsheet, with a key of their own. */
export const USER_B = "b@example.com";
export const KEY_B = "demo-key-0001";

export const allCreated = (w: World): boolean => w.column("Status").every((s) => s === "created");

/** Fires triggers until everything is created and no continuation is left (or limits reached). */
export function drain(w: World, maxExecutions = 60, maxMs = 6 * 3_600_000): string[] {
  const violations: string[] = [];
  const start = w.rt.clock.now();
  for (let i = 0; i < maxExecutions; i++) {
    const continuationsLeft = w.rt.triggers.some((t) => t.type !== "hourly" && !t.disabled);
    if (allCreated(w) && !continuationsLeft) break;
    if (w.rt.clock.now() - start > maxMs) break;
    const run = w.rt.advanceToNextTrigger();
    if (!run) break;
    expect(run.killed).toBeUndefined();
    violations.push(...triggerViolations(w));
  }
  return violations;
}

/** Fires the earliest due trigger by hand, so that a kill hook can be passed. */
export function fireNext(
  w: World,
  kill?: (call: { index: number; service: string; method: string }) => boolean,
) {
  const next = w.rt.triggers
    .filter((t) => !t.disabled && t.type !== "onOpen" && t.dueAt !== undefined)
    .sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0))[0] as TriggerRecord | undefined;
  if (!next) return null;
  if ((next.dueAt ?? 0) > w.rt.clock.now()) w.rt.clock.set(next.dueAt ?? 0);
  const now = w.rt.clock.now();
  (w.rt as unknown as { triggerTable: { fired(t: TriggerRecord, n: number): void } }).triggerTable.fired(
    next,
    now,
  );
  return w.run(next.handler, [clockEvent(next, now)], {
    trigger: next,
    user: next.owner,
    authMode: "FULL",
    ...(kill ? { kill } : {}),
  });
}
