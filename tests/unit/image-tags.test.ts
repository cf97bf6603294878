import { describe, expect, it } from "vitest";
import { findImageTags, pictureMarkup, type ImageVariant } from "../../src/content/imageTags.ts";

const variant = (format: string, width: number, height: number): ImageVariant => ({ url: `/images/abc-${width}.${format}`, width, height, sourceType: `image/${format}` });

describe("findImageTags", () => {
  it("reads each tag's attributes as written, quoted either way or bare", () => {
    const [image] = findImageTags(`<p><img src="/a.png" alt='l&#39;eau "douce"' class=photo hidden></p>`);
    expect(image!.tag).toBe(`<img src="/a.png" alt='l&#39;eau "douce"' class=photo hidden>`);
    expect(image!.index).toBe("<p>".length);
    expect([...image!.attributes]).toEqual([
      ["src", "/a.png"],
      ["alt", 'l&#39;eau "douce"'],
      ["class", "photo"],
      ["hidden", undefined],
    ]);
  });

  it("leaves comments and existing <picture> elements alone, and sees a > inside a quoted value", () => {
    const html = `<!-- <img src="/old.png"> --><picture><source srcset="/b.avif"><img src="/b.png" alt=""></picture><img alt="a > b" src="/c.png">`;
    expect(findImageTags(html).map((image) => image.attributes.get("src"))).toEqual(["/c.png"]);
  });
});

describe("pictureMarkup", () => {
  const formats = [
    [variant("avif", 400, 225), variant("avif", 800, 450)],
    [variant("webp", 400, 225), variant("webp", 800, 450)],
    [variant("png", 400, 225), variant("png", 800, 450)],
  ];

  it("offers AVIF then WebP, falls back to the original format, and reserves the image's space", () => {
    const [image] = findImageTags(`<img src="/a.png" alt="Schéma" class="fr-responsive-img" width="10">`);
    expect(pictureMarkup(image!, formats, "100vw")).toBe(
      '<picture><source type="image/avif" srcset="/images/abc-400.avif 400w, /images/abc-800.avif 800w" sizes="100vw">' +
        '<source type="image/webp" srcset="/images/abc-400.webp 400w, /images/abc-800.webp 800w" sizes="100vw">' +
        '<img alt="Schéma" class="fr-responsive-img" src="/images/abc-400.png" srcset="/images/abc-400.png 400w, /images/abc-800.png 800w" sizes="100vw" width="800" height="450" loading="lazy" decoding="async"></picture>',
    );
  });

  it("keeps the author's sizes and loading, and escapes a quote from a single-quoted value", () => {
    const [image] = findImageTags(`<img src="/a.png" alt='Un "mot"' sizes="50vw" loading="eager">`);
    const markup = pictureMarkup(image!, formats, "100vw");
    expect(markup).toContain('sizes="50vw"');
    expect(markup).not.toContain("100vw");
    expect(markup).toContain('loading="eager"');
    expect(markup).toContain('alt="Un &quot;mot&quot;"');
  });

  it("writes a plain <img> with its dimensions for a single file (an SVG passed through)", () => {
    const [image] = findImageTags(`<img src="/logo.svg" alt="">`);
    expect(pictureMarkup(image!, [[{ url: "/images/abc-640.svg", width: 640, height: 360, sourceType: "image/svg+xml" }]], "100vw")).toBe(
      '<img alt="" src="/images/abc-640.svg" width="640" height="360" loading="lazy" decoding="async">',
    );
  });
});
