import { slugify } from "./slug.ts";

/**
 * Posts per page on every paginated list (news, tags): three rows of the three-column grid. With ten, a fourth
 * row held one card, and the news list crossed EcoIndex A's line on its element count alone.
 */
export const listPageSize = 9;

/** Every Markdown file under this folder of the content is a news post, whatever its sub-folder. */
export const newsFolder = "actualites";

export interface ListItem {
  inputPath: string;
  url: string;
  date: Date;
  data: { title?: string; tags?: string[]; series?: string; [key: string]: unknown };
}

export function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks.length ? chunks : [[]];
}

/** URL of page `index` (0-based) of a list whose first page is `base`: base, base/page-2/, … */
export function pageUrl(base: string, index: number): string {
  return index === 0 ? base : `${base}page-${index + 1}/`;
}

/** Tags that name collections (Eleventy's, or those of the live site's templates), not topics: no page, never shown. */
export const technicalTags: ReadonlySet<string> = new Set(["all", "nav", "post", "posts", "events"]);

/** The topics among a `tags` value (a list or a single name). */
export function topicTags(tags: unknown): string[] {
  const list = Array.isArray(tags) ? tags : typeof tags === "string" ? [tags] : [];
  return list.filter((tag): tag is string => typeof tag === "string" && tag !== "" && !technicalTags.has(tag));
}

export function tagsOf(item: ListItem): string[] {
  return topicTags(item.data.tags);
}

export function hasTag(item: ListItem, tag: string): boolean {
  return tagsOf(item).includes(tag);
}

const collator = new Intl.Collator("fr", { sensitivity: "base" });

export interface TagSummary {
  tag: string;
  slug: string;
  count: number;
  url: string;
}

export function tagUrl(tag: string): string {
  return `/actualites/tags/${slugify(tag)}/`;
}

/** Every tag used by the posts, alphabetical in French, with its count. */
export function tagIndex(posts: ListItem[]): TagSummary[] {
  const counts = new Map<string, number>();
  for (const post of posts) for (const tag of tagsOf(post)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([tag, count]) => ({ tag, slug: slugify(tag), count, url: tagUrl(tag) }));
}

export interface ListPage<T> {
  items: T[];
  pageIndex: number;
  pageCount: number;
  url: string;
  /** URLs of every page of this list, for the pagination component */
  pageUrls: string[];
}

/** Splits a list into pages published at base, base/page-2/, … */
export function paginate<T>(items: T[], base: string, size = listPageSize): ListPage<T>[] {
  const chunks = chunk(items, size);
  const pageUrls = chunks.map((_, index) => pageUrl(base, index));
  return chunks.map((pageItems, pageIndex) => ({
    items: pageItems,
    pageIndex,
    pageCount: chunks.length,
    url: pageUrls[pageIndex]!,
    pageUrls,
  }));
}

export interface TagPage extends ListPage<ListItem> {
  tag: string;
  slug: string;
}

/** The pages of every tag: `/actualites/tags/<slug>/`, then `page-2/`… */
export function tagPages(posts: ListItem[], size = listPageSize): TagPage[] {
  return tagIndex(posts).flatMap(({ tag, slug, url }) =>
    paginate(
      posts.filter((post) => hasTag(post, tag)),
      url,
      size,
    ).map((page) => ({ ...page, tag, slug })),
  );
}

export interface YearGroup<T> {
  year: number;
  items: T[];
}

/** Consecutive items of the same year, for lists that are long enough to need landmarks. */
export function groupByYear<T extends { date: Date }>(items: T[]): YearGroup<T>[] {
  const groups: YearGroup<T>[] = [];
  for (const item of items) {
    const year = item.date.getUTCFullYear();
    const last = groups.at(-1);
    if (last?.year === year) last.items.push(item);
    else groups.push({ year, items: [item] });
  }
  return groups;
}

export interface Series {
  name: string;
  slug: string;
  url: string;
  /** episodes, newest first */
  episodes: ListItem[];
}

/** The series of one medium (videos, podcasts), most recently updated first; a series with no episode does not exist. */
export function seriesOf(posts: ListItem[], baseUrl: string): Series[] {
  const byName = new Map<string, ListItem[]>();
  for (const post of posts) {
    const name = post.data.series;
    if (typeof name === "string" && name.trim()) byName.set(name, [...(byName.get(name) ?? []), post]);
  }
  return [...byName]
    .map(([name, episodes]) => ({
      name,
      slug: slugify(name),
      url: `${baseUrl}serie/${slugify(name)}/`,
      episodes: [...episodes].sort((a, b) => b.date.getTime() - a.date.getTime()),
    }))
    .sort((a, b) => b.episodes[0]!.date.getTime() - a.episodes[0]!.date.getTime());
}

export type PaginationItem =
  | { kind: "page"; number: number; url?: string; current: boolean }
  | { kind: "gap" };

/**
 * Page numbers to show: all of them when there are few, else the first, the last and a window around the current one.
 * The current page carries no URL: a page never links to itself.
 */
export function paginationItems(pageUrls: string[], currentIndex: number, window = 1): PaginationItem[] {
  const total = pageUrls.length;
  const shown = new Set<number>();
  for (let i = 0; i < total; i++) {
    if (total <= 7 || i === 0 || i === total - 1 || Math.abs(i - currentIndex) <= window) shown.add(i);
  }
  const items: PaginationItem[] = [];
  let previous = -1;
  for (const i of [...shown].sort((a, b) => a - b)) {
    if (previous !== -1 && i - previous > 1) items.push({ kind: "gap" });
    const current = i === currentIndex;
    items.push({ kind: "page", number: i + 1, url: current ? undefined : pageUrls[i], current });
    previous = i;
  }
  return items;
}
