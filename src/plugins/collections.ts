import { inputDirectory, type CollectionApi, type CollectionItem, type EleventyConfig } from "../eleventy-types.ts";
import { seriesNeighbours } from "../content/series.ts";

export default function collectionsPlugin(eleventyConfig: EleventyConfig): void {
  // Every file under the news folder is a post, whatever its sub-folder.
  const newsGlob = `${inputDirectory(eleventyConfig)}actualites/**/*.md`;
  // News, newest first: the order of every list, feed and card group of posts.
  eleventyConfig.addCollection("newsPosts", (collectionApi: CollectionApi) =>
    collectionApi.getFilteredByGlob(newsGlob).sort((a, b) => b.date.getTime() - a.date.getTime()),
  );
  eleventyConfig.addFilter("seriesNeighbours", (posts: CollectionItem[], page: { inputPath: string }) =>
    seriesNeighbours(posts, page.inputPath),
  );
}
