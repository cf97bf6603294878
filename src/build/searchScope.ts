import path from "node:path";
import type { EleventyConfig } from "../eleventy-types.ts";
import { htmlFilesOf } from "../check/pages.ts";

/*
 * Pagefind indexes only what sits in a `data-pagefind-body` element, but it still reads and parses every HTML file
 * to find out. The lists (news pages, tag pages, series pages) carry none, and at 6,000 posts their 1,650 pages cost
 * 1.2 s of its 4.7. The pages process notes which pages it wrote without the marker, and Pagefind is given globs
 * naming the others: the same pages are indexed, as Pagefind's own rule would have chosen them.
 */

const searchMarker = /data-pagefind-body/i;

/** Attribute names are case-blind in HTML, and Pagefind reads them so; production pages arrive as UTF-8 bytes. */
function hasSearchMarker(content: unknown): boolean {
  if (typeof content === "string") return searchMarker.test(content);
  if (!Buffer.isBuffer(content)) return true;
  return content.includes("data-pagefind-body") || searchMarker.test(content.toString("latin1"));
}

interface WrittenPage {
  outputPath?: string | false;
  content?: unknown;
}

/** Extra build configuration that notes the HTML pages written without `data-pagefind-body` (paths in the output). */
export function recordPagesOutsideSearch(): { configure: (eleventyConfig: EleventyConfig) => void; files: () => string[] } {
  let files: string[] = [];
  return {
    configure(eleventyConfig) {
      eleventyConfig.on("eleventy.after", ({ results, directories }: { results: WrittenPage[]; directories: { output: string } }) => {
        const output = path.resolve(directories.output);
        const htmlPages = results.filter((page): page is WrittenPage & { outputPath: string } => typeof page.outputPath === "string" && page.outputPath.endsWith(".html"));
        const outside = htmlPages.filter((page) => !hasSearchMarker(page.content));
        // With no marker anywhere, Pagefind indexes every page whole: it must then read them all.
        files = outside.length < htmlPages.length ? outside.map((page) => toGlobPath(path.relative(output, path.resolve(page.outputPath)))) : [];
      });
    },
    files: () => files,
  };
}

function toGlobPath(relative: string): string {
  return relative.split(path.sep).join("/");
}

// Pagefind's globs (the wax crate) take these characters as syntax unless escaped, and refuse other escapes.
const globSyntax = /[\\{}[\]()<>:,*?$]/g;

function escapeForGlob(relative: string): string {
  return relative.replace(globSyntax, "\\$&");
}

// Pagefind refuses a glob of more than ~250 KB (4,000 paths of 58 characters pass, 5,000 do not): longer lists are
// split, with a margin. Pagefind walks the whole site once per glob (~0.1 s at 7,688 pages).
const globLength = 150_000;

/**
 * Globs of the HTML files in `folder` that Pagefind must read: all of them but `outsideSearch`.
 * Empty when that would leave none, for then Pagefind's rule is to index every page whole.
 */
export function searchGlobs(folder: string, outsideSearch: Iterable<string>): string[] {
  const skipped = new Set(outsideSearch);
  const toRead = htmlFilesOf(folder)
    .map((file) => toGlobPath(path.relative(folder, file)))
    .filter((file) => !skipped.has(file));
  const globs: string[] = [];
  let paths: string[] = [];
  let length = 0;
  for (const file of toRead.map(escapeForGlob)) {
    if (paths.length && length + file.length > globLength) {
      globs.push(`{${paths.join(",")}}`);
      paths = [];
      length = 0;
    }
    paths.push(file);
    length += file.length + 1;
  }
  if (paths.length) globs.push(`{${paths.join(",")}}`);
  return globs;
}
