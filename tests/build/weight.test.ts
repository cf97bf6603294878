import { existsSync, readFileSync, readdirSync } from "node:fs";
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

  it("publishes Marianne cut to the site's characters: about 21 KB a face instead of DSFR's 41 KB, the WOFF fallback likewise", () => {
    const fonts = assets.filter((file) => /^Marianne-.*\.woff2?$/.test(file));
    expect(fonts).toHaveLength(4);
    for (const font of fonts) {
      const kb = readFileSync(path.join(builtSite, "assets", font)).length / 1024;
      expect(kb, font).toBeLessThan(font.endsWith(".woff2") ? 22 : 25);
    }
  });

  it("loads DSFR's scripts for every DSFR component its pages use", () => {
    const dsfrDist = "node_modules/@gouvfr/dsfr/dist/component";
    const imported = [...readFileSync("src/client/dsfr.ts", "utf8").matchAll(/dist\/component\/([a-z]+)\//g)].map((m) => m[1]!);
    const withScript = readdirSync(dsfrDist).filter((name) => existsSync(path.join(dsfrDist, name, `${name}.module.min.js`)));
    // The class that marks each component left out (DSFR does not always name it after the folder).
    const leftOut: Record<string, string> = { password: "fr-password", range: "fr-range", segmented: "fr-segmented", tab: "fr-tabs", toggle: "fr-toggle", tooltip: "fr-tooltip" };
    expect(withScript.filter((name) => !imported.includes(name)).sort()).toEqual(Object.keys(leftOut));
    for (const { file, document } of pages) {
      const classes = [...document.querySelectorAll("[class]")].flatMap((el) => el.getAttribute("class")!.split(/\s+/));
      for (const [component, marker] of Object.entries(leftOut)) {
        expect(classes.filter((name) => name === marker || name.startsWith(`${marker}__`) || name.startsWith(`${marker}-`)), `${file} uses ${component}`).toEqual([]);
      }
    }
  });

  it("keeps the stylesheet and the site's scripts within their weight (gzip)", () => {
    const css = assets.find((file) => /^styles-.*\.css$/.test(file))!;
    // DSFR in full is 91 KB gzip; its main build purged against the pages, icons in use inlined, about 29 KB.
    expect(gzKb(css)).toBeLessThan(35);
    const dsfrScript = assets.find((file) => /^dsfr\.module-.*\.js$/.test(file))!;
    // DSFR's whole module build is 28 KB gzip; its core and the components in use, about 23 KB.
    expect(gzKb(dsfrScript)).toBeLessThan(25);
    for (const script of assets.filter((file) => /^(video-consent|search|rgesn-filters|quiz)-.*\.js$/.test(file))) {
      expect(gzKb(script), script).toBeLessThan(5);
    }
  });
});

describe("the search files published", () => {
  it("are Pagefind's engine and index, without its ready-made interfaces the site does not use", () => {
    const files = readdirSync(path.join(builtSite, "pagefind"));
    expect(files).toEqual(expect.arrayContaining(["pagefind.js", "pagefind-entry.json", "wasm.fr.pagefind"]));
    expect(files.filter((file) => /-ui\.|highlight/.test(file))).toEqual([]);
  });
});
