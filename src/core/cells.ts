// A cell as Apps Script hands it to us (raw value, what the user sees, its number format), and the
// small questions every parser asks of one: is it blank, is it an error, what text does it hold.

export interface Cell {
  /** From getValues: string, number, boolean, Date (of any realm) or "" for empty. */
  readonly value: unknown;
  /** From getDisplayValues. */
  readonly display: string;
  /** From getNumberFormats. */
  readonly format: string;
}

export const EMPTY_CELL: Cell = { value: "", display: "", format: "" };

const ERROR_VALUES = new Set([
  "#N/A",
  "#REF!",
  "#VALUE!",
  "#DIV/0!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#ERROR!",
  "#SPILL!",
  "#CALC!",
  "Loading...",
]);

export function isDateValue(value: unknown): value is Date {
  // Dates come from another V8 realm in Apps Script's runtime and in tests, so no instanceof.
  return Object.prototype.toString.call(value) === "[object Date]";
}

export function isErrorCell(cell: Cell): boolean {
  return (
    (typeof cell.value === "string" && ERROR_VALUES.has(cell.value.trim())) ||
    ERROR_VALUES.has(cell.display.trim())
  );
}

/** The cell's error text (`#N/A`) for messages. */
export function errorText(cell: Cell): string {
  return typeof cell.value === "string" && cell.value.trim() !== "" ? cell.value.trim() : cell.display.trim();
}

// Spaces, and the invisible characters text pasted from a web page, a mail or Word carries at its
// ends (zero-width space, non-joiner, joiner, word joiner, byte-order mark, soft hyphen, and the
// marks that set the writing direction: LRM, RLM, embeddings, isolates): Sheets shows none of them.
const EDGES =
  /^[\s\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]+|[\s\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]+$/g;

/** `text` without spaces or invisible characters around it (inside it, they are kept). */
export function trimText(text: string): string {
  return text.replace(EDGES, "");
}

/** Nothing a person typed: empty, only spaces, or an unchecked checkbox (FALSE). */
export function isBlankCell(cell: Cell): boolean {
  const v = cell.value;
  if (v === null || v === undefined || v === false) return true;
  if (typeof v === "string") return trimText(v) === "" && trimText(cell.display) === "";
  return false;
}

/** Text as the user sees it, trimmed (non-breaking spaces count as spaces). */
export function shownText(cell: Cell): string {
  const raw = typeof cell.value === "string" ? cell.value : cell.display;
  return trimText(raw.replace(/\u00a0/g, " "));
}

/** Quotes a user's value for a message, shortened so a message stays readable. */
export function quote(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 37)}…` : text;
  return `"${short}"`;
}
