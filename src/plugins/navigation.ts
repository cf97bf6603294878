import path from "node:path";
import eleventyNavigationPlugin from "@11ty/eleventy-navigation";
import { inputDirectory, type EleventyConfig, type NavigationData, type RenderContext } from "../eleventy-types.ts";
import {
  breadcrumbTrail,
  guideMenu,
  guidePageLinks,
  missingParents,
  urlAncestors,
  navigationChildren,
  type NavigationCard,
  type NavigationNode,
} from "../content/navigationTree.ts";
import { isPublished } from "../content/drafts.ts";
import { buildSiteTree } from "../content/siteTree.ts";
import { newsFolder } from "../content/lists.ts";
import { FrontMatterError } from "../content/errors.ts";

interface CapturedEntry {
  title?: string;
  description?: string;
  focus?: boolean;
  category?: string;
  image?: unknown;
  eleventyNavigation: NavigationData;
}

/**
 * Guides and publications need their whole navigation tree, including pages kept out of collections
 * (a publication root often sets `eleventyExcludeFromCollections` to stay out of the news lists).
 * So the tree is gathered from every template: front matter before rendering, URLs from the content map.
 */
const { navigation } = eleventyNavigationPlugin as unknown as { navigation: { find(nodes: object[], key?: string): unknown[] } };
const findNavigationEntries = (nodes: object[]) => navigation.find(nodes);

export default function navigationPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPlugin(eleventyNavigationPlugin);

  let captured = new Map<string, CapturedEntry>();
  let nodes: NavigationNode[] = [];
  // Every page's title, for the breadcrumb of a page outside the navigation tree (its URL's ancestors).
  let titles = new Map<string, string>();
  let titleByUrl = new Map<string, string>();

  eleventyConfig.on("eleventy.before", () => {
    captured = new Map();
    nodes = [];
    titles = new Map();
  });

  eleventyConfig.addPreprocessor("navigation-tree", "*", (data: Record<string, unknown>) => {
    const eleventyNavigation = data.eleventyNavigation as NavigationData | undefined;
    const page = data.page as { inputPath: string };
    if (typeof data.title === "string" && !data.pagination) titles.set(page.inputPath, data.title);
    if (eleventyNavigation && typeof eleventyNavigation === "object" && isPublished(data)) {
      const { title, description, focus, category, image } = data as Omit<CapturedEntry, "eleventyNavigation">;
      // A menu entry without its own title takes the page's.
      const entry = { ...eleventyNavigation, title: eleventyNavigation.title ?? title };
      captured.set(page.inputPath, { title, description, focus, category, image, eleventyNavigation: entry });
    }
    return undefined;
  });

  eleventyConfig.on(
    "eleventy.contentMap",
    ({ inputPathToUrl }: { inputPathToUrl: Record<string, string[]> }) => {
      titleByUrl = new Map(
        [...titles].flatMap(([inputPath, title]) => (inputPathToUrl[inputPath] ?? []).map((url) => [url, title] as [string, string])),
      );
      nodes = [...captured].flatMap(([inputPath, entry]) => {
        const url = inputPathToUrl[inputPath]?.[0];
        return url ? [{ data: { ...entry, page: { url, inputPath } } }] : [];
      });
      // A content page under a parent that no page is: its menus and breadcrumb would silently lose it. (The pages
      // the engine generates, such as the referential under "publications", go without one.)
      const orphan = missingParents(nodes).find(({ inputPath }) => !/[\\/]generated[\\/][^\\/]+$/.test(inputPath));
      if (orphan) {
        const hint = orphan.closest.length
          ? `la clé d'une page existante, par exemple ${orphan.closest.map(({ key, inputPath }) => `« ${key} » (${inputPath})`).join(" ou ")}`
          : "la clé (eleventyNavigation.key) d'une page existante, ou retirez parent pour placer la page au premier niveau";
        throw new FrontMatterError(orphan.inputPath, {
          field: "eleventyNavigation.parent",
          found: `« ${orphan.parent} », qu'aucune page ne déclare comme key`,
          expected: hint,
        });
      }
    },
  );

  // The header menu is the same on every page: computed once per build, not once per page (O(n²) at 6,000 pages).
  // An entry without a menu title shows its page's title, not its key; the home page has its own entry.
  type MenuEntry = { title: string; url?: string; children?: MenuEntry[]; data?: { title?: string; eleventyNavigation?: NavigationData } };
  const titled = (entries: MenuEntry[]): MenuEntry[] =>
    entries.map((entry) => ({
      ...entry,
      title: entry.data?.eleventyNavigation?.title ?? entry.data?.title ?? entry.title,
      children: titled(entry.children ?? []),
    }));
  const headerMenus = new WeakMap<object, unknown>();
  eleventyConfig.addFilter("headerMenu", (all: object[]) => {
    if (!headerMenus.has(all)) headerMenus.set(all, titled(findNavigationEntries(all) as MenuEntry[]).filter((entry) => entry.url !== "/"));
    return headerMenus.get(all);
  });

  eleventyConfig.addFilter("guideMenu", function (this: RenderContext, page: { inputPath: string; url: string }) {
    return guideMenu(nodes, page.inputPath, page.url);
  });
  // The plan du site: the site's sections and pages, plus the navigation pages kept out of collections. Not the
  // news posts (nor the later pages of a list): the news list leads to them, and the plan keeps the same size
  // whether the site has 10 posts or 6,000 (it had 6,080 links, 520 KB).
  const newsPosts = path.normalize(`${inputDirectory(eleventyConfig)}${newsFolder}/`);
  type PlanItem = { url: string | false; inputPath: string; data: { title?: string; pagination?: { size?: number; pageNumber?: number } } };
  const inPlan = (item: PlanItem) =>
    typeof item.url === "string" &&
    item.url.endsWith("/") &&
    // Pages generated one per item (the referential's criteria) are reached from their index pages.
    item.data.pagination?.size !== 1 &&
    !item.data.pagination?.pageNumber &&
    !path.normalize(item.inputPath).startsWith(newsPosts);
  eleventyConfig.addFilter(
    "siteTree",
    (items: PlanItem[]) =>
      buildSiteTree([
        ...items
          .filter(inPlan)
          .map((item) => ({ title: item.data.title ?? "", url: item.url as string })),
        ...nodes.map((node) => ({ title: node.data.title ?? "", url: node.data.page.url })),
      ]),
  );
  eleventyConfig.addFilter("navigationChildren", (key: string) => navigationChildren(nodes, key));
  // The cards of the given keys, in the order given (the home page's media, _data/home.json).
  eleventyConfig.addFilter("withKeys", (cards: NavigationCard[], keys: string[]) => keys.flatMap((key) => cards.filter((card) => card.key === key)));
  eleventyConfig.addFilter("breadcrumbTrail", (page: { inputPath: string }) => breadcrumbTrail(nodes, page.inputPath) ?? []);
  // A breadcrumb: the navigation tree's, or for a page outside it (a tool sheet, a series page), its URL's ancestors.
  eleventyConfig.addFilter("pageTrail", (page: { inputPath: string; url?: string }) =>
    breadcrumbTrail(nodes, page.inputPath) ?? urlAncestors(page.url ?? "", titleByUrl),
  );
  eleventyConfig.addFilter("guidePageLinks", (page: { inputPath: string }) => guidePageLinks(nodes, page.inputPath));
}
