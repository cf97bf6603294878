import { slugify } from "./slug.ts";
import { hasTag, seriesOf, type ListItem, type Series } from "./lists.ts";

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

/** Where a post's series is listed, if the post is an episode of a medium with series pages. */
export function seriesUrl(series: unknown, tags: unknown): string | undefined {
  if (typeof series !== "string" || !series.trim()) return undefined;
  const tagList = Array.isArray(tags) ? tags : [tags];
  const medium = seriesMedia.find((m) => tagList.includes(m.tag));
  return medium ? `${medium.url}serie/${slugify(series)}/` : undefined;
}
