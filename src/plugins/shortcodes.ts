import { inputDirectory, type EleventyConfig, type RenderContext } from "../eleventy-types.ts";
import { resolveImage } from "../content/images.ts";
import { dailymotion } from "../shortcodes/dailymotion.ts";
import { transcription } from "../shortcodes/transcription.ts";
import { nextPageId, resetPageIds } from "../content/pageIds.ts";

/** Blank lines around block output keep Markdown from gluing the next paragraph into the HTML block. */
function asMarkdownBlock(html: string): string {
  return `\n\n${html}\n\n`;
}

function pageKey(context: RenderContext): string {
  return String(context.page?.url || context.page?.inputPath || "page");
}

export default function shortcodesPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.on("eleventy.before", () => resetPageIds());

  eleventyConfig.addShortcode("dailymotion", function (this: RenderContext, videoId: unknown, title?: unknown) {
    // The post's image as the poster when it comes from the site: an image of another site would be a request before the click.
    const image = this.page?.inputPath ? resolveImage(this.ctx?.image, this.page.inputPath, inputDirectory(eleventyConfig)) : undefined;
    const poster = image && image.src.startsWith("/") && !image.src.startsWith("//") ? image.src : undefined;
    return asMarkdownBlock(dailymotion(videoId, title ?? this.ctx?.title, poster));
  });

  eleventyConfig.addPairedShortcode(
    "transcription",
    function (this: RenderContext, content: string, title?: unknown) {
      return asMarkdownBlock(transcription(content, title, nextPageId(pageKey(this), "transcription")));
    },
  );
}
