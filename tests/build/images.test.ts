import { copyFileSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { buildSite } from "../../src/build/build.ts";
import { wrappedBitmapFormat } from "../../src/plugins/images.ts";
import { describeBuildError } from "../../src/build/errors.ts";
import { createFixtureSite } from "../support/fixture-site.ts";
import { htmlFiles } from "../support/crawl.ts";
import { builtSite, loadPage, readPage, seedPages } from "../support/site.ts";

const imageUrls = (html: string) => [...html.matchAll(/(?:src|srcset)="([^"]+)"/g)].flatMap((m) => m[1]!.split(", ").map((entry) => entry.split(" ")[0]!));

describe("images of the built site", () => {
  it("offers the team photos in AVIF before their original WebP, lazily, with their dimensions", () => {
    const pictures = [...loadPage(seedPages.about).querySelectorAll(".team picture")];
    expect(pictures).toHaveLength(3);
    for (const picture of pictures) {
      expect([...picture.querySelectorAll("source")].map((s) => s.getAttribute("type"))).toEqual(["image/avif"]);
      const img = picture.querySelector("img")!;
      expect(img.getAttribute("src")).toMatch(/^\/images\/[\w-]+-400\.webp$/);
      expect([img.getAttribute("width"), img.getAttribute("height"), img.getAttribute("loading")]).toEqual(["400", "400", "lazy"]);
      expect(img.getAttribute("alt")).toMatch(/^[Pp]hoto /);
      expect(img.getAttribute("class")).toBe("fr-responsive-img");
    }
  });

  it("resizes the action plans' covers to the card's width, in three formats", () => {
    const pictures = [...loadPage(seedPages.plansAction).querySelectorAll(".fr-card__img picture")];
    expect(pictures).toHaveLength(13);
    const sources = [...pictures[0]!.querySelectorAll("source")];
    expect(sources.map((s) => s.getAttribute("type"))).toEqual(["image/avif", "image/webp"]);
    // The originals are 600 px wide: eleventy-img never enlarges, so 800 becomes 600.
    expect(sources[0]!.getAttribute("srcset")).toMatch(/-400\.avif 400w, \/images\/[\w-]+-600\.avif 600w$/);
    expect(pictures[0]!.querySelector("img")!.getAttribute("src")).toMatch(/-400\.png$/);
  });

  it("publishes every encoded file a page points at, and only local images", () => {
    const published = new Set(readdirSync(path.join(builtSite, "images")));
    let checked = 0;
    for (const file of htmlFiles(builtSite)) {
      for (const url of imageUrls(readPage(path.relative(builtSite, file)))) {
        if (!url.startsWith("/images/")) continue;
        expect(published.has(url.slice("/images/".length)), `${url} in ${file}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it("gives the search no thumbnail: its results are text", () => {
    const page = loadPage(seedPages.plansAction);
    expect(page.querySelectorAll('meta[name^="search:image"], [data-pagefind-meta^="image"]')).toHaveLength(0);
  });

  it("passes SVG thumbnails through, with their dimensions and no raster copy", () => {
    const img = loadPage("/ressources/videos/").querySelector(".fr-card__img img")!;
    expect(img.getAttribute("src")).toMatch(/^\/images\/[\w-]+\.svg$/);
    expect(img.parentElement!.tagName).not.toBe("PICTURE");
    expect([img.getAttribute("width"), img.getAttribute("height")]).toEqual(["640", "360"]);
  });
});

describe("SVG thumbnails that only wrap a bitmap", () => {
  it("are encoded like any photo, at the card's widths, in AVIF, WebP and their bitmap's format; a drawing stays a drawing", async () => {
    // What slide tools export: an SVG whose one element is a base64 photo (here 1,200 × 680 of noise, which compresses poorly).
    const { data } = await sharp({ create: { width: 1200, height: 680, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 40 } } }).png().toBuffer({ resolveWithObject: true });
    const wrapper = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="1200" height="680" viewBox="0 0 1200 680"><image width="1200" height="680" xlink:href="data:image/png;base64,${data.toString("base64")}"/></svg>`;
    expect(wrappedBitmapFormat(wrapper)).toBe("png");
    expect(wrappedBitmapFormat(readFileSync("content/actualites/videos/site_video_jeremievallet.svg", "utf8"))).toBeUndefined();
    const icon = `<svg xmlns="http://www.w3.org/2000/svg">${'<path d="M0 0h10v10z"/>'.repeat(200)}<image href="data:image/png;base64,iVBORw0KGgo="/></svg>`;
    expect(wrappedBitmapFormat(icon)).toBeUndefined();

    const site = createFixtureSite();
    site.write("actualites/vignette-lourde.md", "---\ntitle: Une vignette exportée\ndate: 2025-05-02\nimage:\n  path: ./vignette.svg\n  alt: Une vignette\n---\nTexte.\n");
    writeFileSync(path.join(site.input, "actualites/vignette.svg"), wrapper);
    await buildSite({ input: site.input, output: site.output, quiet: true });
    const picture = loadPage("/actualites/", site.output).querySelector(".fr-card__img picture")!;
    expect([...picture.querySelectorAll("source")].map((source) => source.getAttribute("type"))).toEqual(["image/avif", "image/webp"]);
    expect(picture.querySelector("source")!.getAttribute("srcset")).toMatch(/-400\.avif 400w, \/images\/[\w-]+-800\.avif 800w$/);
    const img = picture.querySelector("img")!;
    expect(img.getAttribute("src")).toMatch(/-400\.png$/);
    expect([img.getAttribute("width"), img.getAttribute("height")]).toEqual(["800", "453"]);
    const avif = statSync(path.join(site.output, picture.querySelector("source")!.getAttribute("srcset")!.split(" ")[0]!)).size;
    expect(avif).toBeLessThan(wrapper.length / 10);
  });
});

describe("images in an editor's Markdown", () => {
  it("transforms a relative image, leaves remote and missing ones as written, and reuses encoded files on rebuild", async () => {
    const site = createFixtureSite();
    copyFileSync("public/img/guide-achats/guide-achats-numerique-responsable.png", path.join(site.input, "schema.png"));
    site.write(
      "page.md",
      '---\ntitle: Page illustrée\n---\n\n![Schéma des achats](./schema.png)\n\n<img src="https://exemple.fr/photo.png" alt="Distante">\n\n<img src="/absente.png" alt="Absente">\n',
    );
    await buildSite({ input: site.input, output: site.output, quiet: true });
    const html = readPage("page/", site.output);
    expect(html).toMatch(/<picture><source type="image\/avif" srcset="\/images\/[\w-]+-400\.avif 400w, \/images\/[\w-]+-800\.avif 800w" sizes="\(min-width: 62em\) 792px, 100vw">/);
    expect(html).toMatch(/<img src="\/images\/[\w-]+-400\.png" [^>]*alt="Schéma des achats"|alt="Schéma des achats"[^>]* width="800" height="450"/);
    expect(html).toContain('<img src="https://exemple.fr/photo.png" alt="Distante">');
    expect(html).toContain('<img src="/absente.png" alt="Absente">');

    // The encoded files stay in the cache: a second build from scratch finds them and does not encode again.
    const cached = [...new Set(imageUrls(html).filter((url) => url.startsWith("/images/")))].map((url) => path.join(".cache/images", path.basename(url)));
    expect(cached.length).toBe(6);
    const written = cached.map((file) => statSync(file).mtimeMs);
    const again = createFixtureSite();
    copyFileSync(path.join(site.input, "schema.png"), path.join(again.input, "schema.png"));
    writeFileSync(path.join(again.input, "autre.md"), "---\ntitle: Autre page\n---\n\n![Le même schéma](./schema.png)\n");
    await buildSite({ input: again.input, output: again.output, quiet: true });
    expect(cached.map((file) => statSync(file).mtimeMs)).toEqual(written);
    for (const file of cached) expect(existsSync(path.join(again.output, "images", path.basename(file)))).toBe(true);
  });

  it("fails the build naming the file and the page when an image cannot be read", async () => {
    const site = createFixtureSite();
    site.write("faux.png", "ceci n'est pas une image");
    site.write("page.md", "---\ntitle: Image cassée\n---\n\n![Cassée](./faux.png)\n");
    const error = await buildSite({ input: site.input, output: site.output, quiet: true }).then(
      () => "",
      (e: unknown) => describeBuildError(e),
    );
    expect(error).toContain("faux.png");
    expect(error).toContain("page.md");
    expect(error).toContain("Remplacez le fichier");
    expect(error).not.toContain("undefined");
  });
});

describe("the image encoder", () => {
  it("keeps no cache of libvips operations, which only added to a cold build's peak memory", async () => {
    await import("../../src/plugins/images.ts");
    const { default: sharp } = await import("sharp");
    const limits = sharp.cache() as { memory: { max: number }; files: { max: number }; items: { max: number } };
    expect([limits.memory.max, limits.files.max, limits.items.max]).toEqual([0, 0, 0]);
  });
});
