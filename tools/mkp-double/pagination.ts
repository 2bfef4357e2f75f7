// Laravel simple-paginator envelope of the MKP double's list endpoints (mkp-api.md §2).

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

/** Laravel's page resolution: a positive integer, anything else is page 1. */
function positiveInt(text: string | null): number | null {
  if (text === null || !/^\s*\+?\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= 1 ? n : null;
}

/** One page of `items`; `path` is the absolute list URL without query. */
export function paginate<T>(
  items: readonly T[],
  query: URLSearchParams,
  path: string,
  config: DoubleConfig,
): SimplePage<T> {
  const page = positiveInt(query.get("page")) ?? 1;
  let perPage = config.perPage;
  if (config.honourPerPage) {
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
    next_page_url: items.length > start + perPage ? url(page + 1) : null,
    path,
    per_page: perPage,
    prev_page_url: page > 1 ? url(page - 1) : null,
    to: data.length > 0 ? start + data.length : null,
  };
}
