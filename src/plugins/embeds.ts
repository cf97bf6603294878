import type { EleventyConfig } from "../eleventy-types.ts";
import { deferEmbeds } from "../content/embeds.ts";

/** Iframes of other sites in content load on request only (src/content/embeds.ts). */
export default function embedsPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addTransform("deferred-embeds", function (this: { page: { outputPath: string | false } }, html: string) {
    return typeof html === "string" && typeof this.page.outputPath === "string" && this.page.outputPath.endsWith(".html") ? deferEmbeds(html) : html;
  });
}
