import type { EleventyConfig } from "../eleventy-types.ts";
import { parseFrontMatterYaml } from "../content/yaml.ts";
import { validateFrontMatter } from "../content/schema.ts";
import { isPublished } from "../content/drafts.ts";
import { resolveImage } from "../content/images.ts";
import { inputDirectory } from "../eleventy-types.ts";
import { printImageAsItsAddress } from "../legacy/frontMatter.ts";
import { assertUtf8Text, looksUndecoded } from "../content/encoding.ts";

/**
 * Every Markdown page is checked before it renders: YAML syntax (with the line) and the schema (with the field).
 * Drafts are dropped from production builds here too, before they reach collections, feeds or navigation.
 */
export default function frontMatterPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.setFrontMatterParsingOptions({ engines: { yaml: parseFrontMatterYaml } });

  eleventyConfig.addPreprocessor("front-matter", "md", (data: Record<string, unknown>, content: unknown) => {
    const page = data.page as { inputPath: string };
    if ([content, data.title, data.description].some(looksUndecoded)) assertUtf8Text(page.inputPath);
    const frontMatter = validateFrontMatter(page.inputPath, data);
    if (!isPublished(frontMatter)) return false;
    printImageAsItsAddress(data.image, resolveImage(data.image, page.inputPath, inputDirectory(eleventyConfig))?.src);
    return undefined;
  });
}
