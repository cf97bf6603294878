import { inputDirectory, type CollectionApi, type CollectionItem, type EleventyConfig } from "../eleventy-types.ts";
import { seriesLinksByPage, type SeriesLinks } from "../content/series.ts";
import { groupByYear, hasTag, listPageSize, newsFolder, paginationItems, tagIndex, tagPages, tagUrl, topicTags, type ListItem, type TagSummary } from "../content/lists.ts";
import { seriesListPages, seriesPages, seriesUrl } from "../content/media.ts";
import { eventTagsOf, isEvent, splitEvents } from "../content/events.ts";

/**
 * The news and the lists built from them (tags, series, years, events).
 * Collections run once per build; layouts only pick from them.
 */
export default function collectionsPlugin(eleventyConfig: EleventyConfig): void {
  // Every file under the news folder is a post, whatever its sub-folder; newest first everywhere.
  const newsGlob = `${inputDirectory(eleventyConfig)}${newsFolder}/**/*.md`;
  // Five collections start from the sorted news: sorted once per build (Eleventy hands each build its own api),
  // not five times (0.15 s of each rebuild at 6,000 posts). Each collection gets its own copy to keep.
  const sortedNews = new WeakMap<CollectionApi, CollectionItem[]>();
  const newsPosts = (api: CollectionApi): CollectionItem[] => {
    let posts = sortedNews.get(api);
    if (!posts) {
      posts = api.getFilteredByGlob(newsGlob).sort((a, b) => b.date.getTime() - a.date.getTime() || a.url.localeCompare(b.url));
      sortedNews.set(api, posts);
    }
    return [...posts];
  };

  eleventyConfig.addCollection("newsPosts", newsPosts);
  eleventyConfig.addCollection("newsTags", (api: CollectionApi) => tagIndex(newsPosts(api)));
  eleventyConfig.addCollection("newsTagPages", (api: CollectionApi) => tagPages(newsPosts(api)));
  eleventyConfig.addCollection("seriesPages", (api: CollectionApi) => seriesPages(newsPosts(api)));
  eleventyConfig.addCollection("seriesListPages", (api: CollectionApi) => seriesListPages(seriesPages(newsPosts(api))));

  // Computed once per build for all posts: per post, it would be quadratic in the number of posts.
  const seriesLinks = new WeakMap<object, Map<string, SeriesLinks>>();
  eleventyConfig.addFilter("seriesNeighbours", (posts: CollectionItem[], page: { inputPath: string }) => {
    if (!seriesLinks.has(posts)) seriesLinks.set(posts, seriesLinksByPage(posts));
    return seriesLinks.get(posts)!.get(page.inputPath) ?? {};
  });
  eleventyConfig.addFilter("tagUrl", tagUrl);
  eleventyConfig.addFilter("topicTags", topicTags);
  // A tag links to its page only if it has one: tags of pages outside the news have none.
  eleventyConfig.addFilter("withTagPage", (tags: string[], newsTags: TagSummary[]) =>
    tags.filter((tag) => newsTags.some((summary) => summary.tag === tag)),
  );
  eleventyConfig.addFilter("seriesUrl", seriesUrl);
  eleventyConfig.addFilter("groupByYear", groupByYear);
  eleventyConfig.addFilter("paginationItems", paginationItems);
  eleventyConfig.addFilter("withTag", (posts: ListItem[], tag: string) => posts.filter((post) => hasTag(post, tag)));
  // The videos and podcasts outside any series: "Autres vidéos" on the medium's page, after its series.
  eleventyConfig.addFilter("outsideSeries", (posts: ListItem[]) => posts.filter((post) => !(typeof post.data.series === "string" && post.data.series.trim())));
  eleventyConfig.addFilter("isEvent", isEvent);
  eleventyConfig.addFilter("eventTagsOf", eventTagsOf);
  // Section pages list this many posts at most, like a page of the news list: they stay light as the site grows.
  eleventyConfig.addGlobalData("listPageSize", listPageSize);
  eleventyConfig.addFilter("splitEvents", (posts: ListItem[], now: Date) => splitEvents(posts, now));
  eleventyConfig.addFilter("seriesOfMedium", (pages: ReturnType<typeof seriesPages>, mediumUrl: string) =>
    pages.filter((series) => series.medium.url === mediumUrl),
  );
}
