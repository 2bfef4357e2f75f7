// Builds SheetTables from plain rows for core tests: a value becomes a cell shown as its text.

import type { Cell } from "../../src/core/cells";
import type { SheetTable } from "../../src/core/table";

export type CellLike = unknown | { value: unknown; display?: string; format?: string };

function isCellSpec(v: unknown): v is { value: unknown; display?: string; format?: string } {
  return v !== null && typeof v === "object" && "value" in v && !(v instanceof Date);
}

export function cell(v: CellLike): Cell {
  if (isCellSpec(v))
    return { value: v.value, display: v.display ?? String(v.value ?? ""), format: v.format ?? "" };
  if (v instanceof Date) return { value: v, display: v.toISOString().slice(0, 10), format: "yyyy-mm-dd" };
  if (typeof v === "boolean") return { value: v, display: v ? "TRUE" : "FALSE", format: "" };
  return { value: v ?? "", display: String(v ?? ""), format: "" };
}

export function table(header: string[], rows: CellLike[][]): SheetTable {
  return { header, rows: rows.map((r) => header.map((_, i) => cell(r[i] ?? ""))) };
}

/** Formats a Date as YYYY-MM-DD in UTC (the tests' stand-in for the spreadsheet's zone). */
export const utcYmd = (d: Date): string => d.toISOString().slice(0, 10);
