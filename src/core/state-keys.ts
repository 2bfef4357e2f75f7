// Every value the product keeps between executions: its name, the store it lives in, and the parser
// that turns what is stored (or nothing, or garbage) into a value of its shape. One list, so that
// nothing is read with a cast and nothing is kept where it does not belong.

import type { ContinuationKind, ExpiringStore, KeyValueStore, Stores } from "./ports";
import { parseJson } from "./responses";

export type StoreName = "document" | "user" | "script" | "userCache" | "documentCache";

export interface StateKey<T> {
  readonly name: string;
  readonly store: StoreName;
  /** Tolerant: a missing or unreadable value gives the fallback. */
  parse(text: string | null): T;
  serialize(value: T): string;
}

const text = (name: string, store: StoreName): StateKey<string | null> => ({
  name,
  store,
  parse: (t) => (t === null || t.trim() === "" ? null : t),
  serialize: (v) => v ?? "",
});

function json<T>(
  name: string,
  store: StoreName,
  read: (o: Record<string, unknown>) => T | null,
): StateKey<T | null> {
  return {
    name,
    store,
    parse: (t) => {
      const o = t ? parseJson(t) : null;
      return o !== null && typeof o === "object" && !Array.isArray(o)
        ? read(o as Record<string, unknown>)
        : null;
    },
    serialize: (v) => JSON.stringify(v),
  };
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** The user's API key (user properties: private to each user; a trigger uses its owner's). */
export const API_KEY = text("MKP_API_KEY", "user");
/** Optional API base (script property, set by any editor: checked strictly before use). */
export const BASE_URL = text("MKP_BASE_URL", "script");
/** The language this user chose in the sidebar ("nl" or "en"; none: the spreadsheet's locale decides). */
export const LANGUAGE = text("MKP_LANGUAGE", "user");
/** The pacing state of this user's key (user cache; losing it only costs a cautious start). */
export const PACING = text("MKP_PACING", "userCache");

/** What is known about the offer list of this account: order, page size, length. */
export interface ListShape {
  readonly order: "asc" | "desc" | "unknown";
  /** Items per page the server used. */
  readonly perPage: number;
  /** Pages the list had when last measured, and when. */
  readonly pages: number | null;
  readonly at: number;
}

export const LIST_SHAPE = json<ListShape>("MKP_LIST_SHAPE", "document", (o) => {
  const perPage = num(o.perPage);
  const at = num(o.at);
  if (perPage === null || perPage < 1 || at === null) return null;
  const order = o.order === "asc" || o.order === "desc" ? o.order : "unknown";
  const pages = num(o.pages);
  return { order, perPage, pages: pages !== null && pages >= 1 ? Math.floor(pages) : null, at };
});

/** Set when the API refused `per_page` for this user's key (kept with the key's last characters). */
export const PER_PAGE_REFUSED = json<{ keyTail: string }>("MKP_PER_PAGE_REFUSED", "user", (o) =>
  typeof o.keyTail === "string" ? { keyTail: o.keyTail } : null,
);

/** Likewise for the customer list (its own endpoint may answer differently). */
export const CUSTOMERS_PER_PAGE_REFUSED = json<{ keyTail: string }>(
  "MKP_CUSTOMERS_PER_PAGE_REFUSED",
  "user",
  (o) => (typeof o.keyTail === "string" ? { keyTail: o.keyTail } : null),
);

/** The customer sync: the pass under way (resumed by the next execution) and the last complete one. */
export interface CustomerSyncState {
  /** The pass under way: next page to read, the page size its pages had, when it started. */
  readonly pass: { readonly nextPage: number; readonly perPage: number; readonly startedAt: number } | null;
  /** When the last complete pass started (its data is at least this fresh), and its page count. */
  readonly completedAt: number | null;
  readonly pages: number | null;
  /**
   * When the newest pass proven complete started: a later complete pass saw every customer it saw (none
   * deleted meanwhile, which could have moved one past the reader). A "not found" counts only then.
   */
  readonly provenAt?: number | null;
}

export const CUSTOMER_SYNC = json<CustomerSyncState>("MKP_CUSTOMER_SYNC", "document", (o) => {
  const p = o.pass as Record<string, unknown> | null | undefined;
  const nextPage = num(p?.nextPage);
  const perPage = num(p?.perPage);
  const startedAt = num(p?.startedAt);
  const pass =
    nextPage !== null && nextPage >= 1 && perPage !== null && startedAt !== null
      ? { nextPage: Math.floor(nextPage), perPage, startedAt }
      : null;
  return { pass, completedAt: num(o.completedAt), pages: num(o.pages), provenAt: num(o.provenAt) };
});

/**
 * A status refresh pass that did not fit in one execution: where its walk through the list goes on
 * (page numbers of that order and page size), and which rows it has left: those whose place — the
 * Created at stamp (as the product writes it, which sorts as time does), then the offer ID — is no
 * later than `doneAfter`, and those whose offers the walk went past without seeing them (`recheck`,
 * offer IDs: looked up by ID).
 */
export interface ListCursor {
  readonly purpose: "refresh";
  /** unknown: a full pass from page 1 (the order could not be told). */
  readonly order: "asc" | "desc" | "unknown";
  readonly perPage: number;
  /** The next page to read; null when the walk is over and only lookups by ID are left. */
  readonly nextPage: number | null;
  /** null: no row is left by its place. */
  readonly doneAfter: string | null;
  readonly recheck: readonly string[];
  /** Pages the pass may still read (never more pages than rows: a lookup each is the bound). */
  readonly pagesLeft: number;
  /** When it was saved: a pass not resumed soon starts over rather than skip rows changed since. */
  readonly at: number;
}

export const LIST_CURSOR = json<ListCursor>("MKP_LIST_CURSOR", "document", (o) => {
  const nextPage = num(o.nextPage);
  const perPage = num(o.perPage);
  const pagesLeft = num(o.pagesLeft);
  const at = num(o.at);
  if (o.purpose !== "refresh" || (o.order !== "asc" && o.order !== "desc" && o.order !== "unknown"))
    return null;
  if (perPage === null || pagesLeft === null || at === null) return null;
  if (typeof o.doneAfter !== "string" && o.doneAfter !== null) return null;
  if (nextPage !== null && nextPage < 1) return null;
  const recheck = Array.isArray(o.recheck) ? o.recheck.filter((r): r is string => typeof r === "string") : [];
  return {
    purpose: o.purpose,
    order: o.order,
    perPage,
    nextPage: nextPage === null ? null : Math.floor(nextPage),
    doneAfter: o.doneAfter,
    recheck,
    pagesLeft: Math.max(0, Math.floor(pagesLeft)),
    at,
  };
});

/** Who turned scheduled runs on in this spreadsheet (their key is used). */
export const SCHEDULE_OWNER = text("MKP_SCHEDULE_OWNER", "document");
/**
 * When the schedule owner's last hourly run that could use their key ended (or scheduled runs were
 * turned on). Hours old, the owner's trigger is gone (deleted in the editor, their account removed)
 * or their key is missing or refused: another user may then turn hourly runs on, or off, in their place.
 */
/** Hourly runs start every hour (give or take a quarter): three hours without one, they stopped. */
export const SCHEDULE_STALE_HOURS = 3;
export const SCHEDULE_STALE_MS = SCHEDULE_STALE_HOURS * 3_600_000;
export const SCHEDULE_HEARTBEAT = json<{ at: number }>("MKP_SCHEDULE_HEARTBEAT", "document", (o) => {
  const at = num(o.at);
  return at === null ? null : { at };
});
/** The unique ID of this user's hourly trigger. */
export const HOURLY_TRIGGER_ID = text("MKP_HOURLY_TRIGGER_ID", "user");

export interface ContinuationState {
  readonly kind: ContinuationKind;
  /** Continuations in a row that got no answer from the API (it is down): they back off. */
  readonly idle: number;
}

export const CONTINUATION = json<ContinuationState>("MKP_CONTINUATION", "user", (o) =>
  o.kind === "create" || o.kind === "refresh" ? { kind: o.kind, idle: Math.max(0, num(o.idle) ?? 0) } : null,
);

/** When this user last turned scheduled runs off: a run busy then schedules no continuation. */
export const RUNS_STOPPED_AT = json<{ at: number }>("MKP_RUNS_STOPPED_AT", "user", (o) => {
  const at = num(o.at);
  return at === null ? null : { at };
});

/** The day (YYYY-MM-DD) a summary mail of this kind was last sent to the user. */
export const mailedOn = (kind: "stopped" | "failed"): StateKey<string | null> =>
  text(`MKP_MAILED_${kind}`, "user");

/** The running batch's progress, for the sidebar (document cache). */
export interface Progress {
  readonly action: string;
  readonly done: number;
  readonly toGo: number;
  readonly startedAt: number;
  readonly updatedAt: number;
}

export const PROGRESS = json<Progress>("MKP_PROGRESS", "documentCache", (o) => {
  const done = num(o.done);
  const toGo = num(o.toGo);
  const startedAt = num(o.startedAt);
  const updatedAt = num(o.updatedAt);
  if (done === null || toGo === null || startedAt === null || updatedAt === null) return null;
  return { action: typeof o.action === "string" ? o.action : "", done, toGo, startedAt, updatedAt };
});

/** Every key, for the architecture page and for a test that nothing else is stored. */
export const ALL_KEYS: readonly StateKey<unknown>[] = [
  API_KEY,
  BASE_URL,
  LANGUAGE,
  PACING,
  LIST_SHAPE,
  PER_PAGE_REFUSED,
  CUSTOMERS_PER_PAGE_REFUSED,
  CUSTOMER_SYNC,
  LIST_CURSOR,
  SCHEDULE_OWNER,
  SCHEDULE_HEARTBEAT,
  HOURLY_TRIGGER_ID,
  CONTINUATION,
  RUNS_STOPPED_AT,
  mailedOn("stopped"),
  mailedOn("failed"),
  PROGRESS,
] as StateKey<unknown>[];

// Reading and writing them, each in its own store (the stores come in: see ports.ts).

/** Six hours: the longest a cache entry may live. */
const CACHE_SECONDS = 21_600;

function storeOf(stores: Stores, key: StateKey<unknown>): KeyValueStore | ExpiringStore | null {
  switch (key.store) {
    case "document":
      return stores.document;
    case "user":
      return stores.user;
    case "script":
      return { get: (k: string) => stores.script.get(k), put: () => undefined };
    case "userCache":
      return stores.userCache;
    case "documentCache":
      return stores.documentCache;
  }
}

export function loadState<T>(stores: Stores, key: StateKey<T>): T {
  let text: string | null = null;
  try {
    text = storeOf(stores, key)?.get(key.name) ?? null;
  } catch {
    // A store that cannot be read counts as empty: every key has a safe fallback.
  }
  return key.parse(text);
}

export function saveState<T>(stores: Stores, key: StateKey<T>, value: T, seconds = CACHE_SECONDS): void {
  const store = storeOf(stores, key);
  if (!store) return;
  const text = key.serialize(value);
  if ("set" in store) store.set(key.name, text);
  else store.put(key.name, text, seconds);
}

export function clearState(stores: Stores, key: StateKey<unknown>): void {
  const store = storeOf(stores, key);
  if (store && "remove" in store) store.remove(key.name);
  else store?.put(key.name, "", 1);
}
