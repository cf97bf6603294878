import type { EleventyConfig } from "../eleventy-types.ts";

/**
 * Eleventy keeps every written page until the build ends (it hands them all to `eleventy.after`). As JavaScript
 * strings they take two bytes per character as soon as a page holds one accent, inside the heap the garbage
 * collector walks; as UTF-8 bytes, one byte outside it (7,612 pages: heap 618 → 212 MB at the end of rendering).
 * Eleventy writes bytes as they are. Production only: the dev server sends a page's text to the browser to patch it.
 * Must be the last transform: the others read text.
 */
export default function pagesAsBytesPlugin(eleventyConfig: EleventyConfig): void {
  let production = false;
  eleventyConfig.on("eleventy.before", ({ runMode }: { runMode: string }) => {
    production = runMode === "build";
  });
  eleventyConfig.addTransform("pages-as-bytes", (content: string | Buffer) =>
    production && typeof content === "string" ? Buffer.from(content, "utf8") : content,
  );
}
