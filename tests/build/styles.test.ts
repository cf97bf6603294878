import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { buildSite } from "../../src/build/build.ts";
import { sourceWords } from "../../src/build/purgeStyles.ts";
import { createFixtureSite } from "../support/fixture-site.ts";
import { htmlFiles } from "../support/crawl.ts";
import { builtSite, loadPage } from "../support/site.ts";

const dsfrCss = readFileSync("node_modules/@gouvfr/dsfr/dist/dsfr.main.min.css", "utf8");
/** Class names a stylesheet has a rule for. */
const styledClasses = (css: string) => new Set([...css.replace(/\{[^{}]*\}/g, " ").matchAll(/\.([\w-]+)/g)].map((m) => m[1]!));
const stylesheetOf = (site: string, document: Document) => {
  const href = document.querySelector('link[rel="stylesheet"]')!.getAttribute("href")!;
  return readFileSync(path.join(site, href), "utf8");
};

describe("the purged stylesheet", () => {
  it("keeps a rule for every DSFR class a built page uses", () => {
    const dsfr = styledClasses(dsfrCss);
    const kept = styledClasses(stylesheetOf(builtSite, loadPage("/")));
    let checked = 0;
    for (const file of htmlFiles(builtSite)) {
      const classes = [...readFileSync(file, "utf8").matchAll(/class="([^"]*)"/g)].flatMap((m) => m[1]!.split(/\s+/));
      for (const name of new Set(classes)) {
        if (!dsfr.has(name)) continue;
        expect(kept.has(name), `${name} (${path.relative(builtSite, file)})`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it("reads code without its comments, and templates and content as they are", () => {
    const site = createFixtureSite();
    site.write("plugin.ts", '// fr-comment-word in a line comment\n/* fr-block-word */\nconst html: string = `<p class="fr-string-word">${"//fr-after-slashes"}</p>`;\nexport default html;\n');
    site.write("page.njk", '{# fr-template-comment #}<!-- fr-html-comment --><p class="fr-template-word"></p>');
    const words = sourceWords([site.input]);
    for (const kept of ["fr-string-word", "fr-after-slashes", "fr-template-word", "fr-template-comment", "fr-html-comment"]) expect(words.has(kept), kept).toBe(true);
    for (const dropped of ["fr-comment-word", "fr-block-word"]) expect(words.has(dropped), dropped).toBe(false);
  });

  it("drops the components no page can use", () => {
    const kept = styledClasses(stylesheetOf(builtSite, loadPage("/")));
    expect(sourceWords(["content", "_includes", "_data", "src", "data"]).has("fr-notice")).toBe(false);
    expect(["fr-notice", "fr-tabs", "fr-toggle", "fr-range"].filter((name) => kept.has(name))).toEqual([]);
  });

  it("is worked out again when a page gets a class no source spells out, and the pages link the new file", async () => {
    const site = createFixtureSite();
    // The class exists only once Nunjucks has joined its two halves: the purge cannot see it in the sources.
    site.write("composee.md", `---\ntitle: Classe composée\nlayout: layouts/page.njk\n---\n\n<div class="{{ 'fr-' ~ 'notice' }}">Bandeau</div>\n`);
    const log = vi.spyOn(console, "log");
    try {
      await buildSite({ input: site.input, output: site.output, quiet: true });
      expect(log.mock.calls.flat().filter((line) => String(line).startsWith("[styles]"))).toEqual([expect.stringContaining(": fr-notice ;")]);
    } finally {
      log.mockRestore();
    }
    const document = loadPage("/composee/", site.output);
    expect(document.querySelector("div.fr-notice")).not.toBeNull();
    expect(styledClasses(stylesheetOf(site.output, document)).has("fr-notice")).toBe(true);
    // One stylesheet in the site, the one every page links.
    const stylesheets = readdirSync(path.join(site.output, "assets")).filter((file) => file.startsWith("styles-"));
    expect(stylesheets).toHaveLength(1);
    for (const file of htmlFiles(site.output)) {
      const href = readFileSync(file, "utf8").match(/<link rel="stylesheet" href="([^"]+)"/)?.[1];
      expect(href, file).toBe(`/assets/${stylesheets[0]}`);
    }
    expect(existsSync(path.join(site.output, "assets", stylesheets[0]!))).toBe(true);
  });

  it("needs no second pass for a composed class it keeps anyway (alert types)", async () => {
    const site = createFixtureSite();
    site.write("alerte.md", `---\ntitle: Alerte composée\nlayout: layouts/page.njk\n---\n\n<div class="fr-alert {{ 'fr-alert--' ~ 'success' }}"><p>Attention</p></div>\n`);
    const log = vi.spyOn(console, "log");
    try {
      await buildSite({ input: site.input, output: site.output, quiet: true });
      expect(log.mock.calls.flat().filter((line) => String(line).startsWith("[styles]"))).toEqual([]);
    } finally {
      log.mockRestore();
    }
    expect(styledClasses(stylesheetOf(site.output, loadPage("/alerte/", site.output))).has("fr-alert--success")).toBe(true);
  });
});
