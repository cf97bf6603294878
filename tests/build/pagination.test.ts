import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { buildSite } from "../../src/build/build.ts";
import { createFixtureSite } from "../support/fixture-site.ts";

/** 21 posts: three pages of news (10, 10, 1); one tag on every post, one tag on a single post. */
const site = createFixtureSite();
const load = (url: string) =>
  parseHTML(readFileSync(path.join(site.output, url, "index.html"), "utf8")).document as unknown as Document;

beforeAll(async () => {
  site.write("actualites/actualites.11tydata.json", readFileSync("content/actualites/actualites.11tydata.json", "utf8"));
  for (let i = 1; i <= 21; i++) {
    const day = String(i).padStart(2, "0");
    const tags = i === 7 ? ["Commun", "Été 2025"] : ["Commun"];
    site.write(`actualites/billet-${day}.md`, `---\ntitle: Billet ${day}\ndate: 2025-03-${day}\ntags: ${JSON.stringify(tags)}\n---\nTexte.\n`);
  }
  await buildSite({ input: site.input, output: site.output, quiet: true });
});

describe("pagination boundaries", () => {
  it("puts exactly 9 posts per page (three rows of three) and the remainder on the last page", () => {
    expect(load("actualites").querySelectorAll(".fr-card")).toHaveLength(9);
    expect(load("actualites/page-2").querySelectorAll(".fr-card")).toHaveLength(9);
    expect(load("actualites/page-3").querySelectorAll(".fr-card")).toHaveLength(3);
    // The live site's fourth page (six posts a page, so from the 19th) leads to the page that now holds its first post.
    expect(readFileSync(path.join(site.output, "actualites/page-4/index.html"), "utf8")).toContain('url=/actualites/page-3/"');
    expect([...load("actualites/page-3").querySelectorAll(".fr-card__title")].at(-1)?.textContent).toBe("Billet 01");
  });

  it("marks the last page as current and disables next and last", () => {
    const last = load("actualites/page-3");
    expect(last.querySelector('.fr-pagination [aria-current="page"]')?.textContent).toBe("3");
    expect(last.querySelector(".fr-pagination__link--next")?.hasAttribute("href")).toBe(false);
    expect(last.querySelector(".fr-pagination__link--first")?.getAttribute("href")).toBe("/actualites/");
    expect(last.querySelector("title")?.textContent).toBe("Actualités – page 3 sur 3 – Numérique écoresponsable");
  });

  it("paginates tag pages the same way, and a single page has no pagination", () => {
    expect(load("actualites/tags/commun/page-3").querySelectorAll(".fr-card")).toHaveLength(3);
    const single = load("actualites/tags/ete-2025");
    expect(single.querySelectorAll(".fr-card")).toHaveLength(1);
    expect(single.querySelector(".fr-pagination")).toBeNull();
  });
});
