import type { EleventyConfig } from "../eleventy-types.ts";
import { searchType } from "../content/search.ts";
import { indexSite } from "../build/searchIndex.ts";
import { coalesced } from "../build/coalesced.ts";

/**
 * Pages opt in to the Pagefind index with `data-pagefind-body` on their main content, which the content layouts set.
 * A production build indexes once Eleventy is done (src/build/build.ts); the dev server, after every rebuild.
 */
export default function searchIndexPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addFilter("searchType", searchType);

  // The dev server reloads the page as soon as it is written; the index follows a few seconds later. Indexing
  // reads the whole site, so saves made meanwhile share one more run instead of each queueing their own.
  let output = "";
  // A failed index is reported here, once per run, however many saves were waiting for it; the previous index stays.
  const reindex = coalesced(async () => {
    const started = performance.now();
    try {
      const pages = await indexSite(output);
      console.log(`[recherche] Index à jour : ${pages} pages en ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    } catch (error) {
      console.error(`[recherche] ${(error as Error).message} (la recherche garde son dernier index, s'il existe)`);
    }
  });
  let indexedOnce = false;
  eleventyConfig.on("eleventy.after", async ({ directories, runMode }: { directories: { output: string }; runMode: string }) => {
    if (runMode === "build") return;
    output = directories.output;
    const run = reindex();
    // Only the first index is waited for: the site is not served before it.
    if (indexedOnce) return;
    indexedOnce = true;
    await run;
  });
}
