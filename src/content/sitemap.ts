import { lastModified } from "./lastModified.ts";
import type { ListItem, ListPage } from "./lists.ts";

export interface SitemapItem {
  url: string;
  inputPath: string;
  date: Date;
  data: { draft?: unknown };
}

export interface SitemapEntry {
  url: string;
  lastModified: Date;
}

/** Public HTML pages for sitemap.xml: no 404, no non-HTML outputs. */
export function isSitemapPage(item: SitemapItem): boolean {
  return typeof item.url === "string" && item.url.endsWith("/") && item.data.draft !== true;
}

/**
 * sitemap.xml: every page, and the first page of each list (a tag's, a series'), dated by its newest post.
 * The lists' later pages only lead to posts already listed.
 */
export function sitemapEntries(pages: SitemapItem[], lists: ListPage<ListItem>[], commitDates: Map<string, Date>, builtAt: Date): SitemapEntry[] {
  const dated = (item: SitemapItem | ListItem) => lastModified(item.inputPath, item.date, commitDates, builtAt);
  const listEntries = lists
    .filter((list) => list.pageIndex === 0 && list.items.length > 0)
    .map((list) => ({ url: list.url, lastModified: new Date(Math.max(...list.items.map((item) => dated(item).getTime()))) }));
  const pageEntries = pages.filter(isSitemapPage).map((page) => ({ url: page.url, lastModified: dated(page) }));
  return [...pageEntries, ...listEntries].sort((a, b) => a.url.localeCompare(b.url));
}
