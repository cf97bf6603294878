import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { indexSite } from "../../src/build/searchIndex.ts";
import { recordPagesOutsideSearch, searchGlobs } from "../../src/build/searchScope.ts";
import type { EleventyConfig } from "../../src/eleventy-types.ts";
import { createFixtureSite } from "../support/fixture-site.ts";

const searchable = (title: string) => `<!doctype html><html lang="fr"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>Sobriété ${title}</p></main></body></html>`;
const list = (title: string) => `<!doctype html><html lang="fr"><head><title>${title}</title></head><body><main><h1>${title}</h1><p>Liste</p></main></body></html>`;

function tempSite(files: Record<string, string>): string {
  mkdirSync(".cache/fixtures", { recursive: true });
  const root = mkdtempSync(path.resolve(".cache/fixtures/scope-"));
  for (const [file, html] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), html);
  }
  return root;
}

/** Pagefind's fragments (one per indexed page) with their contents, which do not depend on the order of reading. */
function fragmentsOf(site: string): Record<string, string> {
  const folder = path.join(site, "pagefind", "fragment");
  return Object.fromEntries(readdirSync(folder).map((name) => [name, readFileSync(path.join(folder, name), "base64")]));
}

// Every character Pagefind's glob syntax reserves, and some it does not.
const oddNames = ["a,b", "c{d}", "e[f]", "g(h)", "i<j>", "k:l", "m*n", "o?p", "q$r", "s!t", "u v", "é#~+@&;=%^"];

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the pages Pagefind reads", () => {
  it("skips the pages known to have nothing to index, and gives the same index as reading them all", async () => {
    const files: Record<string, string> = { "index.html": searchable("Accueil"), "actualites/index.html": list("Actualités"), "actualites/page-2/index.html": list("Page 2") };
    for (const name of oddNames) files[`${name}/index.html`] = searchable(`Page ${name}`);
    const outside = ["actualites/index.html", "actualites/page-2/index.html"];
    const scoped = tempSite(files);
    const whole = tempSite(files);
    const warn = vi.spyOn(console, "warn");

    expect(await indexSite(scoped, outside)).toBe(Object.keys(files).length - outside.length);
    expect(await indexSite(whole)).toBe(Object.keys(files).length);

    // No name fell back to the long way.
    expect(warn).not.toHaveBeenCalled();
    const fragments = fragmentsOf(scoped);
    expect(Object.keys(fragments)).toHaveLength(oddNames.length + 1);
    expect(fragments).toEqual(fragmentsOf(whole));
  });

  it("splits a long list into globs Pagefind accepts (it refuses one of ~250 KB), for the same index", async () => {
    // 6,000 posts with long names: some 400 KB of paths.
    const files: Record<string, string> = { "actualites/index.html": list("Actualités") };
    for (let i = 0; i < 6000; i++) files[`actualites/${i}-une-actualite-au-titre-plutot-long-comme-souvent/index.html`] = searchable(`Billet ${i}`);
    const scoped = tempSite(files);
    const globs = searchGlobs(scoped, ["actualites/index.html"]);
    expect(globs.length).toBeGreaterThan(2);
    const warn = vi.spyOn(console, "warn");
    expect(await indexSite(scoped, ["actualites/index.html"])).toBe(6000);
    expect(warn).not.toHaveBeenCalled();
    expect(Object.keys(fragmentsOf(scoped))).toHaveLength(6000);
  });

  it("lets Pagefind read every page when none has a search zone, as its own rule then indexes them whole", () => {
    const site = tempSite({ "index.html": list("Accueil"), "a/index.html": list("A") });
    expect(searchGlobs(site, ["index.html", "a/index.html"])).toEqual([]);
    expect(searchGlobs(site, ["index.html"])).toEqual(["{a/index.html}"]);
  });

  it("still reads the HTML files Eleventy did not write (copied files), and never its own folder", () => {
    const site = tempSite({ "index.html": searchable("Accueil"), "liste/index.html": list("Liste"), "verification.html": list("Copie"), "pagefind/x.html": list("Pagefind") });
    expect(searchGlobs(site, ["liste/index.html"]).map((glob) => glob.slice(1, -1).split(",").sort())).toEqual([["index.html", "verification.html"]]);
  });
});

describe("the pages written without a search zone", () => {
  function afterBuild(results: { outputPath: string | false; content: unknown }[]): string[] {
    const recorder = recordPagesOutsideSearch();
    let handler: ((event: unknown) => void) | undefined;
    recorder.configure({ on: (event: string, listener: (event: unknown) => void) => event === "eleventy.after" && (handler = listener) } as unknown as EleventyConfig);
    handler?.({ results, directories: { output: "_out" } });
    return recorder.files();
  }

  it("are the HTML pages whose text or bytes lack data-pagefind-body, in any case", () => {
    expect(
      afterBuild([
        { outputPath: "_out/index.html", content: searchable("Accueil") },
        { outputPath: "_out/actualites/index.html", content: list("Actualités") },
        { outputPath: "_out/actualites/page-2/index.html", content: Buffer.from(list("Page 2")) },
        { outputPath: "_out/billet/index.html", content: Buffer.from(searchable("Billet")) },
        { outputPath: "_out/brut/index.html", content: Buffer.from('<main DATA-PAGEFIND-BODY="">Écrit à la main</main>') },
        { outputPath: "_out/feed.xml", content: "<feed/>" },
        { outputPath: false, content: "" },
      ]),
    ).toEqual(["actualites/index.html", "actualites/page-2/index.html"]);
  });

  it("are none when no page has a search zone, for Pagefind then indexes every page whole", () => {
    expect(afterBuild([{ outputPath: "_out/index.html", content: list("Accueil") }, { outputPath: "_out/a/index.html", content: Buffer.from(list("A")) }])).toEqual([]);
  });
});

describe("npm run build", () => {
  it("has Pagefind read only the pages with a search zone, and publishes the index of them all", async () => {
    const site = createFixtureSite();
    site.write("index.md", "---\ntitle: Accueil test\n---\nBonjour.\n");
    for (const day of [3, 4, 5]) site.write(`actualites/billet-${day}.md`, `---\ntitle: Billet ${day}\nlayout: layouts/post.njk\ndate: 2026-02-0${day}\ntags: [Sobriété]\n---\nTexte du billet ${day}.\n`);
    const run = spawnSync(process.execPath, ["src/build/build.ts", `--input=${site.input}`, `--output=${site.output}`, "--stats"], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    const stats = JSON.parse(run.stdout.split("BUILD_STATS ")[1] ?? "{}") as { searchPagesRead?: number };
    const htmlFiles = readdirSync(site.output, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".html") && !file.startsWith("pagefind"));
    // The news list, the tag pages: Eleventy wrote them, they have no search zone.
    expect(stats.searchPagesRead).toBeGreaterThan(0);
    expect(stats.searchPagesRead).toBeLessThan(htmlFiles.length - 2);

    const whole = path.join(site.root, "whole");
    cpSync(site.output, whole, { recursive: true });
    rmSync(path.join(whole, "pagefind"), { recursive: true });
    expect(await indexSite(whole)).toBe(htmlFiles.length);
    expect(fragmentsOf(site.output)).toEqual(fragmentsOf(whole));
    expect(Object.keys(fragmentsOf(whole)).length).toBeGreaterThanOrEqual(4);
  });
});
