// API variants of the MKP double that the docs leave open: list envelopes other than the documented
// simple paginator (Laravel paginate, API resource collections) and timestamps in other forms.

import type { SimplePage } from "./pagination";
import type { CustomerOffer, DoubleConfig } from "./types";

/** The list body in the configured envelope; `total` is the length of the whole list. */
export function shapeEnvelope<T>(page: SimplePage<T>, total: number, config: DoubleConfig): unknown {
  if (config.listEnvelope === "simple") return page;
  const lastPage = Math.max(1, Math.ceil(total / page.per_page));
  const lastUrl = `${page.path}?page=${lastPage}`;
  if (config.listEnvelope === "length-aware") {
    const { data, ...rest } = page;
    return {
      ...rest,
      data,
      last_page: lastPage,
      last_page_url: lastUrl,
      total,
      links: [
        { url: page.prev_page_url, label: "&laquo; Previous", active: false },
        { url: page.next_page_url, label: "Next &raquo;", active: false },
      ],
    };
  }
  return {
    data: page.data,
    links: { first: page.first_page_url, last: lastUrl, prev: page.prev_page_url, next: page.next_page_url },
    meta: {
      current_page: page.current_page,
      from: page.from,
      last_page: lastPage,
      path: page.path,
      per_page: page.per_page,
      to: page.to,
      total,
    },
  };
}

/** An ATOM timestamp (`2024-04-29T21:00:00+02:00`) in the configured form. */
export function formatStamp(atom: string, format: DoubleConfig["timestampFormat"]): string | number {
  if (format === "atom") return atom;
  const ms = Date.parse(atom);
  if (Number.isNaN(ms)) return atom;
  if (format === "epoch") return Math.floor(ms / 1000);
  if (format === "utc-micro") return `${new Date(ms).toISOString().slice(0, 19)}.000000Z`;
  return atom.slice(0, 19).replace("T", " ");
}

/** The API view of an offer with its timestamps in the configured form. */
export function offerStamps(offer: CustomerOffer, format: DoubleConfig["timestampFormat"]): unknown {
  if (format === "atom") return offer;
  const stamp = (v: string | null) => (v === null ? null : formatStamp(v, format));
  return {
    ...offer,
    acceptedAt: stamp(offer.acceptedAt),
    rejectedAt: stamp(offer.rejectedAt),
    createdAt: stamp(offer.createdAt),
  };
}

/** `amount` ("121.00") in the configured form: "121,00", 12100 (cents) or 121 (a JSON number). */
export function formatAmount(amount: string, format: DoubleConfig["amountFormat"]): string | number {
  if (format === "dot" || !/^-?\d+\.\d{2}$/.test(amount)) return amount;
  if (format === "comma") return amount.replace(".", ",");
  if (format === "cents") return Math.round(Number(amount) * 100);
  return Number(amount);
}

/** The API view with its amount and id in the configured forms; `numberOf` gives an offer's integer id. */
export function offerForms(
  served: unknown,
  cfg: Pick<DoubleConfig, "amountFormat" | "offerIdFormat">,
  numberOf: (id: string) => number,
): unknown {
  if (cfg.amountFormat === "dot" && cfg.offerIdFormat === "off") return served;
  const offer = served as Record<string, unknown> & { id: string; amount: string };
  const id =
    cfg.offerIdFormat === "plain"
      ? offer.id.replace(/^off_/, "")
      : cfg.offerIdFormat === "number"
        ? numberOf(offer.id)
        : offer.id;
  return { ...offer, id, amount: formatAmount(offer.amount, cfg.amountFormat) };
}

/** `offerNumber` → `offer_number`. */
const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** PHP's is_numeric (leading white space allowed): the strings JSON_NUMERIC_CHECK turns into numbers. */
const PHP_NUMERIC = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The served offer with the documented fields in `omit` left out, its field names in the configured case
 * (the nested `links` keep theirs) and, under jsonNumericCheck, its numeric strings as numbers.
 */
export function offerFields(
  served: unknown,
  cfg: Pick<DoubleConfig, "offerFieldCase" | "jsonNumericCheck">,
  omit: string[],
): unknown {
  if (cfg.offerFieldCase === "camel" && !cfg.jsonNumericCheck && omit.length === 0) return served;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(served as Record<string, unknown>)) {
    if (omit.includes(name)) continue;
    const numeric = cfg.jsonNumericCheck && typeof value === "string" && PHP_NUMERIC.test(value);
    out[cfg.offerFieldCase === "snake" ? snake(name) : name] = numeric ? Number(value) : value;
  }
  return out;
}

/** A served customer with its field names in the configured case. */
export function customerFields(customer: unknown, fieldCase: DoubleConfig["customerFieldCase"]): unknown {
  if (fieldCase === "camel") return customer;
  return Object.fromEntries(
    Object.entries(customer as Record<string, unknown>).map(([name, value]) => [snake(name), value]),
  );
}

/** One offer's answer (create, GET, PATCH) in the configured envelope. */
export function offerEnvelope(body: unknown, envelope: DoubleConfig["offerEnvelope"]): unknown {
  return envelope === "data" ? { data: body } : body;
}
