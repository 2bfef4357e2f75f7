// The write-back plan: find each offer's row by its offer number at the time of writing (people may
// sort, insert or delete rows meanwhile), then cover the updates with a few rectangular blocks.

import type { ColumnMap, OfferKey } from "./columns";
import { FIRST_DATA_ROW, offerKey } from "./table";

export const OUT_KEYS = [
  "status",
  "offerId",
  "amount",
  "message",
  "createdAt",
  "acceptedAt",
  "rejectedAt",
  "ref",
  // A customer named by company name or e-mail: the ID it was resolved to (customer-step.ts).
  "customerId",
] as const;
export type OutKey = (typeof OUT_KEYS)[number];
export type OutValues = Partial<Record<OutKey, string>>;

export interface RowUpdate {
  /** Offer key (see offerKey) of the row to update. */
  readonly key: string;
  /** The row the offer was in when it was read. */
  readonly sheetRow: number;
  /** The row's ledger ref, when it has one: found by it first (the offer number may be edited). */
  readonly ref?: string;
  readonly values: OutValues;
}

export interface Placed {
  readonly row: number;
  readonly update: RowUpdate;
}

/**
 * Places each update on the row that holds its offer number now. `keyColumn[i]` is the displayed
 * offer number of sheet row i + 2. An update whose offer number is gone (row deleted) or now
 * appears on several rows (and not on its old row) is returned as lost.
 */
export function locateRows(
  updates: readonly RowUpdate[],
  keyColumn: readonly string[],
  refColumn: readonly string[] = [],
): { placed: Placed[]; lost: RowUpdate[] } {
  const rowsByRef = new Map<string, number[]>();
  refColumn.forEach((text, i) => {
    const ref = text.trim();
    if (ref !== "") rowsByRef.set(ref, [...(rowsByRef.get(ref) ?? []), i + FIRST_DATA_ROW]);
  });
  const rowsByKey = new Map<string, number[]>();
  keyColumn.forEach((text, i) => {
    const key = offerKey(text);
    if (key === "") return;
    const rows = rowsByKey.get(key);
    if (rows) rows.push(i + FIRST_DATA_ROW);
    else rowsByKey.set(key, [i + FIRST_DATA_ROW]);
  });
  const placed: Placed[] = [];
  const lost: RowUpdate[] = [];
  for (const update of updates) {
    // A ref on exactly one row is that row, whatever its offer number says now (edited meanwhile).
    const byRef = update.ref ? (rowsByRef.get(update.ref) ?? []) : [];
    if (byRef.length === 1 && byRef[0] !== undefined) {
      placed.push({ row: byRef[0], update });
      continue;
    }
    if (update.key === "") {
      // A row without a usable offer number (blank, or an error such as #N/A) can only be found
      // where it was, and only while that row still has no offer number there.
      const now = keyColumn[update.sheetRow - FIRST_DATA_ROW];
      if (now !== undefined && (offerKey(now) === "" || /^#/.test(now.trim())))
        placed.push({ row: update.sheetRow, update });
      else lost.push(update);
      continue;
    }
    const rows = rowsByKey.get(update.key) ?? [];
    const row = rows.includes(update.sheetRow) ? update.sheetRow : rows.length === 1 ? rows[0] : undefined;
    if (row === undefined) lost.push(update);
    else placed.push({ row, update });
  }
  return { placed, lost };
}

/** A rectangle to write: `cells[r][c]` is the new text, or undefined to keep what is there now. */
export interface Block {
  readonly row: number;
  /** 1-based column. */
  readonly column: number;
  readonly cells: (string | undefined)[][];
}

/** The columns of `keys` that exist, grouped into runs of adjacent columns (any sheet's). */
export function columnGroups<K extends string>(
  columns: Partial<Record<K, number>>,
  keys: readonly K[],
): [number, K][][] {
  const present = keys
    .flatMap((key): [number, K][] => {
      const index = columns[key];
      return index === undefined ? [] : [[index, key]];
    })
    .sort((a, b) => a[0] - b[0]);
  const groups: [number, K][][] = [];
  for (const entry of present) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && prev[0] + 1 === entry[0]) last.push(entry);
    else groups.push([entry]);
  }
  return groups;
}

/** Runs of consecutive rows, or one span over all of them when there would be more than maxRuns. */
function rowRuns(rows: readonly number[], maxRuns: number): [number, number][] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const row of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[1] + 1 === row) last[1] = row;
    else runs.push([row, row]);
  }
  if (runs.length <= maxRuns) return runs;
  const first = runs[0];
  const final = runs[runs.length - 1];
  return first && final ? [[first[0], final[1]]] : [];
}

/** Blocks covering every placed update; a few per column group, whatever the number of rows. */
export function planBlocks(placed: readonly Placed[], columns: ColumnMap<OfferKey>, maxRuns = 8): Block[] {
  const byRow = new Map<number, OutValues>();
  for (const { row, update } of placed) byRow.set(row, { ...byRow.get(row), ...update.values });
  const blocks: Block[] = [];
  for (const group of columnGroups(columns, OUT_KEYS)) {
    const rows = [...byRow.entries()]
      .filter(([, values]) => group.some(([, key]) => values[key] !== undefined))
      .map(([row]) => row);
    for (const [from, to] of rowRuns(rows, maxRuns)) {
      const cells: (string | undefined)[][] = [];
      for (let row = from; row <= to; row++) {
        const values = byRow.get(row);
        cells.push(group.map(([, key]) => values?.[key]));
      }
      blocks.push({ row: from, column: (group[0]?.[0] ?? 0) + 1, cells });
    }
  }
  return blocks;
}
