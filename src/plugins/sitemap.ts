import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { EleventyConfig } from "../eleventy-types.ts";
import { readLastCommitDates } from "../content/lastModified.ts";
import { sitemapPage, sitemapXml, type WrittenPage } from "../content/sitemap.ts";

const generatedFromOf = new WeakMap<EleventyConfig, Map<string, string>>();

/** A page generated from code (`addTemplate`) changes when its data file does: date it by that file's last commit. */
export function dateGeneratedPagesBy(eleventyConfig: EleventyConfig, template: string, dataFile: string): void {
  if (!generatedFromOf.has(eleventyConfig)) generatedFromOf.set(eleventyConfig, new Map());
  generatedFromOf.get(eleventyConfig)!.set(template, path.relative(process.cwd(), path.resolve(dataFile)));
}

/**
 * sitemap.xml from the pages actually written, not from collections: those hold only the first page of a
 * pagination (the referential's criteria) and none of the pages kept out of them (the live content's
 * `eleventyExcludeFromCollections`). A page that tells robots `noindex` (an old address, the editor) is left out.
 */
export default function sitemapPlugin(eleventyConfig: EleventyConfig): void {
  const builtAt = new Date();
  const written = new Map<string, WrittenPage>();
  let commitDates = new Map<string, Date>();
  let historyRead = false;
  eleventyConfig.on("eleventy.before", ({ incremental }: { incremental: boolean }) => {
    // Reading the whole history costs tens of milliseconds, more as it grows; the dev server, which rebuilds
    // on every save, reads it once: only the preview's dates would miss a commit made meanwhile.
    if (incremental && historyRead) return;
    written.clear();
    commitDates = readLastCommitDates();
    historyRead = true;
  });
  eleventyConfig.addTransform("sitemap-pages", function (this: { page: { url: string | false; inputPath: string; outputPath: string | false; date: Date } }, content: string) {
    const { url, outputPath } = this.page;
    // Pages only: not the 404 (/404.html), the feeds or the exports.
    if (typeof outputPath === "string" && typeof url === "string" && url.endsWith("/")) {
      const page = sitemapPage(content, this.page);
      if (page) written.set(outputPath, page);
      else written.delete(outputPath);
    }
    return content;
  });
  eleventyConfig.on("eleventy.after", ({ directories }: { directories: { output: string } }) => {
    const file = path.join(directories.output, "sitemap.xml");
    const xml = sitemapXml(written.values(), commitDates, builtAt, generatedFromOf.get(eleventyConfig));
    // The dev server reloads on every file it sees written.
    if (!existsSync(file) || readFileSync(file, "utf8") !== xml) writeFileSync(file, xml);
  });
}
