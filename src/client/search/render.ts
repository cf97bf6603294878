import { paginationItems } from "../../content/lists.ts";

/**
 * DOM for the results page, built with text nodes only: Pagefind's metadata is raw page text
 * and must never be parsed as HTML (a title may contain "<img onerror>").
 */
export interface ResultView {
  url: string;
  title: string;
  type?: string;
  date?: string;
  excerpt: string;
}

const dateFormat = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/**
 * Pagefind's excerpt is page text with <mark> around the matched words. Only the marks are kept as elements;
 * everything else becomes text. The excerpt is parsed in an inert document, where nothing loads or runs.
 */
export function highlightedExcerpt(doc: Document, excerpt: string): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  const parsed = new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${excerpt}</body></html>`, "text/html");
  // Pagefind cuts the text around the words found: an excerpt may start on the end of a sentence's punctuation.
  const first = parsed.body.firstChild;
  if (first?.nodeType === 3) first.textContent = (first.textContent ?? "").replace(/^[\s:;,.)»–—-]+/, "");
  for (const node of Array.from(parsed.body.childNodes)) {
    if (node.nodeName === "MARK") fragment.append(element(doc, "mark", {}, node.textContent ?? ""));
    else fragment.append(doc.createTextNode(node.textContent ?? ""));
  }
  return fragment;
}

export function formatDate(isoDate: string | undefined): string {
  if (!isoDate || !/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return "";
  return dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
}

/** A DSFR card for one result. */
export function resultCard(doc: Document, result: ResultView): HTMLElement {
  const content = element(
    doc,
    "div",
    { class: "fr-card__content" },
    element(doc, "h3", { class: "fr-card__title" }, element(doc, "a", { href: result.url }, result.title)),
    element(doc, "p", { class: "fr-card__desc" }, highlightedExcerpt(doc, result.excerpt)),
  );
  if (result.type) {
    content.append(
      element(doc, "div", { class: "fr-card__start" }, element(doc, "p", { class: "fr-badge fr-badge--sm fr-badge--blue-ecume" }, result.type)),
    );
  }
  const date = formatDate(result.date);
  if (date) {
    content.append(
      element(doc, "div", { class: "fr-card__end" }, element(doc, "p", { class: "fr-card__detail" }, element(doc, "time", { datetime: result.date! }, date))),
    );
  }
  // No thumbnail: a result is read by its title and excerpt, and a search downloads nothing but the index.
  return element(doc, "div", { class: "fr-card fr-card--sm fr-enlarge-link" }, element(doc, "div", { class: "fr-card__body" }, content));
}

export function statusMessage(count: number, query: string): string {
  if (!query) return "Saisissez un ou plusieurs mots pour lancer la recherche.";
  if (count === 0) return `Aucun résultat pour « ${query} ».`;
  return `${count} ${count === 1 ? "résultat" : "résultats"} pour « ${query} »`;
}

/** DSFR pagination; `hrefFor(n)` gives the URL of page n (1-based). The current page is not a link. */
export function paginationNav(doc: Document, pages: number, current: number, hrefFor: (page: number) => string): HTMLElement | undefined {
  if (pages <= 1) return undefined;
  const link = (label: string, page: number, className: string, attributes: Record<string, string> = {}) =>
    page >= 1 && page <= pages && page !== current
      ? element(doc, "a", { class: `fr-pagination__link ${className}`.trim(), href: hrefFor(page), ...attributes }, label)
      : element(doc, "a", { class: `fr-pagination__link ${className}`.trim(), "aria-disabled": "true", role: "link", ...attributes }, label);
  const items: HTMLElement[] = [
    link("Première page", 1, "fr-pagination__link--first"),
    link("Page précédente", current - 1, "fr-pagination__link--prev fr-pagination__link--lg-label"),
  ];
  // The same page numbers and gaps as the build's lists (one rule for the whole site).
  const pageUrls = Array.from({ length: pages }, (_, index) => hrefFor(index + 1));
  for (const item of paginationItems(pageUrls, current - 1)) {
    if (item.kind === "gap") items.push(element(doc, "span", { class: "fr-pagination__link fr-hidden fr-unhidden-lg" }, "…"));
    else if (item.current) items.push(element(doc, "a", { class: "fr-pagination__link", "aria-current": "page", title: `Page ${item.number}` }, String(item.number)));
    else items.push(element(doc, "a", { class: "fr-pagination__link", href: item.url!, title: `Page ${item.number}` }, String(item.number)));
  }
  items.push(
    link("Page suivante", current + 1, "fr-pagination__link--next fr-pagination__link--lg-label"),
    link("Dernière page", pages, "fr-pagination__link--last"),
  );
  return element(
    doc,
    "nav",
    { role: "navigation", class: "fr-pagination fr-mt-4w", "aria-label": "Pages de résultats" },
    element(doc, "ul", { class: "fr-pagination__list" }, ...items.map((item) => element(doc, "li", {}, item))),
  );
}

export interface FilterOption {
  value: string;
  count: number;
}

/** A DSFR checkbox fieldset for one filter. */
export function filterFieldset(doc: Document, name: string, legend: string, options: FilterOption[], selected: string[]): HTMLElement {
  const legendId = `filtre-${name}-legende`;
  const fieldset = element(
    doc,
    "fieldset",
    { class: "fr-fieldset", id: `filtre-${name}`, "aria-labelledby": legendId },
    element(doc, "legend", { class: "fr-fieldset__legend--regular fr-fieldset__legend", id: legendId }, legend),
  );
  options.forEach((option, index) => {
    const id = `filtre-${name}-${index}`;
    const input = element(doc, "input", { type: "checkbox", id, name, value: option.value });
    input.checked = selected.includes(option.value);
    fieldset.append(
      element(
        doc,
        "div",
        { class: "fr-fieldset__element" },
        element(doc, "div", { class: "fr-checkbox-group fr-checkbox-group--sm" }, input, element(doc, "label", { class: "fr-label", for: id }, `${option.value} (${option.count})`)),
      ),
    );
  });
  return fieldset;
}

/**
 * The filters behind a button, at every width: on a phone they stood between the search field and the results (a
 * screenful of checkboxes), and their counts cost three downloads that most searches never use. DSFR's collapse
 * opens and closes them.
 */
export function filtersDisclosure(doc: Document, form: HTMLElement, open: boolean, activeFilters: number): HTMLElement {
  const id = "filtres-recherche";
  const active = activeFilters ? ` (${activeFilters} actif${activeFilters > 1 ? "s" : ""})` : "";
  const toggle = element(doc, "button", { type: "button", class: "fr-btn fr-btn--secondary search-filters-toggle", "aria-expanded": String(open), "aria-controls": id }, `Filtrer les résultats${active}`);
  const collapse = element(doc, "div", { class: `fr-collapse search-filters-collapse${open ? " fr-collapse--expanded" : ""}`, id }, form);
  return element(doc, "div", {}, toggle, collapse);
}
