import { createHash } from "node:crypto";
import { readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PurgeCSS } from "purgecss";

/**
 * Classes DSFR's script adds at run time. It composes them from quoted fragments without the "fr-" prefix
 * (`tabs__shadow--left`, `tooltip--shown`…): the element and modifier ones are kept, not the bare component
 * names it also quotes to find its components, which would keep every component's styles.
 */
export function dsfrRuntimeClasses(dsfrScript: string): string[] {
  const fragments = new Set([...dsfrScript.matchAll(/['"`]([a-z][a-z0-9_-]*)['"`]/g)].map((match) => match[1]!));
  return [...fragments].filter((fragment) => fragment.includes("--") || fragment.includes("__")).map((fragment) => `fr-${fragment}`);
}

/** Attributes DSFR's selectors test that its script, not the HTML, sets (aria-expanded, data-fr-scrolling…). */
export function stateAttributes(css: string): string[] {
  return [...new Set([...css.matchAll(/\[((?:aria|data-fr)-[a-z0-9-]+)/g)].map((match) => match[1]!))];
}

/**
 * Keeps, in the site's stylesheet, only the rules whose selectors appear in the built pages, in the site's scripts
 * or among the classes DSFR's script adds; then renames the file after its new content and updates the pages.
 */
export async function purgeStyles(output: string, stylesheetUrl: string, dsfrScriptFile: string): Promise<string> {
  const assets = path.join(output, "assets");
  const cssFile = path.join(output, stylesheetUrl);
  const html = readdirSync(output, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".html") && !file.startsWith("pagefind"))
    .map((file) => path.join(output, file));
  // The site's own scripts may write classes; DSFR's are covered by dsfrRuntimeClasses.
  const scripts = readdirSync(assets)
    .filter((file) => file.endsWith(".js") && !file.startsWith("dsfr."))
    .map((file) => path.join(assets, file));
  const bundled = readFileSync(cssFile, "utf8");
  // PurgeCSS would hold every page in memory at once; the set of their words is all it needs.
  const words = new Set(dsfrRuntimeClasses(readFileSync(dsfrScriptFile, "utf8")));
  for (const file of [...html, ...scripts]) for (const word of readFileSync(file, "utf8").match(/[\w-]+/g) ?? []) words.add(word);
  const [result] = await new PurgeCSS().purge({
    content: [{ raw: [...words].join(" "), extension: "html" }],
    css: [{ raw: bundled }],
    fontFace: false,
    keyframes: false,
    // DSFR declares ~2,200 colour and spacing tokens for both themes; only those some kept rule reads stay.
    variables: true,
    dynamicAttributes: stateAttributes(bundled),
    safelist: {
      // State classes DSFR composes from variables rather than quoted fragments.
      standard: [/--(opened|expanded|selected|sticky-full-height|shadow|scroll|disabled)/, /^fr-collapsing$/, /^fr-transition-none$/, /scroll-divider/, /^fr-no-scroll/],
      // Alerts and badges written by the site's scripts from a variable type.
      greedy: [/^fr-alert--/, /^fr-badge--/],
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
      if (!page.includes(oldUrl)) continue;
      // Written aside then renamed: the search indexer reads these pages at the same time (eleventy.after
      // handlers run in parallel) and must never see a half-written one.
      writeFileSync(`${file}.tmp`, page.replaceAll(oldUrl, newUrl));
      renameSync(`${file}.tmp`, file);
    }
  }
  return `/assets/${name}`;
}
