import eleventyNavigationPlugin from "@11ty/eleventy-navigation";
import type { NavigationData } from "../eleventy-types.ts";
import { resolveImage, type ResolvedImage } from "./images.ts";

/** The shape eleventy-navigation's tree functions read: `data.eleventyNavigation` and `data.page.url`. */
export interface NavigationNode {
  data: {
    title?: string;
    description?: string;
    focus?: boolean;
    category?: string;
    image?: unknown;
    eleventyNavigation: NavigationData;
    page: { url: string; inputPath: string };
  };
}

export interface MenuLink {
  title: string;
  url: string;
  current: boolean;
  /** true when the current page is this entry or one of its descendants */
  active: boolean;
  children: MenuLink[];
}

export interface GuideMenu {
  root: MenuLink;
  items: MenuLink[];
}

interface FoundEntry {
  key?: string;
  title: string;
  url?: string;
  order?: number;
  children?: FoundEntry[];
  data: NavigationNode["data"];
}

const { navigation } = eleventyNavigationPlugin as unknown as {
  navigation: {
    find(nodes: NavigationNode[], key?: string): FoundEntry[];
    findBreadcrumbs(nodes: NavigationNode[], key: string, options?: { includeSelf?: boolean }): FoundEntry[];
  };
};

function nodeFor(nodes: NavigationNode[], inputPath: string): NavigationNode | undefined {
  return nodes.find((node) => node.data.page.inputPath === inputPath);
}

function nodeByKey(nodes: NavigationNode[], key: string | undefined): NavigationNode | undefined {
  return key === undefined ? undefined : nodes.find((node) => node.data.eleventyNavigation.key === key);
}

function titleOf(node: NavigationNode): string {
  return node.data.eleventyNavigation.title ?? node.data.title ?? node.data.eleventyNavigation.key ?? "";
}

/**
 * The guide a page belongs to: climb parents until the next one is a top-level section
 * (an entry with no parent, such as "Publications") or is missing.
 */
export function guideRoot(nodes: NavigationNode[], inputPath: string): NavigationNode | undefined {
  let node = nodeFor(nodes, inputPath);
  if (!node) return undefined;
  for (;;) {
    const parent = nodeByKey(nodes, node.data.eleventyNavigation.parent);
    if (!parent || parent.data.eleventyNavigation.parent === undefined) return node;
    node = parent;
  }
}

function toLink(entry: FoundEntry, currentUrl: string, depth: number): MenuLink {
  const children = depth > 1 ? (entry.children ?? []).map((child) => toLink(child, currentUrl, depth - 1)) : [];
  const current = entry.url === currentUrl;
  return {
    title: entry.title,
    url: entry.url ?? "",
    current,
    active: current || children.some((child) => child.active),
    children,
  };
}

/** Side menu of a guide: its root, then two levels of pages ordered by `order`. */
export function guideMenu(nodes: NavigationNode[], inputPath: string, currentUrl: string): GuideMenu | undefined {
  const root = guideRoot(nodes, inputPath);
  const rootKey = root?.data.eleventyNavigation.key;
  if (!root || !rootKey) return undefined;
  const items = navigation.find(nodes, rootKey).map((entry) => toLink(entry, currentUrl, 2));
  const rootUrl = root.data.page.url;
  return {
    root: { title: titleOf(root), url: rootUrl, current: rootUrl === currentUrl, active: true, children: [] },
    items,
  };
}

/** Links above the page in its navigation tree, top first, the page itself excluded; undefined for a page outside it. */
export function breadcrumbTrail(nodes: NavigationNode[], inputPath: string): { title: string; url: string }[] | undefined {
  const node = nodeFor(nodes, inputPath);
  if (!node) return undefined;
  const parentKey = node.data.eleventyNavigation.parent;
  if (!nodeByKey(nodes, parentKey)) return [];
  return navigation
    .findBreadcrumbs(nodes, parentKey!, { includeSelf: true })
    .map((entry) => ({ title: entry.title, url: entry.url ?? "" }));
}

/** Pages whose `eleventyNavigation.parent` names no page's `key`, each with the keys that look closest. */
export function missingParents(nodes: NavigationNode[]): { inputPath: string; parent: string; closest: { key: string; inputPath: string }[] }[] {
  const keys = new Map(nodes.flatMap((node) => (node.data.eleventyNavigation.key ? [[node.data.eleventyNavigation.key, node.data.page.inputPath] as const] : [])));
  const folded = (text: string) => text.normalize("NFD").replace(/[^a-z0-9]/gi, "").toLowerCase();
  return nodes.flatMap((node) => {
    const parent = node.data.eleventyNavigation.parent;
    if (parent === undefined || keys.has(parent)) return [];
    const wanted = folded(parent);
    const closest = [...keys]
      .filter(([key]) => wanted && (folded(key).includes(wanted) || wanted.includes(folded(key))))
      .sort(([a], [b]) => Number(folded(b) === wanted) - Number(folded(a) === wanted))
      .slice(0, 3)
      .map(([key, inputPath]) => ({ key, inputPath }));
    return [{ inputPath: node.data.page.inputPath, parent, closest }];
  });
}

/**
 * For a page outside the navigation tree (a tool sheet, say): the pages at its URL's ancestors, top first
 * (/publications/, /publications/boite-outils/ for /publications/boite-outils/fiches/x/), those that exist.
 */
export function urlAncestors(url: string, titleByUrl: ReadonlyMap<string, string>): { title: string; url: string }[] {
  const segments = url.split("/").filter(Boolean);
  const trail: { title: string; url: string }[] = [];
  for (let depth = 1; depth < segments.length; depth++) {
    const ancestor = `/${segments.slice(0, depth).join("/")}/`;
    const title = titleByUrl.get(ancestor);
    if (title) trail.push({ title, url: ancestor });
  }
  return trail;
}

/**
 * Previous and next pages of a guide in reading order: its root, then each chapter followed by its own pages.
 * A guide's root leads to its first chapter, never to the neighbouring publication; a page in no guide has none.
 */
export function guidePageLinks(
  nodes: NavigationNode[],
  inputPath: string,
): { previous?: { title: string; url: string }; next?: { title: string; url: string } } {
  const root = guideRoot(nodes, inputPath);
  const rootKey = root?.data.eleventyNavigation.key;
  if (!root || !rootKey) return {};
  const inOrder = (entries: FoundEntry[]): { title: string; url: string; inputPath: string }[] =>
    entries.flatMap((entry) => [{ title: entry.title, url: entry.url ?? "", inputPath: entry.data.page.inputPath }, ...inOrder(entry.children ?? [])]);
  const pages = [{ title: titleOf(root), url: root.data.page.url, inputPath: root.data.page.inputPath }, ...inOrder(navigation.find(nodes, rootKey))];
  const index = pages.findIndex((entry) => entry.inputPath === inputPath);
  const link = (entry: (typeof pages)[number] | undefined) => (entry ? { title: entry.title, url: entry.url } : undefined);
  return index < 0 ? {} : { previous: link(pages[index - 1]), next: link(pages[index + 1]) };
}

export interface NavigationCard {
  /** its eleventyNavigation key: the home page picks its media sections by it (_data/home.json) */
  key: string;
  title: string;
  url: string;
  description: string;
  image?: ResolvedImage;
  focus: boolean;
  category?: string;
}

/**
 * The pages under `key` as cards, in `order`; pages of category "autres" come last.
 * The card image is the navigation `image`, else the page's own `image`.
 */
export function navigationChildren(nodes: NavigationNode[], key: string): NavigationCard[] {
  const cards = navigation.find(nodes, key).map((entry) => {
    const { data } = entry;
    return {
      key: entry.key ?? "",
      title: entry.title,
      url: entry.url ?? "",
      description: data.description ?? "",
      image: resolveImage(data.eleventyNavigation.image ?? data.image, data.page.inputPath),
      focus: data.focus === true,
      category: data.category,
    };
  });
  return [...cards.filter((card) => card.category !== "autres"), ...cards.filter((card) => card.category === "autres")];
}
