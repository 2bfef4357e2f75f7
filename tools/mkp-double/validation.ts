// Request validation of the MKP double, with Laravel-style messages: the manual-offer create body
// (mkp-api.md §8) and the accept/reject PATCH body.

import { CUSTOMER_ID_PATTERN } from "./defaults";
import { AMOUNT_PATTERN } from "./money";
import { fromLocalDateTime, isCalendarDate } from "./time";
import type { OfferLine } from "./types";

export type FieldErrors = Record<string, string[]>;

export const VAT_RATES = [0, 9, 21];

class Collector {
  readonly errors: FieldErrors = {};
  add(field: string, message: string): void {
    this.errors[field] = [...(this.errors[field] ?? []), message];
  }
  get empty(): boolean {
    return Object.keys(this.errors).length === 0;
  }
}

const missing = (value: unknown): boolean => value === undefined || value === null || value === "";

/** Checks a required string; returns it when it passed, else records the error and returns null. */
function requiredString(c: Collector, field: string, value: unknown, max?: number): string | null {
  if (missing(value)) c.add(field, `The ${field} field is required.`);
  else if (typeof value !== "string") c.add(field, `The ${field} field must be a string.`);
  else if (max !== undefined && value.length > max)
    c.add(field, `The ${field} field must not be greater than ${max} characters.`);
  else return value;
  return null;
}

function date(c: Collector, field: string, value: unknown): string | null {
  const text = requiredString(c, field, value);
  if (text === null) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) c.add(field, `The ${field} field must match the format Y-m-d.`);
  else if (!isCalendarDate(text)) c.add(field, `The ${field} field must be a valid date.`);
  else return text;
  return null;
}

function line(c: Collector, index: number, value: unknown): void {
  const at = `lines.${index}`;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    c.add(at, `The ${at} field must be an object.`);
    return;
  }
  const item = value as Record<string, unknown>;
  requiredString(c, `${at}.description`, item.description, 2000);
  const amount = requiredString(c, `${at}.amountExclVat`, item.amountExclVat);
  if (amount !== null && !AMOUNT_PATTERN.test(amount))
    c.add(`${at}.amountExclVat`, `The ${at}.amountExclVat field format is invalid.`);
  const vat = item.vatRate;
  const field = `${at}.vatRate`;
  if (missing(vat)) c.add(field, `The ${field} field is required.`);
  else if (typeof vat !== "number" || !Number.isInteger(vat))
    c.add(field, `The ${field} field must be an integer.`);
  else if (!VAT_RATES.includes(vat))
    c.add(field, `The ${field} field must be one of ${VAT_RATES.join(", ")}.`);
}

export interface CreateOptions {
  enforceExpiryAfterIssue: boolean;
  /** Returns true when the offer number must be refused as a duplicate. */
  isDuplicate(offerNumber: string): boolean;
}

/** Validates a POST /customer-offers/manual body; returns the field errors (empty when valid). */
export function validateCreateOffer(body: Record<string, unknown>, options: CreateOptions): FieldErrors {
  const c = new Collector();
  const customerId = requiredString(c, "customerId", body.customerId);
  if (customerId !== null && !CUSTOMER_ID_PATTERN.test(customerId))
    c.add("customerId", "The customerId field format is invalid.");
  const offerNumber = requiredString(c, "offerNumber", body.offerNumber, 255);
  if (offerNumber !== null && options.isDuplicate(offerNumber))
    c.add("offerNumber", "The offerNumber has already been taken.");
  const issuedAt = date(c, "issuedAt", body.issuedAt);
  const expiresAt = date(c, "expiresAt", body.expiresAt);
  if (issuedAt !== null && expiresAt !== null && options.enforceExpiryAfterIssue && expiresAt < issuedAt)
    c.add("expiresAt", "The expiresAt field must be a date after or equal to issuedAt.");
  if (body.sendNotification !== undefined && typeof body.sendNotification !== "boolean")
    c.add("sendNotification", "The sendNotification field must be true or false.");
  const lines = body.lines;
  if (missing(lines) || (Array.isArray(lines) && lines.length === 0))
    c.add("lines", "The lines field is required.");
  else if (!Array.isArray(lines)) c.add("lines", "The lines field must be an array.");
  else for (const [index, item] of lines.entries()) line(c, index, item);
  return c.errors;
}

/** The validated lines of a body that passed validateCreateOffer (only the documented fields). */
export function pickLines(body: Record<string, unknown>): OfferLine[] {
  return (body.lines as Array<Record<string, unknown>>).map((l) => ({
    description: l.description as string,
    amountExclVat: l.amountExclVat as string,
    vatRate: l.vatRate as number,
  }));
}

export interface PatchResult {
  errors: FieldErrors;
  /** Epoch ms (or null to clear) per date-time field present in the body. */
  times: { acceptedAt?: number | null; rejectedAt?: number | null };
  strings: { acceptedViaIp?: string | null; acceptedViaUserAgent?: string | null };
}

/** Validates a PATCH /customer-offers/{id} body. */
export function validatePatch(body: Record<string, unknown>): PatchResult {
  const c = new Collector();
  const result: PatchResult = { errors: c.errors, times: {}, strings: {} };
  for (const field of ["acceptedAt", "rejectedAt"] as const) {
    const value = body[field];
    if (value === undefined) continue;
    if (value === null || value === "") result.times[field] = null;
    else if (typeof value !== "string") c.add(field, `The ${field} field must be a string.`);
    else {
      const ms = fromLocalDateTime(value);
      if (ms === null) c.add(field, `The ${field} field must match the format Y-m-d H:i:s.`);
      else result.times[field] = ms;
    }
  }
  for (const field of ["acceptedViaIp", "acceptedViaUserAgent"] as const) {
    const value = body[field];
    if (value === undefined) continue;
    if (value === null || typeof value === "string") result.strings[field] = value;
    else c.add(field, `The ${field} field must be a string.`);
  }
  return result;
}

/** Laravel's top-level message: the first error plus "(and N more error[s])". */
export function validationMessage(errors: FieldErrors): string {
  const all = Object.values(errors).flat();
  const first = all[0] ?? "The given data was invalid.";
  const more = all.length - 1;
  return more > 0 ? `${first} (and ${more} more error${more === 1 ? "" : "s"})` : first;
}
