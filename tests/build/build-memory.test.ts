import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build.ts";
import { templatesInFlight } from "../../src/build/templatesInFlight.ts";
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
  it("never has more than the limit of pages between their layout and their file", async () => {
    const site = createFixtureSite();
    const posts = templatesInFlight * 3;
    for (let n = 1; n <= posts; n++) {
      site.write(`actualites/billet-${n}.md`, `---\ntitle: Billet ${n}\nlayout: layouts/post.njk\ndate: 2026-01-${String((n % 28) + 1).padStart(2, "0")}\n---\nTexte ${n}.\n`);
    }
    let inside = 0;
    let most = 0;
    let seen = 0;
    // Eleventy awaits each transform: without the limit every page would be in here at once.
    const observe = (eleventyConfig: EleventyConfig) =>
      eleventyConfig.addTransform("observe-pages-in-flight", async (content: string | Buffer) => {
        seen++;
        most = Math.max(most, ++inside);
        await new Promise((resolve) => setImmediate(resolve));
        inside--;
        return content;
      });
    await buildSite({ input: site.input, output: site.output, extraConfig: observe });

    expect(seen).toBeGreaterThan(posts);
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(templatesInFlight);
  });
});
