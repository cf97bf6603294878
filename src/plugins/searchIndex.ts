import type { EleventyConfig } from "../eleventy-types.ts";
import { searchType } from "../content/search.ts";
import { indexSite } from "../build/searchIndex.ts";
import { coalesced } from "../build/coalesced.ts";
import { generatedTemplate } from "./generatedTemplate.ts";

type Next = () => void;

/**
 * Pages opt in to the Pagefind index with `data-pagefind-body` on their main content, which the content layouts set.
 * A production build indexes once Eleventy is done (src/build/build.ts). The dev server indexes when a page asks
 * for the index (the search page loads /pagefind/…) and the site changed since: indexing reads the whole site
 * (5 s of both cores at 6,000 posts), so doing it after every save slowed the next save's rebuild down
 * (4.9 → 6 s) and was wasted whenever nobody searched.
 */
export default function searchIndexPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addFilter("searchType", searchType);
  // The search page is the engine's, whatever the content folder holds (the live site's folder has its own, at
  // /search-results/, which now redirects here).
  eleventyConfig.addTemplate("generated/search-page.njk", generatedTemplate("search-page"), {
    layout: "layouts/page.njk",
    title: "Rechercher sur le site",
    description: "Rechercher dans les actualités, les publications, les guides et les pages du site.",
    permalink: "/recherche/",
    search: false,
  });

  let output = "";
  let stale = false;
  // A failed index is reported here, once per run, however many requests were waiting for it; the previous index stays.
  const reindex = coalesced(async () => {
    const started = performance.now();
    try {
      const pages = await indexSite(output);
      console.log(`[recherche] Index à jour : ${pages} pages lues en ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    } catch (error) {
      console.error(`[recherche] ${(error as Error).message} (la recherche garde son dernier index, s'il existe)`);
    }
  });
  let indexing: Promise<void> = Promise.resolve();

  eleventyConfig.on("eleventy.after", ({ directories, runMode }: { directories: { output: string }; runMode: string }) => {
    if (runMode === "build") return;
    output = directories.output;
    stale = true;
  });
  // Every request for the index waits for the run it needs, so the search page never reads a half-written index.
  eleventyConfig.setServerOptions({
    middleware: [
      async (request: { url?: string }, _response: unknown, next: Next) => {
        if (request.url?.startsWith("/pagefind/")) {
          if (stale) {
            stale = false;
            indexing = reindex();
          }
          await indexing;
        }
        next();
      },
    ],
  });
}
