import path from "node:path";
import { build } from "esbuild";
import { inputDirectory, type EleventyConfig } from "../eleventy-types.ts";

const dsfr = "node_modules/@gouvfr/dsfr/dist";

/**
 * Browser scripts written in TypeScript under src/client, each loaded only by the pages whose HTML
 * contains its marker (the component it enhances).
 */
export const clientScripts: Record<string, { entry: string; marker: string }> = {
  "video-consent": { entry: "src/client/video-consent.ts", marker: 'class="fr-content-media video-consent"' },
  search: { entry: "src/client/search.ts", marker: "data-search-app" },
  "rgesn-filters": { entry: "src/client/rgesn-filters.ts", marker: "data-rgesn-filters" },
  // Content asks for it with `extrajs: /js/quiz.js`; the marker loads it wherever a quiz is rendered.
  quiz: { entry: "src/client/quiz.ts", marker: "data-quiz-json" },
};

/**
 * Everything the pages load is served from the site itself: DSFR's files, the site's own files in public/,
 * and the images and documents that editors put beside their Markdown.
 */
export default function assetsPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPassthroughCopy({
    [`${dsfr}/dsfr.min.css`]: "dsfr/dsfr.min.css",
    [`${dsfr}/dsfr.module.min.js`]: "dsfr/dsfr.module.min.js",
    [`${dsfr}/dsfr.nomodule.min.js`]: "dsfr/dsfr.nomodule.min.js",
    [`${dsfr}/fonts/*.woff2`]: "dsfr/fonts",
    [`${dsfr}/icons`]: "dsfr/icons",
    [`${dsfr}/favicon`]: "dsfr/favicon",
    [`${dsfr}/artwork/pictograms/environment/{sun,moon}.svg`]: "dsfr/artwork/pictograms/environment",
    [`${dsfr}/artwork/pictograms/system/system.svg`]: "dsfr/artwork/pictograms/system/system.svg",
    public: "/",
  });
  // content/x/vignette.svg is published as /x/vignette.svg, where resolveImage points.
  eleventyConfig.addPassthroughCopy(`${inputDirectory(eleventyConfig)}**/*.{svg,png,jpg,jpeg,webp,avif,gif,pdf,odt,ods,csv}`);

  eleventyConfig.on("eleventy.before", async ({ directories }: { directories: { output: string } }) => {
    await build({
      entryPoints: Object.fromEntries(Object.entries(clientScripts).map(([name, { entry }]) => [name, entry])),
      outdir: path.join(directories.output, "js"),
      bundle: true,
      minify: true,
      format: "esm",
      target: "es2020",
      logLevel: "warning",
    });
  });
  eleventyConfig.addWatchTarget("./src/client/");
  eleventyConfig.addFilter("clientScriptsFor", (html: string) =>
    Object.entries(clientScripts)
      .filter(([, { marker }]) => typeof html === "string" && html.includes(marker))
      .map(([name]) => `/js/${name}.js`),
  );
}
