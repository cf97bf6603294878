import path from "node:path";
import * as pagefind from "pagefind";
import type { EleventyConfig } from "../eleventy-types.ts";
import { searchType } from "../content/search.ts";

/**
 * Pagefind indexes the written site after every build (dev server included), into /pagefind/.
 * Pages opt in with `data-pagefind-body` on their main content, which the content layouts set.
 */
export default function searchIndexPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addFilter("searchType", searchType);

  // The dev server reloads the page as soon as it is written; the index follows a few seconds later
  // (in a queue, so two quick edits never index at the same time). A production build waits for it.
  let indexing: Promise<void> = Promise.resolve();
  let indexedOnce = false;
  eleventyConfig.on("eleventy.after", async ({ directories, runMode }: { directories: { output: string }; runMode: string }) => {
    const output = path.resolve(directories.output);
    const run = indexing.catch(() => undefined).then(() => indexSite(output));
    indexing = run;
    if (runMode === "serve" && indexedOnce) {
      run.catch((error: Error) => console.error(`[recherche] ${error.message}`));
      return;
    }
    indexedOnce = true;
    await run;
  });
}

async function indexSite(output: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Index de recherche : ${errors.join(" ; ")}`);
  const added = await index.addDirectory({ path: output });
  if (added.errors.length) throw new Error(`Index de recherche : ${added.errors.join(" ; ")}`);
  const written = await index.writeFiles({ outputPath: path.join(output, "pagefind") });
  if (written.errors.length) throw new Error(`Index de recherche : ${written.errors.join(" ; ")}`);
  await pagefind.close();
}
