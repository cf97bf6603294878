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

  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    const output = path.resolve(directories.output);
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Index de recherche : ${errors.join(" ; ")}`);
    const added = await index.addDirectory({ path: output });
    if (added.errors.length) throw new Error(`Index de recherche : ${added.errors.join(" ; ")}`);
    const written = await index.writeFiles({ outputPath: path.join(output, "pagefind") });
    if (written.errors.length) throw new Error(`Index de recherche : ${written.errors.join(" ; ")}`);
    await pagefind.close();
  });
}
