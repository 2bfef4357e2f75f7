// Generators of the MKP double: many offers (in creation order, createdAt spread evenly between two
// times) or customers at once, for large-account tests; 10,000 offers take a few tens of milliseconds.

import { makeCustomer } from "./defaults";
import { offerAmount } from "./money";
import type { NewOffer } from "./offers";
import { addDays, toAtom } from "./time";
import type {
  Customer,
  GenerateCustomersOptions,
  GenerateOffersOptions,
  OfferLine,
  StoredOffer,
} from "./types";

const HOUR_MS = 3_600_000;
const MAX_COUNT = 1_000_000;

function checkCount(count: unknown): number {
  if (typeof count !== "number" || !Number.isInteger(count) || count < 0 || count > MAX_COUNT)
    throw new Error(`count must be an integer from 0 to ${MAX_COUNT}`);
  return count;
}

/** The i-th of `count` times spread evenly from `from` to `to` (inclusive). */
function spread(i: number, count: number, from: number, to: number): number {
  return count <= 1 ? from : Math.round(from + ((to - from) * i) / (count - 1));
}

const every = (n: number | undefined, index1: number): boolean =>
  n !== undefined && n > 0 && index1 % Math.floor(n) === 0;

export function generateOffers(
  options: GenerateOffersOptions,
  now: number,
  amountIncludesVat: boolean,
  blank: (input: NewOffer) => StoredOffer,
): StoredOffer[] {
  const count = checkCount(options.count);
  const from = options.createdFrom ?? now;
  const to = options.createdTo ?? from;
  if (to < from) throw new Error("createdTo must not be before createdFrom");
  const prefix = options.numberPrefix ?? "GEN-";
  const ids =
    options.customerIds !== undefined && options.customerIds.length > 0 ? options.customerIds : null;
  const lines: OfferLine[] = options.lines ?? [
    { description: "Generated", amountExclVat: "100.00", vatRate: 21 },
  ];
  const amount = offerAmount(lines, amountIncludesVat);
  const out: StoredOffer[] = [];
  for (let i = 0; i < count; i += 1) {
    const created = spread(i, count, from, to);
    const issuedAt = toAtom(created).slice(0, 10);
    const offer = blank({
      customerId: ids === null ? (options.customerId ?? "cst_demo0001") : (ids[i % ids.length] as string),
      offerNumber: `${prefix}${String(i + 1).padStart(5, "0")}`,
      issuedAt,
      expiresAt: addDays(issuedAt, 30),
      lines,
      sendNotification: null,
      createdAt: created,
      source: "seed",
    });
    offer.amount = amount;
    if (every(options.acceptedEvery, i + 1)) offer.acceptedAt = toAtom(created + HOUR_MS);
    else if (every(options.rejectedEvery, i + 1)) offer.rejectedAt = toAtom(created + HOUR_MS);
    out.push(offer);
  }
  return out;
}

export function generateCustomers(options: GenerateCustomersOptions, now: number): Customer[] {
  const count = checkCount(options.count);
  const idPrefix = options.idPrefix ?? "gen";
  if (!/^[A-Za-z0-9]*$/.test(idPrefix)) throw new Error("idPrefix must be alphanumeric");
  const from = options.createdFrom ?? now;
  const to = options.createdTo ?? from;
  const company = options.companyPrefix ?? "Generated customer";
  const domain = options.emailDomain ?? "generated.example.nl";
  const out: Customer[] = [];
  for (let i = 0; i < count; i += 1) {
    const n = i + 1;
    out.push(
      makeCustomer(
        {
          id: `cst_${idPrefix}${String(n).padStart(6, "0")}`,
          companyName: `${company} ${n}`,
          primaryEmail: `klant${n}@${domain}`,
        },
        toAtom(spread(i, count, from, to)),
      ),
    );
  }
  return out;
}
