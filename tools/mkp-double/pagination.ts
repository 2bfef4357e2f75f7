// Laravel simple-paginator envelope of the MKP double's list endpoints (mkp-api.md §2), over a list view
// (so a page of 10,000 offers copies one page, not the list), and the per_page modes.

import type { DoubleConfig } from "./types";

export interface SimplePage<T> {
  current_page: number;
  data: T[];
  first_page_url: string;
  from: number | null;
  next_page_url: string | null;
  path: string;
  per_page: number;
  prev_page_url: string | null;
  to: number | null;
}

/** A list read by index range: `slice(start, end)` like Array.prototype.slice. */
export interface ListView<T> {
  readonly length: number;
  slice(start: number, end: number): T[];
}

/** A view of `items` in their order or reversed, without copying. */
export function viewOf<T>(items: readonly T[], order: "asc" | "desc"): ListView<T> {
  if (order === "asc") return { length: items.length, slice: (a, b) => items.slice(a, b) };
  const n = items.length;
  return {
    length: n,
    slice: (a, b) => items.slice(Math.max(0, n - b), Math.max(0, n - a)).reverse(),
  };
}

/** The page a list request asks for (Laravel: a positive integer, anything else is page 1). */
export function pageOf(query: URLSearchParams): number {
  return positiveInt(query.get("page")) ?? 1;
}

/** The Laravel validation failure of perPageMode "refuse", or null when the request may be answered. */
export function perPageRefusal(
  query: URLSearchParams,
  config: DoubleConfig,
): { message: string; errors: { per_page: string[] } } | null {
  if (config.perPageMode !== "refuse" || !query.has("per_page")) return null;
  const message = "The per page field is prohibited.";
  return { message, errors: { per_page: [message] } };
}

/** Laravel's page resolution: a positive integer, anything else is page 1. */
function positiveInt(text: string | null): number | null {
  if (text === null || !/^\s*\+?\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= 1 ? n : null;
}

/** One page of `items`; `path` is the absolute list URL without query. */
export function paginate<T>(
  items: ListView<T>,
  query: URLSearchParams,
  path: string,
  config: DoubleConfig,
): SimplePage<T> {
  const page = pageOf(query);
  let perPage = config.perPage;
  if (config.perPageMode === "honour") {
    const asked = positiveInt(query.get("per_page"));
    if (asked !== null) perPage = Math.min(asked, config.maxPerPage);
  }
  const start = (page - 1) * perPage;
  const data = items.slice(start, start + perPage);
  const url = (n: number): string => `${path}?page=${n}`;
  return {
    current_page: page,
    data,
    first_page_url: url(1),
    from: data.length > 0 ? start + 1 : null,
    next_page_url:
      items.length > start + perPage ||
      (config.nextOnFullLastPage && data.length === perPage && data.length > 0)
        ? url(page + 1)
        : null,
    path,
    per_page: perPage,
    prev_page_url: page > 1 ? url(page - 1) : null,
    to: data.length > 0 ? start + data.length : null,
  };
}
