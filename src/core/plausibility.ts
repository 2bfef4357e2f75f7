// Offers that are valid but implausible (CONTRACT §5): an issue date far from today, a long
// validity, a total of zero or less, an offer number that looks like a formula typed as text. Such
// an offer waits as `warning` until the user fixes the row or types `send anyway`.

import { quote } from "./cells";
import { addYears, dayNumber } from "./dates";
import { language, pick } from "./language";
import { formatCents } from "./money";
import type { CreateOfferBody } from "./offer-types";
import { FIELD_NAMES, type FieldNames } from "./texts-bundled";
import { amountInLanguage, VALUES_TEXTS } from "./texts-values";

/** Cents of an amount as it is sent (`"-12.50"`, always 2 decimals: rounding removes float noise). */
const sentCents = (amount: string): number => Math.round(Number(amount) * 100);

/**
 * The reasons to hold a valid offer back; `today` is `YYYY-MM-DD` in the spreadsheet's zone, `fields`
 * the columns as the sheet's headers name them.
 */
export function implausibilities(
  body: CreateOfferBody,
  today: string,
  fields: FieldNames = FIELD_NAMES[language()],
): string[] {
  const t = pick(VALUES_TEXTS);
  const reasons: string[] = [];
  if (body.offerNumber.startsWith("="))
    reasons.push(t.numberLikeFormula(fields.offerNumber, quote(body.offerNumber)));
  const issued = dayNumber(body.issuedAt);
  if (issued > dayNumber(addYears(today, 1))) reasons.push(t.issuedFuture(fields.issuedAt, body.issuedAt));
  if (issued < dayNumber(addYears(today, -1))) reasons.push(t.issuedPast(fields.issuedAt, body.issuedAt));
  if (dayNumber(body.expiresAt) > dayNumber(addYears(body.issuedAt, 1))) {
    reasons.push(t.expiresLate(fields.expiresAt, body.expiresAt, fields.issuedAt, body.issuedAt));
  }
  const total = body.lines.reduce((sum, line) => sum + sentCents(line.amountExclVat), 0);
  if (total <= 0) reasons.push(t.totalNotPositive(amountInLanguage(formatCents(total), language())));
  return reasons;
}

/** The Message of a held-back offer: every reason, and what to do. */
export const heldBackMessage = (reasons: readonly string[]): string => pick(VALUES_TEXTS).heldBack(reasons);
