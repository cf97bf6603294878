import { describe, expect, it } from "vitest";
import { breadcrumbTrail, guideMenu, guidePageLinks, missingParents, navigationChildren, urlAncestors, type NavigationNode } from "../../src/content/navigationTree.ts";

const node = (inputPath: string, url: string, nav: NavigationNode["data"]["eleventyNavigation"], extra = {}): NavigationNode => ({
  data: { title: nav.title, eleventyNavigation: nav, page: { url, inputPath }, ...extra },
});

const nodes = [
  node("pub.md", "/publications/", { key: "publications", title: "Publications" }),
  node("guide.md", "/publications/guide/", { key: "guide", parent: "publications", title: "Guide", order: 2 }, { focus: true }),
  node("p2.md", "/publications/guide/b/", { key: "b", parent: "guide", title: "B", order: 20 }),
  node("p1.md", "/publications/guide/a/", { parent: "guide", title: "A", order: 10 }),
  node("p3.md", "/publications/guide/b/c/", { parent: "b", title: "C", order: 1 }),
  node("autre.md", "/publications/autre/", { key: "autre", parent: "publications", title: "Autre", order: 1 }, { category: "autres" }),
];

describe("navigation tree", () => {
  it("builds a guide's side menu from its root, two levels, current item marked", () => {
    const menu = guideMenu(nodes, "p3.md", "/publications/guide/b/c/");
    expect(menu?.root).toMatchObject({ title: "Guide", url: "/publications/guide/", current: false });
    expect(menu?.items.map((i) => i.title)).toEqual(["A", "B"]);
    const b = menu!.items[1]!;
    expect(b.active).toBe(true);
    expect(b.children).toMatchObject([{ title: "C", current: true }]);
  });

  it("gives the breadcrumb above the page, top first", () => {
    expect(breadcrumbTrail(nodes, "p3.md")!.map((l) => l.title)).toEqual(["Publications", "Guide", "B"]);
    expect(breadcrumbTrail(nodes, "pub.md")).toEqual([]);
  });

  it("links a guide's pages in reading order: the root, then each chapter followed by its own pages", () => {
    expect(guidePageLinks(nodes, "guide.md")).toEqual({ previous: undefined, next: { title: "A", url: "/publications/guide/a/" } });
    expect(guidePageLinks(nodes, "p2.md")).toEqual({ previous: { title: "A", url: "/publications/guide/a/" }, next: { title: "C", url: "/publications/guide/b/c/" } });
    expect(guidePageLinks(nodes, "p3.md").next).toBeUndefined();
    // a page outside the navigation tree has no pager
    expect(guidePageLinks(nodes, "ailleurs.md")).toEqual({});
  });

  it("names a parent no page declares, with the keys that look like it", () => {
    expect(missingParents([...nodes, node("x.md", "/x/", { key: "x", parent: "Guide " })])).toEqual([
      { inputPath: "x.md", parent: "Guide ", closest: [{ key: "guide", inputPath: "guide.md" }] },
    ]);
    expect(missingParents(nodes)).toEqual([]);
  });

  it("gives a page outside the tree the pages at its URL's ancestors", () => {
    const titles = new Map([["/publications/", "Publications"], ["/publications/boite-outils/", "Boîte à outils"]]);
    expect(urlAncestors("/publications/boite-outils/fiches/x/", titles)).toEqual([
      { title: "Publications", url: "/publications/" },
      { title: "Boîte à outils", url: "/publications/boite-outils/" },
    ]);
  });

  it("lists publication cards with category « autres » last", () => {
    expect(navigationChildren(nodes, "publications").map((c) => [c.title, c.focus])).toEqual([
      ["Guide", true],
      ["Autre", false],
    ]);
  });
});
