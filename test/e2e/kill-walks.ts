// Kill walks: an execution killed at one service call after another, each time in a fresh world, then
// re-run until done; every offer must still be created exactly once. The full walks (every call) are
// in the *.exhaustive.test.ts files (`npm run test:exhaustive`); the default suite walks a sample.

import { expect } from "@jest/globals";
import { allCreated, batch, drain, expectCreatedOnce, fireNext, offers, triggerViolations } from "./batches";
import { expectOk, world } from "./world";

/** Calls that write, send or touch triggers/properties: where a kill matters most. */
const interesting =
  /^(Range\.setValues|SpreadsheetApp\.flush|UrlFetchApp\.fetch(All)?|ScriptApp\.|TriggerBuilder|ClockTriggerBuilder|Properties\.(set|delete)|Sheet\.appendRow)/;

/**
 * The kill points a walk visits, out of `candidates` (call indices): every `every`-th one and the last,
 * plus the first call of each kind matching `firstOf` (so that a sample still kills there).
 * `every` = 1 visits them all.
 */
export function killPoints(
  names: readonly string[],
  candidates: readonly number[],
  every: number,
  firstOf?: RegExp,
): number[] {
  const first = new Set<number>();
  const seen = new Set<string>();
  for (const k of candidates) {
    const name = names[k] ?? "?";
    if (firstOf?.test(name) && !seen.has(name)) first.add(k);
    seen.add(name);
  }
  const last = candidates.at(-1);
  return candidates.filter((k, i) => i % every === 0 || k === last || first.has(k));
}

/** A 40-offer menu run killed at each visited service call, then re-run three times. */
export async function menuRunKillWalk(every: number): Promise<void> {
  const n = 40;
  // First learn how many service calls a clean run makes.
  const probe = await world(offers(n));
  const clean = probe.run("createPendingOffers");
  expectOk(clean);
  const total = clean.calls.length;
  const names = clean.calls.map((c) => `${c.service}.${c.method}`);
  expect(names).toContain("UrlFetchApp.fetchAll");
  const killedAt: string[] = [];
  const points = killPoints(
    names,
    names.map((_, k) => k),
    every,
    interesting,
  );
  for (const k of points) {
    const w = await world(offers(n));
    const killed = w.run("createPendingOffers", [], { kill: (call) => call.index === k });
    expect(killed.killed).toBe("killed");
    killedAt.push(names[k] ?? "?");
    for (let again = 0; again < 3; again++) expectOk(w.run("createPendingOffers"));
    await expectCreatedOnce(w, n);
  }
  console.log(`kill walk (menu run): ${points.length} of ${total} calls`);
  // The walk covered marking, the flush, the send and the write-back.
  expect(killedAt).toEqual(
    expect.arrayContaining(["Range.setValues", "SpreadsheetApp.flush", "UrlFetchApp.fetchAll"]),
  );
}

/**
 * A 500-offer batch whose first continuation (carrying 200) is killed at each visited call; then the
 * triggers are drained (and, with hourly runs off, a person runs the menu up to three times).
 */
export async function continuationKillWalk(name: string, hourly: boolean, every: number): Promise<void> {
  const n = 500;
  const probe = await world(batch(n, "K"));
  if (hourly) expectOk(probe.run("enableScheduledRuns"));
  expectOk(probe.run("createPendingOffers"));
  expect(allCreated(probe)).toBe(false);
  const clean = fireNext(probe);
  expect(clean?.fn).toBe("runScheduledBatch");
  if (!clean) throw new Error("no continuation was scheduled");
  expectOk(clean);
  const total = clean.calls.length;
  const names = clean.calls.map((c) => `${c.service}.${c.method}`);
  // Kill indices: every interesting call, plus a stride over the rest.
  const candidates = names
    .map((name, k) => ({ name, k }))
    .filter(({ name, k }) => interesting.test(name) || k % 25 === 0 || k === total - 1)
    .map(({ k }) => k);
  const indices = killPoints(names, candidates, every);
  const stalled: number[] = [];
  const failures: string[] = [];
  for (const k of indices) {
    const w = await world(batch(n, "K"));
    if (hourly) expectOk(w.run("enableScheduledRuns"));
    expectOk(w.run("createPendingOffers"));
    const killed = fireNext(w, (call) => call.index === k);
    expect(killed?.killed).toBe("killed");
    drain(w, 30);
    if (!allCreated(w)) {
      stalled.push(k);
      for (let again = 0; again < 3 && !allCreated(w); again++) {
        expectOk(w.run("createPendingOffers"));
        drain(w, 30);
      }
    }
    const stored = (await w.api.offers()).filter((o) => o.source === "api");
    const numbers = stored.map((o) => o.offerNumber);
    const dupes = numbers.filter((x, i) => numbers.indexOf(x) !== i);
    if (dupes.length > 0 || numbers.length !== n || !allCreated(w)) {
      failures.push(`k=${k} (${names[k]}): ${numbers.length} stored, dupes ${dupes.slice(0, 3).join(",")}`);
    }
    const v = triggerViolations(w);
    if (v.length) failures.push(`k=${k}: ${v.join(";")}`);
    // A killed one-off trigger stays listed (fired, disabled) until a later run cleans up: the
    // next hourly run must leave only the hourly trigger.
    if (hourly && w.rt.triggers.length > 1) w.rt.advanceToNextTrigger();
    if (hourly && w.rt.triggers.map((t) => t.type).join() !== "hourly") {
      failures.push(`k=${k}: triggers left ${w.rt.triggers.map((t) => t.type).join()}`);
    }
  }
  console.log(
    `kill walk (${name}): ${indices.length} of ${candidates.length} candidate indices (${total} calls); stalled after ${stalled.length}`,
  );
  expect(failures).toEqual([]);
  // With hourly runs on, no kill leaves the batch waiting for a person.
  if (hourly) expect(stalled).toEqual([]);
}
