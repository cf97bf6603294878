import { resolveImage } from "./images.ts";
import type { ListItem } from "./lists.ts";

export interface FeedPost extends ListItem {
  content: string;
  data: ListItem["data"] & { description?: string; image?: unknown };
}

export interface FeedSite {
  name: string;
  description: string;
  url: string;
  author: string;
}

/** JSON Feed 1.1 of the given posts; `toAbsoluteHtml` makes the links of a post's HTML absolute. */
export async function jsonFeed(
  posts: FeedPost[],
  site: FeedSite,
  feedPath: string,
  toAbsoluteHtml: (html: string, base: string) => Promise<string>,
): Promise<object> {
  const absolute = (url: string) => new URL(url, site.url).href;
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: `${site.name} – Actualités`,
    description: site.description,
    home_page_url: absolute("/actualites/"),
    feed_url: absolute(feedPath),
    language: "fr",
    authors: [{ name: site.author }],
    items: await Promise.all(
      posts.map(async (post) => {
        const image = resolveImage(post.data.image, post.inputPath);
        return {
          id: absolute(post.url),
          url: absolute(post.url),
          title: post.data.title ?? "",
          ...(post.data.description ? { summary: post.data.description } : {}),
          content_html: await toAbsoluteHtml(post.content, absolute(post.url)),
          date_published: post.date.toISOString(),
          ...(post.data.tags?.length ? { tags: post.data.tags } : {}),
          ...(image ? { image: absolute(image.src) } : {}),
        };
      }),
    ),
  };
}
