// Which cells of a sheet this execution knows to be plain text (`@`), so that a write needs no
// setNumberFormat call first: the ranges it formatted itself, and those it found plain when it read.

interface Span {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

export class PlainCells {
  private readonly spans: Span[] = [];

  /** Rows `top..bottom`, columns `left..right` (1-based, inclusive) are plain text now. */
  add(top: number, bottom: number, left: number, right: number): void {
    if (bottom >= top && right >= left) this.spans.push({ top, bottom, left, right });
  }

  /** Whether every cell of the range is known to be plain text. */
  covers(top: number, rows: number, left: number, columns: number): boolean {
    const right = left + columns - 1;
    for (let row = top; row < top + rows; row++) {
      const known = this.spans.some(
        (s) => s.top <= row && row <= s.bottom && s.left <= left && right <= s.right,
      );
      if (!known) return false;
    }
    return true;
  }
}
