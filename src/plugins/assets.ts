import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build, type Plugin } from "esbuild";
import { inputDirectory, type EleventyConfig } from "../eleventy-types.ts";
import { StylePurge, sourceWords, usedIconRules } from "../build/purgeStyles.ts";
import { subsetMarianne } from "../build/fontSubset.ts";
import { bundleOnce, type Bundles } from "../build/bundleCache.ts";
import { cacheKey } from "../build/buildCache.ts";
import { addStaticFiles, publicFolders } from "./staticFiles.ts";

const dsfr = "node_modules/@gouvfr/dsfr/dist";

/**
 * Browser scripts written in TypeScript under src/client, each loaded only by the pages whose HTML
 * contains its marker (the component it enhances).
 */
export const clientScripts: Record<string, { entry: string; marker: string | string[] }> = {
  // An iframe of another site becomes a click-to-load placeholder after the layout (src/plugins/embeds.ts).
  "video-consent": { entry: "src/client/video-consent.ts", marker: ['class="fr-content-media video-consent"', "<iframe"] },
  search: { entry: "src/client/search.ts", marker: "data-search-app" },
  "rgesn-filters": { entry: "src/client/rgesn-filters.ts", marker: "data-rgesn-filters" },
  // Content asks for it with `extrajs: /js/quiz.js`; the marker loads it wherever a quiz is rendered.
  quiz: { entry: "src/client/quiz.ts", marker: "data-quiz-json" },
};

/** Marianne weights the site's pages use; DSFR declares eight more faces that would each cost a download. */
export const fontFaces = ["Marianne-Regular", "Marianne-Bold"];

/** Drops DSFR's @font-face rules for the faces the site does not use (the browser then synthesises from the nearest). */
const keepUsedFontFaces: Plugin = {
  name: "keep-used-font-faces",
  setup(builder) {
    builder.onLoad({ filter: /dsfr\.main\.min\.css$/ }, (args) => {
      const css = readFileSync(args.path, "utf8").replace(/@font-face\{[^}]*\}/g, (rule) =>
        fontFaces.some((face) => rule.includes(`/${face}.woff2`)) ? rule : "",
      );
      return { contents: css, loader: "css" };
    });
  },
};

function hashed(file: string, content: Buffer): string {
  const hash = createHash("sha256").update(content).digest("hex").slice(0, 10);
  const extension = file.endsWith(".min.js") ? ".min.js" : path.extname(file);
  return `${path.basename(file, extension)}-${hash}${extension}`;
}

/**
 * Everything the pages load is served from the site itself, under names that change with the content
 * (so it can be cached for a year): the bundled stylesheet and the fonts and icons it uses, DSFR's scripts,
 * the site's scripts. `{{ "styles" | asset }}` gives the current name of an asset.
 */
export default function assetsPlugin(eleventyConfig: EleventyConfig): void {
  let manifest: Record<string, string> = {};

  addStaticFiles(eleventyConfig, [
    ...publicFolders(inputDirectory(eleventyConfig)).map((folder) => ({ from: folder, to: "/" })),
    // At the live site's address: bookmarks and home-screen icons point there. The web manifest is the site's own
    // (generatedPages.ts); /favicon.ico at the root, where browsers and feed readers look without being told.
    ...["favicon.svg", "favicon.ico", "apple-touch-icon.png", "android-chrome-192x192.png", "android-chrome-512x512.png"].map((name) => ({ from: `${dsfr}/favicon/${name}`, to: `favicon/${name}` })),
    { from: `${dsfr}/favicon/favicon.ico`, to: "favicon.ico" },
    // content/x/vignette.svg is published as /x/vignette.svg, where resolveImage points.
    { from: inputDirectory(eleventyConfig), to: "/", extensions: ["svg", "png", "jpg", "jpeg", "webp", "avif", "gif", "pdf", "odt", "ods", "csv"] },
  ]);

  const entryPoints: Record<string, string> = {
    styles: "src/client/styles.css",
    "dsfr.module": "src/client/dsfr.ts",
    // Loaded by every page only when audience measurement is turned on (_data/analytics.json).
    analytics: "src/client/analytics.ts",
    ...Object.fromEntries(Object.entries(clientScripts).map(([name, { entry }]) => [name, entry])),
  };

  // In the dev server, an edit to a page leaves the bundles as they are: esbuild runs again only when
  // a file it bundles (src/client/) changed.
  let bundlesChanged = true;
  eleventyConfig.on("eleventy.beforeWatch", (changedFiles: string[]) => {
    bundlesChanged = changedFiles.some((file) => path.normalize(file).includes(path.normalize("src/client/")));
  });

  /** In production, the icon rules of the icons the sources name (the dev server keeps them all: a page may gain one). */
  const iconsInUse = (words: Set<string> | undefined): Plugin => ({
    name: "icons-in-use",
    setup(builder) {
      if (!words) return;
      builder.onLoad({ filter: /icons\.main\.min\.css$/ }, (args) => ({ contents: usedIconRules(readFileSync(args.path, "utf8"), words), loader: "css" }));
    },
  });

  async function bundle(outdir: string, words?: Set<string>): Promise<Bundles> {
    const result = await build({
      entryPoints,
      outdir,
      bundle: true,
      minify: true,
      format: "esm",
      target: ["es2020", "chrome100", "firefox100", "safari15"],
      entryNames: "[name]-[hash]",
      assetNames: "[name]-[hash]",
      // Icons become part of the stylesheet: the purge keeps only those in use, and each saves a request.
      loader: { ".woff2": "file", ".woff": "file", ".svg": "dataurl", ".png": "file" },
      plugins: [keepUsedFontFaces, iconsInUse(words), subsetMarianne],
      metafile: true,
      logLevel: "warning",
    });
    const next: Record<string, string> = {};
    const nameOfEntry = new Map(Object.entries(entryPoints).map(([name, entry]) => [entry, name]));
    for (const [file, output] of Object.entries(result.metafile.outputs)) {
      const name = output.entryPoint ? nameOfEntry.get(output.entryPoint) : undefined;
      const url = `/assets/${path.basename(file)}`;
      if (name) next[name] = url;
      for (const face of fontFaces) if (path.basename(file).startsWith(`${face}-`) && file.endsWith(".woff2")) next[face] = url;
    }
    mkdirSync(outdir, { recursive: true });
    // Browsers without modules (which DSFR still serves) get its whole legacy build; the others never fetch it.
    const legacyScript = `${dsfr}/dsfr.nomodule.min.js`;
    const content = readFileSync(legacyScript);
    const target = hashed(legacyScript, content);
    writeFileSync(path.join(outdir, target), content);
    next["dsfr.nomodule"] = `/assets/${target}`;
    return { manifest: next, inputs: Object.keys(result.metafile.inputs).filter((file) => !file.includes("node_modules")) };
  }

  /** What the bundles depend on besides their own files: libraries and this code (in every key), the icons in use. */
  const bundleKey = (words: Set<string> | undefined) =>
    cacheKey(
      "src/plugins/assets.ts",
      readFileSync("src/build/fontSubset.ts"),
      readFileSync("src/build/purgeStyles.ts"),
      words ? [...words].filter((word) => /^fr-(icon|fi)-/.test(word)).sort().join(" ") : "toutes les icônes",
    );

  let purge: StylePurge | undefined;
  type BuildStart = { directories: { input: string; includes: string; data: string; output: string }; runMode: string };
  eleventyConfig.on("eleventy.before", async ({ directories, runMode }: BuildStart) => {
    const { input, includes, data, output } = directories;
    // Production only: the dev server rebuilds pages one at a time, and a purge would drop the styles of the others.
    const production = runMode === "build";
    // Everything whose words can reach a page: content, layouts, data and the code that writes markup.
    const words = production ? sourceWords([input, includes, data, "src", "data"]) : undefined;
    if (bundlesChanged || !manifest.styles) manifest = await bundleOnce(output, bundleKey(words), (outdir) => bundle(outdir, words));
    bundlesChanged = false;
    purge = undefined;
    if (!production) return;
    purge = await StylePurge.start({
      output,
      stylesheetUrl: manifest.styles!,
      dsfrScriptFile: `${dsfr}/dsfr.module.min.js`,
      words: words!,
    });
    manifest.styles = purge.url;
  });
  eleventyConfig.addWatchTarget("./src/client/");
  // Added after the images plugin's transform, so it sees each page as it is written.
  eleventyConfig.addTransform("style-purge-check", (html: string) => {
    if (purge && typeof html === "string") purge.notePage(html);
    return html;
  });
  eleventyConfig.on("eleventy.after", async () => {
    if (purge) manifest.styles = await purge.finish();
  });

  eleventyConfig.addFilter("asset", (name: string) => {
    const url = manifest[name];
    if (!url) throw new Error(`Ressource inconnue « ${name} » (connues : ${Object.keys(manifest).join(", ")}).`);
    return url;
  });
  eleventyConfig.addFilter("clientScriptsFor", (html: string) =>
    Object.entries(clientScripts)
      .filter(([, { marker }]) => typeof html === "string" && [marker].flat().some((m) => html.includes(m)))
      .map(([name]) => name),
  );
}
