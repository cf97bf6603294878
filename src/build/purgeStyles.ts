import { createHash } from "node:crypto";
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PurgeCSS } from "purgecss";

/**
 * Class fragments DSFR's script adds at run time (it writes them without the "fr-" prefix):
 * every identifier quoted in its source, prefixed, so no state class is purged by mistake.
 */
function dsfrRuntimeClasses(dsfrScript: string): string {
  const fragments = new Set([...dsfrScript.matchAll(/['"`]([a-z][a-z0-9_-]*)['"`]/g)].map((match) => `fr-${match[1]}`));
  return [...fragments].join(" ");
}

/**
 * Keeps, in the site's stylesheet, only the rules whose selectors appear in the built pages or in the scripts
 * (DSFR's and the site's); then renames the file after its new content and updates the pages.
 */
export async function purgeStyles(output: string, stylesheetUrl: string, dsfrScriptFile: string): Promise<string> {
  const assets = path.join(output, "assets");
  const cssFile = path.join(output, stylesheetUrl);
  const html = readdirSync(output, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".html") && !file.startsWith("pagefind"))
    .map((file) => path.join(output, file));
  const scripts = readdirSync(assets).filter((file) => file.endsWith(".js")).map((file) => path.join(assets, file));
  const [result] = await new PurgeCSS().purge({
    content: [...html, ...scripts, { raw: dsfrRuntimeClasses(readFileSync(dsfrScriptFile, "utf8")), extension: "html" }],
    css: [cssFile],
    fontFace: false,
    keyframes: false,
    variables: false,
    safelist: {
      // State classes DSFR's script composes at run time (modal--opened, collapse--expanded, …).
      standard: [/--(opened|expanded|selected|sticky-full-height|shadow|scroll|disabled)/, /^fr-collapsing$/, /^fr-transition-none$/, /scroll-divider/, /^fr-no-scroll/],
      // State is also carried by attributes DSFR sets (data-fr-*, aria-*) and by the theme on <html>.
      greedy: [/data-fr/, /aria-/, /^fr-alert--/, /^fr-badge--/],
    },
  });
  const css = result!.css;
  const name = `styles-${createHash("sha256").update(css).digest("hex").slice(0, 10).toUpperCase()}.css`;
  writeFileSync(path.join(assets, name), css);
  if (path.basename(cssFile) !== name) {
    rmSync(cssFile);
    const oldUrl = stylesheetUrl;
    const newUrl = `/assets/${name}`;
    for (const file of html) {
      const page = readFileSync(file, "utf8");
      if (page.includes(oldUrl)) writeFileSync(file, page.replaceAll(oldUrl, newUrl));
    }
  }
  return `/assets/${name}`;
}
