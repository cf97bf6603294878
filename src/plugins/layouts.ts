import type { EleventyConfig } from "../eleventy-types.ts";
import { layoutTemplates } from "../content/layouts.ts";
import { savedThemeScript } from "../content/theme.ts";

/** Existing content names many layouts; each resolves to one of a few shared templates. */
export default function layoutsPlugin(eleventyConfig: EleventyConfig): void {
  // A page that names no layout still gets the site's shell rather than bare HTML.
  eleventyConfig.addGlobalData("layout", "layouts/page.njk");
  eleventyConfig.addGlobalData("savedThemeScript", savedThemeScript);
  for (const [name, template] of Object.entries(layoutTemplates)) {
    if (name !== template) eleventyConfig.addLayoutAlias(name, template);
  }
}
