import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build.ts";
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
