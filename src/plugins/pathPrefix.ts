import type { EleventyConfig } from "../eleventy-types.ts";
import { prefixPageAddresses, sitePathPrefix } from "../content/pathPrefix.ts";

/**
 * `PATH_PREFIX=/apercu/pr-42/ npm run build`: a site that works from that sub-folder (pull-request previews).
 * Not Eleventy's HtmlBase plugin: its transform runs before the site's own (it would miss the responsive images'
 * addresses), and it re-serialises every page; this rewrites the finished page's attributes, and only when
 * there is a prefix. Scripts find their own files from their address (src/client/siteAddress.ts).
 */
export default function pathPrefixPlugin(eleventyConfig: EleventyConfig): void {
  let prefix = "/";
  eleventyConfig.on("eleventy.before", () => {
    prefix = sitePathPrefix();
  });
  eleventyConfig.addTransform("path-prefix", function (this: { page: { outputPath: string | false } }, content: string) {
    if (prefix === "/" || typeof content !== "string" || typeof this.page.outputPath !== "string" || !this.page.outputPath.endsWith(".html")) return content;
    return prefixPageAddresses(content, prefix);
  });
}
