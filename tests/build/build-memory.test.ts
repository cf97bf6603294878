import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build.ts";
import { createEleventy } from "../../src/build/eleventy.ts";
import { templatesInFlight } from "../../src/patches/templatesInFlight.ts";
import type { EleventyConfig } from "../../src/eleventy-types.ts";
import { createFixtureSite } from "../support/fixture-site.ts";

interface WrittenPage {
  outputPath: string;
  content: unknown;
}

describe("a production build keeps its pages as bytes", () => {
  it("hands Eleventy UTF-8 bytes, written intact", async () => {
    const site = createFixtureSite();
    site.write("index.md", "---\ntitle: Écoconception à l'œuvre\n---\nDéjà « numérique » : ça évolue.\n");
    site.write("actualites/deuxieme.md", "---\ntitle: Deuxième page\nlayout: layouts/post.njk\ndate: 2026-01-02\n---\nRéemploi des équipements.\n");
    let written: WrittenPage[] = [];
    const capture = (eleventyConfig: EleventyConfig) =>
      eleventyConfig.on("eleventy.after", ({ results }: { results: WrittenPage[] }) => {
        written = results;
      });
    await buildSite({ input: site.input, output: site.output, extraConfig: capture });

    const pages = written.filter((page) => page.outputPath.endsWith(".html"));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) expect(Buffer.isBuffer(page.content), page.outputPath).toBe(true);
    const home = readFileSync(path.join(site.output, "index.html"), "utf8");
    expect(home).toContain("Déjà « numérique » : ça évolue.");
    const post = readFileSync(path.join(site.output, "actualites", "deuxieme", "index.html"), "utf8");
    expect(post).toContain("<title>Deuxième page");
    expect(post).toContain("Réemploi des équipements.");
  });
});

describe("a build renders a few templates at a time", () => {
  /** A site of three times the limit in posts, and a transform that counts the pages between their layout and their file. */
  function siteCountingPagesInFlight() {
    const site = createFixtureSite();
    const posts = templatesInFlight * 3;
    for (let n = 1; n <= posts; n++) {
      site.write(`actualites/billet-${n}.md`, `---\ntitle: Billet ${n}\nlayout: layouts/post.njk\ndate: 2026-01-${String((n % 28) + 1).padStart(2, "0")}\n---\nTexte ${n}.\n`);
    }
    const counts = { seen: 0, most: 0, inside: 0 };
    // Eleventy awaits each transform: without the limit every page would be in here at once.
    const observe = (eleventyConfig: EleventyConfig) =>
      eleventyConfig.addTransform("observe-pages-in-flight", async (content: string | Buffer) => {
        counts.seen++;
        counts.most = Math.max(counts.most, ++counts.inside);
        await new Promise((resolve) => setImmediate(resolve));
        counts.inside--;
        return content;
      });
    return { site, posts, counts, observe };
  }

  it("never has more than the limit of pages between their layout and their file", async () => {
    const { site, posts, counts, observe } = siteCountingPagesInFlight();
    await buildSite({ input: site.input, output: site.output, extraConfig: observe });

    expect(counts.seen).toBeGreaterThan(posts);
    expect(counts.most).toBeGreaterThan(1);
    expect(counts.most).toBeLessThanOrEqual(templatesInFlight);
  });

  it("and neither does a rebuild of the dev server, which makes a new Eleventy writer each time", async () => {
    const { site, posts, counts, observe } = siteCountingPagesInFlight();
    const builds: number[] = [];
    const eleventy = createEleventy(site.input, site.output, {
      quietMode: true,
      configPath: "eleventy.config.ts",
      config: (eleventyConfig: EleventyConfig) => {
        observe(eleventyConfig);
        eleventyConfig.on("eleventy.after", () => {
          builds.push(counts.most);
          counts.most = 0;
        });
      },
    });
    // As src/build/watch.ts does, without incremental builds: a rebuild renders every template again.
    await eleventy.init();
    await eleventy.watch();
    try {
      site.write("actualites/billet-1.md", `---\ntitle: Billet 1, modifié\nlayout: layouts/post.njk\ndate: 2026-01-02\n---\nTexte.\n`);
      await expect.poll(() => builds.length, { timeout: 30_000 }).toBe(2);
    } finally {
      await eleventy.stopWatch();
    }
    expect(counts.seen).toBeGreaterThan(2 * posts);
    for (const most of builds) expect(most).toBeGreaterThan(1);
    for (const most of builds) expect(most).toBeLessThanOrEqual(templatesInFlight);
  }, 60_000);
});
