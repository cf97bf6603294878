import type { CollectionApi, CollectionItem, EleventyConfig } from "../eleventy-types.ts";
import { seriesNeighbours } from "../content/series.ts";

export const newsGlob = "./content/actualites/**/*.md";

export default function collectionsPlugin(eleventyConfig: EleventyConfig): void {
  // News, newest first: the order of every list, feed and card group of posts.
  eleventyConfig.addCollection("newsPosts", (collectionApi: CollectionApi) =>
    collectionApi.getFilteredByGlob(newsGlob).sort((a, b) => b.date.getTime() - a.date.getTime()),
  );
  eleventyConfig.addFilter("seriesNeighbours", (posts: CollectionItem[], page: { inputPath: string }) =>
    seriesNeighbours(posts, page.inputPath),
  );
}
