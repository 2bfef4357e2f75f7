// Apps Script's range bounds checks and A1 resolution on a sheet, with its error messages, and the
// ranges the user has selected.
import { parseA1 } from "./a1";
import type { Ctx, RangeRef } from "./context";

/** A range after Apps Script's bounds checks, with its messages. */
export function checkedRange(
  ctx: Ctx,
  sheet: RangeRef["sheet"],
  row: number,
  col: number,
  numRows: number,
  numCols: number,
): RangeRef {
  if (row < 1) throw ctx.error("The starting row of the range is too small.");
  if (col < 1) throw ctx.error("The starting column of the range is too small.");
  if (numRows < 1) throw ctx.error("The number of rows in the range must be at least 1.");
  if (numCols < 1) throw ctx.error("The number of columns in the range must be at least 1.");
  if (row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxColumns) {
    throw ctx.error("The coordinates of the range are outside the dimensions of the sheet.");
  }
  return { sheet, row, col, numRows, numCols };
}

/** The range an A1 string names on `sheet` (open ends run to the sheet's edge), or "Range not found". */
export function rangeFromA1(ctx: Ctx, sheet: RangeRef["sheet"], a1: unknown): RangeRef {
  const parsed = typeof a1 === "string" ? parseA1(a1) : null;
  if (!parsed) throw ctx.error("Range not found");
  let target = sheet;
  if (parsed.sheetName !== undefined && parsed.sheetName !== sheet.name) {
    const named = ctx.model.findSheet(parsed.sheetName);
    if (!named) throw ctx.error("Range not found");
    target = named;
  }
  const endRow = parsed.endRow ?? target.maxRows;
  const endCol = parsed.endCol ?? target.maxColumns;
  return checkedRange(
    ctx,
    target,
    parsed.startRow,
    parsed.startCol,
    endRow - parsed.startRow + 1,
    endCol - parsed.startCol + 1,
  );
}

/** The selected ranges on the active sheet; A1 of the active sheet when nothing (valid) is selected. */
export function selectionRefs(ctx: Ctx): RangeRef[] {
  const active = ctx.model.activeSheet();
  const sel = ctx.model.selection;
  const refs: RangeRef[] = [];
  if (sel && sel.sheet === active.name) {
    for (const a1 of sel.ranges) {
      try {
        refs.push(rangeFromA1(ctx, active, a1));
      } catch {
        // a selection that no longer fits the sheet is ignored
      }
    }
  }
  return refs.length > 0 ? refs : [{ sheet: active, row: 1, col: 1, numRows: 1, numCols: 1 }];
}
