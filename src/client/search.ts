// Results page: reads the search from the URL, asks Pagefind, renders DSFR cards, filters and pagination.
import {
  filterNames,
  pageCount,
  pagefindFilters,
  parseSearchState,
  resultsPerPage,
  searchStateToUrl,
  type FilterName,
  type SearchState,
} from "./search/state.ts";
import { lighterImageFormats } from "../content/imageFormats.ts";
import { siteAddress, siteRoot } from "./siteAddress.ts";
import { filterFieldset, filtersDisclosure, paginationNav, resultCard, statusMessage, type FilterOption } from "./search/render.ts";

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindSearch {
  results: { data(): Promise<PagefindResultData> }[];
  totalFilters?: Record<string, Record<string, number>>;
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(options: object): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string, options?: object): Promise<PagefindSearch | null>;
}

const filterLegends: Record<FilterName, string> = { type: "Type de contenu", year: "Année", tag: "Étiquette" };

const root = document.querySelector<HTMLElement>("[data-search-app]");
const input = document.querySelector<HTMLInputElement>("#champ-recherche-page");
let pagefindModule: Promise<Pagefind> | undefined;

/** Loaded only once there is something to search: a page without a query costs no index download. */
function loadPagefind(): Promise<Pagefind> {
  const url = siteAddress("/pagefind/pagefind.js");
  pagefindModule ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (pagefind) => {
    // noWorker: Pagefind 1.5 would otherwise fetch a second copy of its engine (~12 KB) to run in a worker;
    // this index is small enough to search on the page itself.
    // baseUrl: result addresses under the site's own, which is a sub-folder in a preview.
    await pagefind.options({ excerptLength: 24, noWorker: true, baseUrl: siteRoot });
    // Loading the filter index first is what makes each search report its filter counts.
    await pagefind.filters();
    return pagefind;
  });
  return pagefindModule;
}

/** The lighter formats the build gave Pagefind for a thumbnail (see searchImageMeta), best first. */
function imageSources(meta: PagefindResultData["meta"]): { type: string; url: string }[] {
  return lighterImageFormats.flatMap((format) => {
    const url = meta[`image_${format}`];
    return url ? [{ type: `image/${format}`, url }] : [];
  });
}

function options(counts: Record<string, number> | undefined, selected: string[]): FilterOption[] {
  const values = new Set([...Object.keys(counts ?? {}), ...selected]);
  return [...values]
    .map((value) => ({ value, count: counts?.[value] ?? 0 }))
    .filter((option) => option.count > 0 || selected.includes(option.value))
    // Years newest first, words in French alphabetical order.
    .sort((a, b) => (/^\d{4}$/.test(a.value) ? b.value.localeCompare(a.value) : a.value.localeCompare(b.value, "fr")));
}

function navigate(state: SearchState, focusResults: boolean): void {
  history.pushState(null, "", searchStateToUrl(state, location.pathname));
  void render(parseSearchState(location.search), focusResults);
}

/**
 * Says each search's outcome to screen readers. The heading that shows it is rebuilt with the results, and a live
 * region that arrives with its text is often not read out: this one is on the page before the first search and only
 * its text changes.
 */
const announcer = Object.assign(document.createElement("p"), { className: "fr-sr-only" });
announcer.setAttribute("role", "status");
announcer.setAttribute("aria-atomic", "true");
root?.before(announcer);

/** Whether the visitor opened the filters on a small screen: each render rebuilds them, open or not as they left them. */
let filtersOpen = false;

async function render(state: SearchState, focusResults = false): Promise<void> {
  if (!root) return;
  // The checkbox just ticked is rebuilt with the rest: focus goes back to its new copy, not to the top of the page.
  const active = document.activeElement;
  const focusedFilter = active instanceof HTMLInputElement && active.form?.classList.contains("search-filters") ? { name: active.name, value: active.value } : undefined;
  if (input) input.value = state.query;
  const status = Object.assign(document.createElement("h2"), { className: "fr-h4", id: "resultats-statut", tabIndex: -1 });

  if (!state.query) {
    status.textContent = statusMessage(0, "");
    root.replaceChildren(status);
    return;
  }
  status.textContent = "Recherche en cours…";
  root.replaceChildren(status);

  const pagefind = await loadPagefind();
  const search = await pagefind.search(state.query, { filters: pagefindFilters(state) });
  if (!search) return; // a newer search replaced this one

  const total = search.results.length;
  const pages = pageCount(total);
  const current = Math.min(state.page, pages);
  const shown = await Promise.all(
    search.results.slice((current - 1) * resultsPerPage, current * resultsPerPage).map((result) => result.data()),
  );

  const filtersForm = document.createElement("form");
  filtersForm.className = "search-filters";
  filtersForm.setAttribute("aria-label", "Filtrer les résultats");
  const counts = search.totalFilters ?? search.filters;
  for (const name of filterNames) {
    const choices = options(counts[name], state.filters[name]);
    if (choices.length) filtersForm.append(filterFieldset(document, name, filterLegends[name], choices, state.filters[name]));
  }
  filtersForm.addEventListener("change", () => {
    const data = new FormData(filtersForm);
    const filters = Object.fromEntries(filterNames.map((name) => [name, data.getAll(name).map(String)])) as SearchState["filters"];
    navigate({ ...state, page: 1, filters }, false);
  });

  status.textContent = statusMessage(total, state.query);
  announcer.textContent = status.textContent;
  const list = document.createElement("ul");
  list.className = "search-results";
  for (const data of shown) {
    const item = document.createElement("li");
    item.append(
      resultCard(document, {
        url: data.url,
        title: data.meta.title ?? data.url,
        type: data.meta.type,
        date: data.meta.date,
        excerpt: data.excerpt,
        image: data.meta.image,
        imageSources: imageSources(data.meta),
        imageAlt: data.meta.image_alt,
      }),
    );
    list.append(item);
  }

  const resultsColumn = document.createElement("div");
  resultsColumn.className = "fr-col-12 fr-col-md-8";
  resultsColumn.append(status);
  if (total === 0) {
    resultsColumn.append(emptyState(state));
  } else {
    resultsColumn.append(list);
    const nav = paginationNav(document, pages, current, (page) => searchStateToUrl({ ...state, page }, location.pathname));
    if (nav) {
      nav.addEventListener("click", (event) => {
        const link = (event.target as Element).closest<HTMLAnchorElement>("a[href]");
        if (!link) return;
        event.preventDefault();
        navigate(parseSearchState(new URL(link.href).search), true);
      });
      resultsColumn.append(nav);
    }
  }
  const filtersColumn = document.createElement("div");
  filtersColumn.className = "fr-col-12 fr-col-md-4";
  const activeFilters = filterNames.reduce((sum, name) => sum + state.filters[name].length, 0);
  const disclosure = filtersDisclosure(document, filtersForm, filtersOpen, activeFilters);
  disclosure.addEventListener("dsfr.disclose", () => (filtersOpen = true));
  disclosure.addEventListener("dsfr.conceal", () => (filtersOpen = false));
  filtersColumn.append(disclosure);
  const grid = document.createElement("div");
  grid.className = "fr-grid-row fr-grid-row--gutters";
  grid.append(filtersColumn, resultsColumn);
  root.replaceChildren(grid);
  if (focusResults) status.focus();
  else if (focusedFilter) filtersForm.querySelector<HTMLInputElement>(`input[name="${CSS.escape(focusedFilter.name)}"][value="${CSS.escape(focusedFilter.value)}"]`)?.focus();
}

function emptyState(state: SearchState): HTMLElement {
  const box = document.createElement("div");
  box.className = "fr-callout";
  const intro = document.createElement("p");
  intro.className = "fr-callout__text";
  intro.textContent = "Quelques pistes : vérifiez l'orthographe, essayez un mot plus général ou un synonyme";
  const hasFilters = filterNames.some((name) => state.filters[name].length);
  intro.textContent += hasFilters ? ", ou retirez des filtres." : ".";
  const siteMap = document.createElement("p");
  const link = (href: string, textContent: string) => Object.assign(document.createElement("a"), { href, textContent });
  siteMap.append("Le ", link(siteAddress("/plan-du-site/"), "plan du site"), " mène à toutes les rubriques, et la ", link(siteAddress("/actualites/"), "liste des actualités"), " à chaque actualité.");
  box.append(intro, siteMap);
  return box;
}

window.addEventListener("popstate", () => void render(parseSearchState(location.search), true));
void render(parseSearchState(location.search));
