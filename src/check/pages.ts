import { editorFolder } from "../admin/address.ts";
import { readdirSync } from "node:fs";
import path from "node:path";
import type { EleventyConfig } from "../eleventy-types.ts";
import type { PageRecord } from "./types.ts";

type Captured = Omit<PageRecord, "url" | "inputPath">;

/**
 * Extra build configuration that records, for every page, its source file and front matter,
 * so that each problem found in the HTML can name the Markdown file to fix.
 */
export function recordPages(): { configure: (eleventyConfig: EleventyConfig) => void; pages: () => PageRecord[] } {
  const captured = new Map<string, Captured>();
  let records: PageRecord[] = [];
  return {
    configure(eleventyConfig) {
      eleventyConfig.addPreprocessor("check-pages", "*", (data: Record<string, unknown>) => {
        const page = data.page as { inputPath: string };
        const tags = data.tags;
        captured.set(page.inputPath, {
          layout: typeof data.layout === "string" ? data.layout : undefined,
          date: data.date instanceof Date ? data.date : undefined,
          draft: data.draft === true,
          tags: Array.isArray(tags) ? tags.map(String) : typeof tags === "string" ? [tags] : [],
          image: data.image,
        });
        return undefined;
      });
      eleventyConfig.on("eleventy.contentMap", ({ urlToInputPath }: { urlToInputPath: Record<string, { inputPath: string } | string> }) => {
        records = Object.entries(urlToInputPath).map(([url, entry]) => {
          const inputPath = typeof entry === "string" ? entry : entry.inputPath;
          return { url, inputPath, tags: [], ...captured.get(inputPath) };
        });
      });
    },
    pages: () => records,
  };
}

export function htmlFilesOf(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    // The search's own files and the web editor are not pages of the site.
    .filter((file) => file.endsWith(".html") && !file.startsWith(`pagefind${path.sep}`) && !file.startsWith(`${editorFolder}${path.sep}`))
    .map((file) => path.join(root, file));
}

/** The site URL a built HTML file answers to. */
export function urlOfFile(root: string, file: string): string {
  const relative = path.relative(root, file).split(path.sep).join("/");
  return `/${relative.replace(/(^|\/)index\.html$/, "$1")}`;
}
