// Money of the MKP double: decimal strings to integer cents and back, and the offer amount.

import type { OfferLine } from "./types";

export const AMOUNT_PATTERN = /^-?\d+(\.\d{1,2})?$/;

/** Cents of a decimal string matching AMOUNT_PATTERN. */
export function toCents(text: string): bigint {
  const negative = text.startsWith("-");
  const [whole = "0", fraction = ""] = text.replace(/^-/, "").split(".");
  const cents = BigInt(whole) * 100n + BigInt(`${fraction}00`.slice(0, 2));
  return negative ? -cents : cents;
}

/** "12.95", "-5.00", "0.00". */
export function formatCents(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? "-" : ""}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/** VAT of an amount at an integer percentage, rounded half-up (away from zero) to the cent. */
export function vatCents(cents: bigint, rate: number): bigint {
  const abs = cents < 0n ? -cents : cents;
  const vat = (abs * BigInt(rate) + 50n) / 100n;
  return cents < 0n ? -vat : vat;
}

/** The offer amount: sum of the lines excl. VAT, or incl. VAT per line; "0.00" for unusable lines. */
export function offerAmount(lines: readonly OfferLine[], includeVat: boolean): string {
  let total = 0n;
  for (const line of lines) {
    if (typeof line?.amountExclVat !== "string" || !AMOUNT_PATTERN.test(line.amountExclVat)) continue;
    const cents = toCents(line.amountExclVat);
    const rate = Number.isInteger(line.vatRate) ? line.vatRate : 0;
    total += includeVat ? cents + vatCents(cents, rate) : cents;
  }
  return formatCents(total);
}
