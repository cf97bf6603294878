import type { EleventyConfig } from "../eleventy-types.ts";
import { searchType } from "../content/search.ts";
import { indexSite } from "../build/searchIndex.ts";

/**
 * Pages opt in to the Pagefind index with `data-pagefind-body` on their main content, which the content layouts set.
 * A production build indexes once Eleventy is done (src/build/build.ts); the dev server, after every rebuild.
 */
export default function searchIndexPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addFilter("searchType", searchType);

  // The dev server reloads the page as soon as it is written; the index follows a few seconds later
  // (in a queue, so two quick edits never index at the same time). Only its first index is waited for.
  let indexing: Promise<void> = Promise.resolve();
  let indexedOnce = false;
  eleventyConfig.on("eleventy.after", async ({ directories, runMode }: { directories: { output: string }; runMode: string }) => {
    if (runMode === "build") return;
    const run = indexing.catch(() => undefined).then(() => indexSite(directories.output));
    indexing = run;
    if (indexedOnce) {
      run.catch((error: Error) => console.error(`[recherche] ${error.message}`));
      return;
    }
    indexedOnce = true;
    await run;
  });
}
