import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { builtSite } from "../support/site.ts";
import { htmlFiles } from "../support/crawl.ts";

const assets = readdirSync(path.join(builtSite, "assets"));
const gzKb = (file: string) => gzipSync(readFileSync(path.join(builtSite, "assets", file))).length / 1024;

describe("what every page loads", () => {
  const pages = htmlFiles(builtSite).map((file) => ({ file: path.relative(builtSite, file), document: parseHTML(readFileSync(file, "utf8")).document }));

  it("is one stylesheet, DSFR's script and at most one script of the site's own, all from the site itself", () => {
    for (const { file, document } of pages) {
      const stylesheets = [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute("href"));
      expect(stylesheets, file).toEqual([expect.stringMatching(/^\/assets\/styles-[A-Z0-9]+\.css$/)]);
      const scripts = [...document.querySelectorAll("script[src]")].map((s) => s.getAttribute("src")!);
      expect(scripts.filter((src) => !src.startsWith("/assets/dsfr.")).length, file).toBeLessThanOrEqual(1);
      // What the browser loads (canonical and alternate links are addresses, not downloads).
      const loaded = 'link[rel="stylesheet"], link[rel="preload"], link[rel="icon"], link[rel="manifest"], link[rel="apple-touch-icon"], script[src], img[src], iframe[src], source[srcset]';
      const external = [...document.querySelectorAll(loaded)]
        .map((el) => el.getAttribute("href") ?? el.getAttribute("src") ?? el.getAttribute("srcset")!)
        .filter((url) => /^(https?:)?\/\//.test(url));
      expect(external, file).toEqual([]);
    }
  });

  it("has no script of its own on pages that need none", () => {
    const plain = pages.find(({ file }) => file === "mentions-legales/index.html")!;
    const own = [...plain.document.querySelectorAll("script[src]")].filter((s) => !s.getAttribute("src")!.startsWith("/assets/dsfr."));
    expect(own).toEqual([]);
  });

  it("preloads the two Marianne faces in use, and publishes no other font", () => {
    expect(assets.filter((file) => file.endsWith(".woff2")).map((file) => file.split("-")[0] + "-" + file.split("-")[1])).toEqual([
      "Marianne-Bold",
      "Marianne-Regular",
    ]);
    const preloads = [...pages[0]!.document.querySelectorAll('link[rel="preload"][as="font"]')].map((l) => l.getAttribute("href"));
    expect(preloads).toHaveLength(2);
  });

  it("keeps the stylesheet and the site's scripts within their weight (gzip)", () => {
    const css = assets.find((file) => /^styles-.*\.css$/.test(file))!;
    // DSFR in full is 91 KB gzip; purged against the pages, with the icons in use inlined, about 48 KB.
    expect(gzKb(css)).toBeLessThan(55);
    for (const script of assets.filter((file) => /^(video-consent|search|rgesn-filters|quiz)-.*\.js$/.test(file))) {
      expect(gzKb(script), script).toBeLessThan(5);
    }
  });
});
