import { slugify } from "./slug.ts";
import { hasTag, listPageSize, paginate, seriesOf, type ListItem, type ListPage, type Series } from "./lists.ts";

/** Media with series pages: the tag that marks an episode, and where its series live. */
export const seriesMedia = [
  { tag: "Vidéo", url: "/ressources/videos/", label: "Vidéos" },
  { tag: "Podcast", url: "/ressources/podcasts/", label: "Podcasts" },
] as const;

export interface SeriesPage extends Series {
  medium: (typeof seriesMedia)[number];
}

/** Every series page to generate: one per series that has at least one episode. */
export function seriesPages(posts: ListItem[]): SeriesPage[] {
  return seriesMedia.flatMap((medium) =>
    seriesOf(
      posts.filter((post) => hasTag(post, medium.tag)),
      medium.url,
    ).map((series) => ({ ...series, medium })),
  );
}

export interface SeriesListPage extends ListPage<ListItem> {
  series: SeriesPage;
}

/** The pages of every series: its URL, then `page-2/`…, as many episodes per page as the news list. */
export function seriesListPages(series: SeriesPage[], size = listPageSize): SeriesListPage[] {
  return series.flatMap((one) => paginate(one.episodes, one.url, size).map((page) => ({ ...page, series: one })));
}

/** Where a post's series is listed, if the post is an episode of a medium with series pages. */
export function seriesUrl(series: unknown, tags: unknown): string | undefined {
  if (typeof series !== "string" || !series.trim()) return undefined;
  const tagList = Array.isArray(tags) ? tags : [tags];
  const medium = seriesMedia.find((m) => tagList.includes(m.tag));
  return medium ? `${medium.url}serie/${slugify(series)}/` : undefined;
}
