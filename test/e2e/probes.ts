// Helpers of the e2e tests that feed the product odd sheets, cells and API answers: small batches,
// the exactly-once check, where a row's status and message are, and hooks that act during a run.

import { expect } from "@jest/globals";
import type { SpreadsheetModel } from "../../tools/gas-runtime";
import type { DoubleConfig, ListHookRule } from "../../tools/mkp-double/types";
import { cellText, postedBodies, type Row, runOk, sheetColumn, type World, world } from "./world";

export function batch(n: number, prefix = "A"): { offers: Row[]; lines: Row[] } {
  const offers: Row[] = [];
  const lines: Row[] = [];
  for (let i = 1; i <= n; i++) {
    const number = `${prefix}-${String(i).padStart(4, "0")}`;
    offers.push([number, "cst_demo0001", "2025-04-14"]);
    lines.push([number, `Work for ${number}`, "10.00", 21]);
  }
  return { offers, lines };
}

/** Offers created through the API (seeds excluded). */
export async function apiOffers(w: World) {
  return (await w.api.offers()).filter((o) => o.source === "api");
}

/** Every offer number exists once in the API, and the row holding it shows that offer's ID. */
export async function expectExactlyOnce(w: World, numbers: string[]): Promise<void> {
  const stored = await apiOffers(w);
  const storedNumbers = stored.map((o) => o.offerNumber).sort();
  expect(storedNumbers).toEqual([...numbers].sort());
  const ids = new Map(stored.map((o) => [o.offerNumber, o.id]));
  const col = (h: string) => sheetColumn(w.ss, "Offers", h);
  const nums = col("Offer number");
  const statuses = col("Status");
  const offerIds = col("Offer ID");
  nums.forEach((n, i) => {
    if (!numbers.includes(n)) return;
    expect({ n, status: statuses[i], id: offerIds[i] }).toEqual({ n, status: "created", id: ids.get(n) });
  });
}

export function formulasIn(ss: SpreadsheetModel): string[] {
  const out: string[] = [];
  for (const sheet of ss.sheets) {
    sheet.forEachCell((cell, r, c) => {
      if (cell.formula !== undefined) out.push(`${sheet.name}!R${r}C${c}: ${cell.formula}`);
    });
  }
  return out;
}

export const rowOf = (w: World, n: string): number =>
  sheetColumn(w.ss, "Offers", "Offer number").indexOf(n) + 2;
export const statusOf = (w: World, n: string): string => cellText(w.ss, "Offers", rowOf(w, n), "Status");
export const messageOf = (w: World, n: string): string => cellText(w.ss, "Offers", rowOf(w, n), "Message");
export const lastAlert = (w: World): string => w.ss.alerts.at(-1)?.message ?? "";

export async function bodyOf(w: World, n: string): Promise<Record<string, unknown> | undefined> {
  return (await postedBodies(w.api)).find((b) => b.offerNumber === n);
}

export async function sentLines(w: World, n: string): Promise<{ amountExclVat: string; vatRate: number }[]> {
  return ((await bodyOf(w, n))?.lines ?? []) as { amountExclVat: string; vatRate: number }[];
}

export type Kill = (call: { index: number; service: string; method: string }) => boolean;

/** A hook that runs `act` once, just before the n-th call matching `match`, and never kills. */
export function onCall(
  match: (c: { service: string; method: string }) => boolean,
  act: () => void,
  nth = 1,
): Kill {
  let seen = 0;
  return (call) => {
    if (match(call) && ++seen === nth) act();
    return false;
  };
}

export const isFetch = (c: { service: string; method: string }) =>
  c.service === "UrlFetchApp" && c.method.startsWith("fetch");

/** Kills the execution at its first write-back after the requests went out (rows left `sending`). */
export function killAtWriteBackAfterSend(): Kill {
  let fetched = false;
  return (c) => {
    if (isFetch(c)) fetched = true;
    return fetched && c.service === "Range" && c.method === "setValues";
  };
}

const LOST_START = Date.UTC(2025, 3, 14, 8, 0);

/**
 * `rows` offers sent, the execution killed before their IDs were written (rows left `sending`), in an
 * account of `old` offers made over the last two years; then `config` and `hooks` apply to the re-runs.
 */
export async function lostSending(
  rows: number,
  old: number,
  config: Partial<DoubleConfig>,
  hooks: ListHookRule[] = [],
): Promise<{ w: World; numbers: string[] }> {
  const { offers, lines } = batch(rows, "LS");
  const order = config.listOrder === "desc" ? "desc" : "asc";
  const w = await world({ offers, lines, config: { listOrder: order } });
  if (old > 0)
    await w.api.seedGenerated({
      count: old,
      createdFrom: LOST_START - 700 * 86_400_000,
      createdTo: LOST_START - 86_400_000,
    });
  const killed = w.run("createPendingOffers", [], { kill: killAtWriteBackAfterSend() });
  expect(killed.killed).toBe("killed");
  const numbers = offers.map((o) => String(o[0]));
  expect(numbers.some((n) => statusOf(w, n) === "sending")).toBe(true);
  await w.api.configure(config);
  if (hooks.length > 0) await w.api.addListHooks(hooks);
  return { w, numbers };
}

/** Re-runs until no row is `sending` (at most `max` runs); returns how many it took. */
export function settleSending(w: World, numbers: string[], max = 4): number {
  for (let run = 1; run <= max; run++) {
    runOk(w, "createPendingOffers");
    if (numbers.every((n) => statusOf(w, n) !== "sending")) return run;
  }
  return max + 1;
}
