import { describe, expect, it } from "vitest";
import { breadcrumbTrail, guideMenu, navigationChildren, siblingLinks, type NavigationNode } from "../../src/content/navigationTree.ts";

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

  it("links siblings by order", () => {
    expect(siblingLinks(nodes, "p1.md")).toEqual({ previous: undefined, next: { title: "B", url: "/publications/guide/b/" } });
    expect(siblingLinks(nodes, "p2.md").previous?.title).toBe("A");
  });

  it("lists publication cards with category « autres » last", () => {
    expect(navigationChildren(nodes, "publications").map((c) => [c.title, c.focus])).toEqual([
      ["Guide", true],
      ["Autre", false],
    ]);
  });
});
