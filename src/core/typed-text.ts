// Text for cells that Sheets reads as typed input (appendRow): kept a text, never a formula.

/**
 * appendRow reads text as if typed: text that Sheets would turn into a formula, a number, a date
 * or a boolean gets a leading apostrophe, which keeps it text. Other text is left as it is, since
 * a plain-text cell would show the apostrophe.
 */
export function asTypedText(text: string): string {
  const risky =
    /^[=+\-@']/.test(text) || /^[\d\s.,:/%€$()-]+$/.test(text) || /^(true|false)$/i.test(text.trim());
  return risky && text !== "" ? `'${text}` : text;
}
