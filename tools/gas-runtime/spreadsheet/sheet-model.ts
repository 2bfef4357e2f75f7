// One sheet of the SpreadsheetModel: a sparse grid of cells (1-based row/column), its size and frozen
// rows, and the structural edits a user or the script makes (insert/delete rows, sort).
import { type Cell, type CellValue, hasContent } from "./cell";
import { type Block, covers, intersects, RowState } from "./row-state";

function sortRank(value: CellValue): [number, number | string] {
  if (value === null) return [9, 0];
  if (typeof value === "number") return [0, value];
  if (typeof value === "object") return [0, value.date / 86_400_000 + 25_569];
  if (typeof value === "string") return [1, value.toLowerCase()];
  return [2, value ? 1 : 0];
}

export class SheetModel {
  name: string;
  readonly id: number;
  maxRows: number;
  maxColumns: number;
  frozenRows = 0;
  hidden = false;

  frozenColumns = 0;
  /** Rows hidden by the user, merged blocks and the filter. */
  readonly rowState = new RowState();
  /**
   * Ranges protected against the user the script runs as (Data › Protect sheets and ranges, set by
   * the owner for other editors): their values and formats refuse writes. Fixed in place here.
   */
  readonly protectedBlocks: { row: number; col: number; numRows: number; numCols: number }[] = [];
  /** rows[r - 1][c - 1]; holes are empty cells. */
  private rows: (Cell | undefined)[][] = [];

  constructor(name: string, id: number, maxRows = 1000, maxColumns = 26) {
    this.name = name;
    this.id = id;
    this.maxRows = maxRows;
    this.maxColumns = maxColumns;
  }

  cell(row: number, col: number): Cell | undefined {
    return this.rows[row - 1]?.[col - 1];
  }

  cellOrCreate(row: number, col: number): Cell {
    let r = this.rows[row - 1];
    if (!r) {
      r = [];
      this.rows[row - 1] = r;
    }
    let c = r[col - 1];
    if (!c) {
      c = { value: null };
      r[col - 1] = c;
    }
    return c;
  }

  /** Replaces a cell (undefined empties it), growing the sheet when needed. */
  put(row: number, col: number, cell: Cell | undefined): void {
    this.maxRows = Math.max(this.maxRows, row);
    this.maxColumns = Math.max(this.maxColumns, col);
    if (cell === undefined) {
      const r = this.rows[row - 1];
      if (r) delete r[col - 1];
      return;
    }
    let r = this.rows[row - 1];
    if (!r) {
      r = [];
      this.rows[row - 1] = r;
    }
    r[col - 1] = cell;
  }

  /** Last row holding a value or a formula (0 when none), like Sheet.getLastRow(). */
  lastRow(): number {
    for (let r = this.rows.length; r >= 1; r--) {
      if (this.rows[r - 1]?.some(hasContent)) return r;
    }
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const r of this.rows) {
      if (!r) continue;
      for (let c = r.length; c > last; c--) {
        if (hasContent(r[c - 1])) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  /** Removes rows like Sheet.deleteRows: rows below move up, the sheet gets smaller. */
  deleteRows(row: number, count: number): void {
    this.rows.splice(row - 1, count);
    this.maxRows -= count;
    this.rowState.deleted(row, count);
  }

  /** Inserts empty rows before `beforeRow` (rows from there move down). */
  insertRows(beforeRow: number, count: number): void {
    if (beforeRow - 1 < this.rows.length) this.rows.splice(beforeRow - 1, 0, ...new Array<never>(count));
    this.maxRows += count;
    this.rowState.inserted(beforeRow, count);
  }

  /**
   * Merges a block like Range.merge: only the top-left cell keeps its content (the others are
   * emptied, as Sheets does). A block that cuts through an existing merge is refused (returns false);
   * merges inside it are replaced.
   */
  merge(block: Block): boolean {
    const state = this.rowState;
    if (state.merges.some((m) => intersects(m, block) && !covers(block, m))) return false;
    state.merges = state.merges.filter((m) => !covers(block, m));
    if (block.numRows * block.numCols < 2) return true;
    for (let r = block.row; r < block.row + block.numRows; r++)
      for (let c = block.col; c < block.col + block.numCols; c++) {
        if (r === block.row && c === block.col) continue;
        const cell = this.cell(r, c);
        if (cell) {
          cell.value = null;
          delete cell.formula;
          delete cell.displayOverride;
        }
      }
    state.merges.push({ ...block });
    return true;
  }

  /** The merged blocks that share a cell with `block`. */
  mergesIn(block: Block): Block[] {
    return this.rowState.merges.filter((m) => intersects(m, block)).map((m) => ({ ...m }));
  }

  /** Inserts empty columns before `beforeCol`. */
  insertColumns(beforeCol: number, count: number): void {
    for (const r of this.rows) {
      if (r && beforeCol - 1 < r.length) r.splice(beforeCol - 1, 0, ...new Array<never>(count));
    }
    this.maxColumns += count;
  }

  /** Sorts rows 2..last row by a column, like a user sorting the sheet; blanks sort last. Stable. */
  sortRows(column: number, ascending = true): void {
    const last = this.lastRow();
    if (last < 3) return;
    const block = Array.from({ length: last - 1 }, (_, i) => this.rows[i + 1]);
    const keyed = block.map((row, i) => ({ row, i, key: sortRank(row?.[column - 1]?.value ?? null) }));
    keyed.sort((a, b) => {
      const [ra, va] = a.key;
      const [rb, vb] = b.key;
      if (ra === 9 || rb === 9) return ra === rb ? a.i - b.i : ra === 9 ? 1 : -1;
      let d = ra - rb;
      if (d === 0) d = typeof va === "string" ? va.localeCompare(String(vb)) : Number(va) - Number(vb);
      if (!ascending) d = -d;
      return d || a.i - b.i;
    });
    keyed.forEach((k, i) => {
      if (k.row) this.rows[i + 1] = k.row;
      else delete this.rows[i + 1];
    });
  }

  /** Calls fn for every stored cell (row, col are 1-based). */
  forEachCell(fn: (cell: Cell, row: number, col: number) => void): void {
    this.rows.forEach((r, ri) => {
      r?.forEach((c, ci) => {
        if (c) fn(c, ri + 1, ci + 1);
      });
    });
  }
}
