// Results page: reads the search from the URL, asks Pagefind, renders DSFR cards, filters and pagination.
// A first view downloads the index and the first results' text only: the next results of the page as the reader
// reaches them, the filters' counts when the filters are opened.
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
import { siteAddress, siteRoot } from "./siteAddress.ts";
import { filterFieldset, filtersDisclosure, paginationNav, resultCard, statusMessage, type FilterOption } from "./search/render.ts";

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
type PagefindResult = { data(): Promise<PagefindResultData> };
interface PagefindSearch {
  results: PagefindResult[];
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
    return pagefind;
  });
  return pagefindModule;
}

let filterIndex: Promise<unknown> | undefined;
/** The filter index, which makes each search report its counts: loaded once the filters are opened or used. */
function loadFilterIndex(pagefind: Pagefind): Promise<unknown> {
  filterIndex ??= pagefind.filters();
  return filterIndex;
}

/** Results shown at once; the rest of the page's come when the reader nears the end of the list. */
const firstResults = 3;

/**
 * Each filter's counts as a faceted search gives them: a filter's own choices counted with the other filters only
 * (ticking "Vidéo" must not make "Podcast" read 0, since either may be chosen), the others with every filter.
 * Pagefind only reports counts with all filters applied: one more search per filter in use, on the index already here.
 */
async function facetCounts(pagefind: Pagefind, state: SearchState, search: PagefindSearch): Promise<Record<string, Record<string, number>>> {
  const counts: Record<string, Record<string, number>> = { ...search.filters };
  for (const name of filterNames) {
    if (!state.filters[name].length) continue;
    const others = await pagefind.search(state.query, { filters: pagefindFilters({ ...state, filters: { ...state.filters, [name]: [] } }) });
    if (others) counts[name] = others.filters[name] ?? {};
  }
  return counts;
}

function resultItem(data: PagefindResultData): HTMLLIElement {
  const item = document.createElement("li");
  item.append(resultCard(document, { url: data.url, title: data.meta.title ?? data.url, type: data.meta.type, date: data.meta.date, excerpt: data.excerpt }));
  return item;
}

/**
 * The page's results after the first ones, behind a button that presses itself when it comes into view: the
 * reader who scrolls never waits, a keyboard reaches it and gets the focus on the first result it brought.
 */
function moreResults(list: HTMLUListElement, rest: PagefindResult[]): void {
  if (!rest.length) return;
  const item = document.createElement("li");
  item.className = "search-more";
  const button = Object.assign(document.createElement("button"), {
    type: "button",
    className: "fr-btn fr-btn--tertiary",
    textContent: `Afficher ${rest.length === 1 ? "le résultat suivant" : `les ${rest.length} résultats suivants`}`,
  });
  item.append(button);
  list.append(item);
  let loading: Promise<void> | undefined;
  const load = () =>
    (loading ??= Promise.all(rest.map((result) => result.data())).then((data) => {
      const hadFocus = document.activeElement === button;
      const items = data.map(resultItem);
      item.replaceWith(...items);
      if (hadFocus) items[0]?.querySelector("a")?.focus();
    }));
  button.addEventListener("click", () => void load());
  if ("IntersectionObserver" in window) {
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        void load();
      }
    });
    observer.observe(item);
  }
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

async function render(state: SearchState, focusResults = false, focusToggle = false): Promise<void> {
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
  const activeFilters = filterNames.reduce((sum, name) => sum + state.filters[name].length, 0);
  const withCounts = filtersOpen || activeFilters > 0;
  if (withCounts) await loadFilterIndex(pagefind);
  const search = await pagefind.search(state.query, { filters: pagefindFilters(state) });
  if (!search) return; // a newer search replaced this one

  const total = search.results.length;
  const pages = pageCount(total);
  const current = Math.min(state.page, pages);
  const onPage = search.results.slice((current - 1) * resultsPerPage, current * resultsPerPage);
  const shown = await Promise.all(onPage.slice(0, firstResults).map((result) => result.data()));

  const filtersForm = document.createElement("form");
  filtersForm.className = "search-filters";
  filtersForm.setAttribute("aria-label", "Filtrer les résultats");
  if (withCounts) {
    const counts = await facetCounts(pagefind, state, search);
    for (const name of filterNames) {
      const choices = options(counts[name], state.filters[name]);
      if (choices.length) filtersForm.append(filterFieldset(document, name, filterLegends[name], choices, state.filters[name]));
    }
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
  list.append(...shown.map(resultItem));
  moreResults(list, onPage.slice(firstResults));

  const resultsColumn = document.createElement("div");
  resultsColumn.className = "search-layout";
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
  const disclosure = filtersDisclosure(document, filtersForm, filtersOpen, activeFilters);
  if (!withCounts) filtersForm.append(Object.assign(document.createElement("p"), { textContent: "Chargement des filtres…" }));
  disclosure.addEventListener("dsfr.disclose", () => {
    filtersOpen = true;
    // Opened for the first time: the counts come with the filter index, and the filters with them.
    if (!withCounts) void render(state, false, true);
  });
  disclosure.addEventListener("dsfr.conceal", () => (filtersOpen = false));
  // The filters between the status and the results, so that the status is what a search shows first.
  status.after(disclosure);
  root.replaceChildren(resultsColumn);
  if (focusResults) status.focus();
  else if (focusToggle) disclosure.querySelector("button")?.focus();
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
