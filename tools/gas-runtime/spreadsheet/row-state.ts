// What a sheet knows about its rows beyond their cells: rows hidden by the user (Sheet.hideRows),
// merged blocks (Range.merge) and the one filter a sheet may have (Range.createFilter), kept in
// place as rows are inserted or deleted above or inside them.

/** A rectangle of one sheet, 1-based. */
export interface Block {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/**
 * A column's filter criteria: the displayed values it hides ("" hides blank cells), or, for
 * whenTextEqualTo, the one text it shows; whenCellNotEmpty hides blank cells.
 */
export interface FilterRule {
  readonly hiddenValues: readonly string[];
  readonly visibleText?: string;
  readonly notEmpty?: boolean;
}

export interface SheetFilter extends Block {
  /** Criteria by sheet column (1-based). */
  readonly criteria: Map<number, FilterRule>;
  /** Rows the criteria hide, as of the last time criteria were set (the header row never is). */
  hidden: Set<number>;
}

export const intersects = (a: Block, b: Block): boolean =>
  a.row < b.row + b.numRows &&
  b.row < a.row + a.numRows &&
  a.col < b.col + b.numCols &&
  b.col < a.col + a.numCols;

export const covers = (outer: Block, inner: Block): boolean =>
  outer.row <= inner.row &&
  outer.col <= inner.col &&
  inner.row + inner.numRows <= outer.row + outer.numRows &&
  inner.col + inner.numCols <= outer.col + outer.numCols;

/** Whether a cell shows under `rule`. */
export function passes(rule: FilterRule, shown: string): boolean {
  if (rule.notEmpty && shown === "") return false;
  if (rule.visibleText !== undefined && shown !== rule.visibleText) return false;
  return !rule.hiddenValues.includes(shown);
}

/** A span of rows after `count` rows were inserted before `at` (grows when inserted inside it). */
function spanAfterInsert(b: Block, at: number, count: number): void {
  if (at <= b.row) b.row += count;
  else if (at < b.row + b.numRows) b.numRows += count;
}

/** A span after rows start..start+count-1 were deleted: false when none of it is left. */
function spanAfterDelete(b: Block, start: number, count: number): boolean {
  const end = start + count - 1;
  const last = b.row + b.numRows - 1;
  const overlap = Math.max(0, Math.min(last, end) - Math.max(b.row, start) + 1);
  if (b.row > end) b.row -= count;
  else if (b.row >= start) b.row = start;
  b.numRows -= overlap;
  return b.numRows > 0;
}

const shiftSet = (rows: Set<number>, fn: (r: number) => number | null): Set<number> => {
  const next = new Set<number>();
  for (const r of rows) {
    const m = fn(r);
    if (m !== null) next.add(m);
  }
  return next;
};

export class RowState {
  hiddenByUser = new Set<number>();
  merges: Block[] = [];
  filter: SheetFilter | null = null;

  inserted(at: number, count: number): void {
    this.hiddenByUser = shiftSet(this.hiddenByUser, (r) => (r >= at ? r + count : r));
    for (const m of this.merges) spanAfterInsert(m, at, count);
    if (this.filter) {
      spanAfterInsert(this.filter, at, count);
      this.filter.hidden = shiftSet(this.filter.hidden, (r) => (r >= at ? r + count : r));
    }
  }

  deleted(start: number, count: number): void {
    const move = (r: number): number | null => (r < start ? r : r < start + count ? null : r - count);
    this.hiddenByUser = shiftSet(this.hiddenByUser, move);
    this.merges = this.merges.filter((m) => spanAfterDelete(m, start, count) && m.numRows * m.numCols > 1);
    if (this.filter) {
      if (!spanAfterDelete(this.filter, start, count)) this.filter = null;
      else this.filter.hidden = shiftSet(this.filter.hidden, move);
    }
  }
}
