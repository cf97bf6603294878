import type { EleventyConfig } from "../eleventy-types.ts";
import { createMarkdown } from "../content/markdown.ts";

export default function markdownPlugin(eleventyConfig: EleventyConfig): void {
  const md = createMarkdown();
  eleventyConfig.setLibrary("md", md);
  // Shortcodes and layouts render Markdown fields (criteria, transcriptions) with the same rules as pages.
  eleventyConfig.addFilter("markdown", (text: unknown) => (typeof text === "string" ? md.render(text) : ""));
}
