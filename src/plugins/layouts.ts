import type { EleventyConfig } from "../eleventy-types.ts";
import { layoutTemplates } from "../content/layouts.ts";

/** Existing content names many layouts; each resolves to one of a few shared templates. */
export default function layoutsPlugin(eleventyConfig: EleventyConfig): void {
  for (const [name, template] of Object.entries(layoutTemplates)) {
    if (name !== template) eleventyConfig.addLayoutAlias(name, template);
  }
}
