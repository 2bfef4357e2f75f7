// Is the amount MijnKlantportaal gives a created offer what its lines add up to? The docs do not
// say whether it includes VAT, so the total excl. VAT and incl. VAT (rounded per line or once, a
// cent a line either way) both agree; an amount in another form (cents, another currency's
// notation) or another total is told on the row, so the user checks the offer before the customer
// does. An amount that cannot be read as a number says nothing: it is written as it came.

import { language, pick } from "./language";
import { formatCents } from "./money";
import type { OfferLineBody } from "./offer-types";
import { amountInLanguage, VALUES_TEXTS } from "./texts-values";

const DECIMAL = /^\s*(-?)(\d+)(?:[.,](\d+))?\s*$/;

/** Cents of an amount as an API writes it (`12.95`, `12,95`, `1295`), or null. */
function centsOfAnswer(amount: string): number | null {
  const m = DECIMAL.exec(amount);
  // `1,000` or `1.000`: a thousand or one, who can say; nothing is told on a guess.
  if (!m || m[3]?.length === 3) return null;
  const value = Number(`${m[2]}.${m[3] ?? "0"}`);
  return Number.isFinite(value) ? (m[1] ? -1 : 1) * Math.round(value * 100) : null;
}

const centsOf = (line: OfferLineBody): number => Math.round(Number(line.amountExclVat) * 100);

/** The row's Message when `amount` is not what `lines` add up to; null when it is (or is unreadable). */
export function amountMismatch(amount: string, lines: readonly OfferLineBody[]): string | null {
  const given = centsOfAnswer(amount);
  if (given === null || lines.length === 0) return null;
  const excl = lines.reduce((sum, l) => sum + centsOf(l), 0);
  const inclExact = lines.reduce((sum, l) => sum + (centsOf(l) * (100 + l.vatRate)) / 100, 0);
  if (given === excl || Math.abs(given - inclExact) <= Math.max(1, lines.length)) return null;
  const shown = (cents: number) => amountInLanguage(formatCents(cents), language());
  return pick(VALUES_TEXTS).amountDiffers(amount.trim(), shown(excl), shown(Math.round(inclExact)));
}
