import { describe, expect, it, beforeAll } from "vitest";
import { parseHTML } from "linkedom";
import { pagefindFilters, pageCount, parseSearchState, searchStateToUrl } from "../../src/client/search/state.ts";
import { filterFieldset, highlightedExcerpt, paginationNav, resultCard, statusMessage } from "../../src/client/search/render.ts";

let doc: Document;
beforeAll(() => {
  const window = parseHTML("<!DOCTYPE html><html><body></body></html>");
  doc = window.document as unknown as Document;
  // render.ts parses excerpts with the browser's DOMParser; linkedom provides one.
  (globalThis as { DOMParser?: unknown }).DOMParser = window.DOMParser;
});

describe("search state in the URL", () => {
  it("reads the query, the page and repeated filters", () => {
    const state = parseSearchState("?q=+num%C3%A9rique+&type=Vid%C3%A9o&type=Podcast&year=2025&page=3");
    expect(state).toEqual({ query: "numérique", page: 3, filters: { type: ["Vidéo", "Podcast"], year: ["2025"], tag: [] } });
  });
  it("falls back to page 1 on nonsense", () => {
    expect(parseSearchState("?q=a&page=-2").page).toBe(1);
    expect(parseSearchState("?q=a&page=abc").page).toBe(1);
  });
  it("writes back the same URL, without page 1", () => {
    const state = parseSearchState("?q=eco&type=Vid%C3%A9o&page=2");
    expect(parseSearchState(new URL(searchStateToUrl(state), "http://x").search)).toEqual(state);
    expect(searchStateToUrl({ ...state, page: 1 })).toBe("/recherche/?q=eco&type=Vid%C3%A9o");
  });
  it("asks Pagefind for any of the values within a filter", () => {
    expect(pagefindFilters(parseSearchState("?q=a&type=A&type=B"))).toEqual({ type: { any: ["A", "B"] } });
    expect(pageCount(0)).toBe(1);
    expect(pageCount(21)).toBe(3);
  });
});

describe("result rendering", () => {
  it("shows a title containing HTML as text, never as markup", () => {
    const card = resultCard(doc, { url: "/x/", title: '<img src=x onerror="alert(1)">Titre', excerpt: "texte" });
    expect(card.querySelector("img")).toBeNull();
    expect(card.querySelector(".fr-card__title a")?.textContent).toBe('<img src=x onerror="alert(1)">Titre');
  });

  it("keeps only the <mark> of an excerpt; any other markup becomes text", () => {
    const fragment = highlightedExcerpt(doc, 'un <mark>numérique</mark> sobre <img src=x onerror="alert(1)"> &lt;b&gt;');
    const holder = doc.createElement("p");
    holder.append(fragment);
    expect(holder.querySelectorAll("mark")).toHaveLength(1);
    expect(holder.querySelector("img")).toBeNull();
    expect(holder.querySelector("b")).toBeNull();
    expect(holder.textContent).toBe("un numérique sobre  <b>");
  });

  it("renders a DSFR card with type badge and French date, and no image to download", () => {
    const card = resultCard(doc, { url: "/a/", title: "A", type: "Vidéo", date: "2026-03-16", excerpt: "x" });
    expect(card.className).toContain("fr-card");
    expect(card.querySelector(".fr-badge")?.textContent).toBe("Vidéo");
    expect(card.querySelector("time")?.textContent).toBe("16 mars 2026");
    expect(card.querySelector("img, picture, .fr-card__header")).toBeNull();
  });

  it("starts an excerpt on a word, not on the punctuation Pagefind cut it after", () => {
    for (const excerpt of [": Données <mark>numérique</mark>", " ; – <mark>numérique</mark>", "» <mark>numérique</mark>"]) {
      const holder = doc.createElement("p");
      holder.append(highlightedExcerpt(doc, excerpt));
      expect(holder.textContent, excerpt).toMatch(/^(Données )?numérique$/);
    }
  });

  it("paginates without linking the current page", () => {
    const nav = paginationNav(doc, 3, 2, (page) => `/recherche/?q=a&page=${page}`)!;
    expect(nav.querySelector('[aria-current="page"]')?.hasAttribute("href")).toBe(false);
    expect(nav.querySelector(".fr-pagination__link--next")?.getAttribute("href")).toBe("/recherche/?q=a&page=3");
    expect(paginationNav(doc, 1, 1, String)).toBeUndefined();
  });

  it("builds labelled checkboxes and counts in words", () => {
    const fieldset = filterFieldset(doc, "type", "Type de contenu", [{ value: "Vidéo", count: 3 }], ["Vidéo"]);
    const input = fieldset.querySelector("input")!;
    expect(input.checked).toBe(true);
    expect(fieldset.querySelector(`label[for="${input.id}"]`)?.textContent).toBe("Vidéo (3)");
    expect(statusMessage(1, "eco")).toBe("1 résultat pour « eco »");
    expect(statusMessage(0, "eco")).toBe("Aucun résultat pour « eco ».");
  });
});
