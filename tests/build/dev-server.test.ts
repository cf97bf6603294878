import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createFixtureSite } from "../support/fixture-site.ts";
import { startDevServer } from "../../src/bench/devServerEdit.ts";

/** The text of every page in the site's Pagefind index (each fragment is gzipped JSON after a signature). */
function indexedText(output: string): string {
  const folder = path.join(output, "pagefind/fragment");
  return readdirSync(folder)
    .map((name) => gunzipSync(readFileSync(path.join(folder, name))).toString("utf8"))
    .join("\n");
}

describe("the dev server", () => {
  it("updates every list that shows a post when its title changes (home, news list, section page, site map), then the search index", async () => {
    const site = createFixtureSite();
    cpSync("content", site.input, { recursive: true });
    const server = startDevServer(site.input, site.output, { port: 8095 });
    try {
      await server.waitForBuild(1, 60);
      const post = path.join(site.input, "actualites/evenements/formation-ecoconception-2027.md");
      const pages = ["index.html", "actualites/index.html", "formations/index.html", "plan-du-site/index.html"];
      for (const page of pages) expect(readFileSync(path.join(site.output, page), "utf8"), page).not.toContain("Titre changé pendant l'aperçu");
      // Let the watcher settle: Eleventy ignores changes made while it writes.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      writeFileSync(post, readFileSync(post, "utf8").replace(/^title: .*$/m, `title: "Titre changé pendant l'aperçu"`));
      await server.waitForBuild(2, 60);
      for (const page of pages) expect(readFileSync(path.join(site.output, page), "utf8"), page).toContain("Titre changé pendant l&#39;aperçu");
      // The search index follows in the background, and says when it is done.
      await server.waitForSearchIndex(2, 60);
      expect(indexedText(site.output)).toContain("Titre changé pendant l'aperçu");
    } finally {
      server.stop();
    }
  }, 120_000);
});
