// Finding a customer by what a sales person types: a `cst_…` ID, a company name or an e-mail address.
// Names are compared without case, accents, spaces, punctuation and a legal-form suffix (`B.V.`, `BV`,
// `V.O.F.` …); a name or e-mail must match exactly one customer, otherwise up to three candidates.

import { CUSTOMER_ID } from "./customer-id";

export { CUSTOMER_ID };

/** Legal forms written after a Dutch, Belgian, German or English company name (dots removed). */
const LEGAL_FORMS = new Set([
  "bv",
  "nv",
  "vof",
  "cv",
  "bvba",
  "bvio",
  "sprl",
  "cvba",
  "vzw",
  "gmbh",
  "ag",
  "ltd",
  "limited",
  "inc",
  "llc",
  "plc",
  "sa",
  "sarl",
  "srl",
  "eenmanszaak",
  // Not "holding": `De Vries Holding B.V.` is another company than `De Vries B.V.` (CONTRACT §4a
  // strips a legal form only), and an offer must never reach the wrong one.
]);

/** `Bakkerij de Vries B.V.`, `bakkerij  DEVRIES bv` and `Bakkerij de Vries B. V.` become `bakkerijdevries`. */
export function nameKey(name: string): string {
  // Letters of every script count (`Ромашка`, `Ωmega`): dropping them would make two names one.
  const tokens = name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\./g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== "");
  while (tokens.length > 1) {
    const n = legalFormAtEnd(tokens);
    if (n === 0) break;
    tokens.splice(tokens.length - n, n);
  }
  return tokens.join("");
}

/** How many tokens at the end spell a legal form: `bv` (1), or `b v` typed as `B. V.` (2). */
function legalFormAtEnd(tokens: readonly string[]): number {
  if (LEGAL_FORMS.has(tokens[tokens.length - 1] ?? "")) return 1;
  for (let n = 2; n <= Math.min(4, tokens.length - 1); n++) {
    const tail = tokens.slice(-n);
    if (tail.every((t) => t.length === 1) && LEGAL_FORMS.has(tail.join(""))) return n;
  }
  return 0;
}

export const emailKey = (email: string): string => email.trim().toLowerCase();

export const looksLikeEmail = (text: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text.trim());

export interface KnownCustomer {
  readonly id: string;
  readonly companyName: string;
  readonly email: string;
}

export type Match =
  | { readonly kind: "id"; readonly id: string }
  | { readonly kind: "one"; readonly customer: KnownCustomer }
  | { readonly kind: "several"; readonly candidates: readonly KnownCustomer[] }
  | { readonly kind: "none"; readonly suggestions: readonly KnownCustomer[] };

export interface CustomerIndex {
  readonly byName: ReadonlyMap<string, readonly KnownCustomer[]>;
  readonly byEmail: ReadonlyMap<string, readonly KnownCustomer[]>;
  readonly all: readonly KnownCustomer[];
}

export function indexCustomers(customers: readonly KnownCustomer[]): CustomerIndex {
  const byName = new Map<string, KnownCustomer[]>();
  const byEmail = new Map<string, KnownCustomer[]>();
  const seen = new Set<string>();
  const all: KnownCustomer[] = [];
  const add = (map: Map<string, KnownCustomer[]>, key: string, c: KnownCustomer) => {
    if (key === "") return;
    const list = map.get(key) ?? [];
    // The same customer listed twice (Customers and New customers) is still one customer.
    if (!list.some((x) => x.id === c.id)) list.push(c);
    map.set(key, list);
  };
  for (const c of customers) {
    if (c.id === "" || seen.has(c.id)) continue;
    seen.add(c.id);
    all.push(c);
    add(byName, nameKey(c.companyName), c);
    add(byEmail, emailKey(c.email), c);
  }
  return { byName, byEmail, all };
}

/** Levenshtein distance, stopping early beyond `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
}

/** Up to `limit` customers whose name (or e-mail) is close to `text`, closest first. */
export function suggestions(index: CustomerIndex, text: string, limit = 3): KnownCustomer[] {
  const email = looksLikeEmail(text);
  const key = email ? emailKey(text) : nameKey(text);
  if (key === "") return [];
  const max = Math.max(2, Math.floor(key.length / 3));
  const scored: { c: KnownCustomer; score: number }[] = [];
  for (const c of index.all) {
    const other = email ? emailKey(c.email) : nameKey(c.companyName);
    if (other === "") continue;
    // A name that contains the other (a part of it was typed) is close too.
    const contains = key.length >= 3 && (other.includes(key) || key.includes(other));
    const d = contains ? 1 : distance(key, other, max);
    if (d <= max) scored.push({ c, score: d });
  }
  scored.sort((a, b) => a.score - b.score || a.c.companyName.localeCompare(b.c.companyName));
  return scored.slice(0, limit).map((s) => s.c);
}

/** What `text` (the Offers customer cell) names. */
export function matchCustomer(index: CustomerIndex, text: string): Match {
  const t = text.trim();
  if (CUSTOMER_ID.test(t)) return { kind: "id", id: t };
  const hits = looksLikeEmail(t) ? index.byEmail.get(emailKey(t)) : index.byName.get(nameKey(t));
  if (hits && hits.length === 1 && hits[0]) return { kind: "one", customer: hits[0] };
  if (hits && hits.length > 1) return { kind: "several", candidates: hits.slice(0, 3) };
  return { kind: "none", suggestions: suggestions(index, t) };
}
