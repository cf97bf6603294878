/** The search as the URL holds it, so that a search can be shared, bookmarked and navigated back to. */
export const filterNames = ["type", "year", "tag"] as const;
export type FilterName = (typeof filterNames)[number];

export interface SearchState {
  query: string;
  page: number;
  filters: Record<FilterName, string[]>;
}

export const resultsPerPage = 10;

export function parseSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  const filters = Object.fromEntries(
    filterNames.map((name) => [name, [...new Set(params.getAll(name).filter(Boolean))]]),
  ) as Record<FilterName, string[]>;
  return { query: (params.get("q") ?? "").trim(), page: Number.isFinite(page) && page > 0 ? page : 1, filters };
}

export function searchStateToUrl(state: SearchState, pathname = "/recherche/"): string {
  const params = new URLSearchParams();
  if (state.query) params.set("q", state.query);
  for (const name of filterNames) for (const value of state.filters[name]) params.append(name, value);
  if (state.page > 1) params.set("page", String(state.page));
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}

/** Pagefind filter query: any of the chosen values within a filter, all filters together. */
export function pagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  return Object.fromEntries(
    filterNames.filter((name) => state.filters[name].length).map((name) => [name, { any: state.filters[name] }]),
  );
}

export function pageCount(resultCount: number): number {
  return Math.max(1, Math.ceil(resultCount / resultsPerPage));
}
