import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { linkOrCopy } from "../build/fileLinks.ts";
import { cacheKey, readCached, writeCached } from "../build/buildCache.ts";
import { fileURLToPath } from "node:url";
import { publicFolders } from "./staticFiles.ts";
import type ImageLibrary from "@11ty/eleventy-img";
import type sharp from "sharp";
import { findImageTags, pictureMarkup, type ImageVariant } from "../content/imageTags.ts";
import { lighterImageFormats } from "../content/imageFormats.ts";
import { inputDirectory, type EleventyConfig } from "../eleventy-types.ts";

/**
 * Encoded images outlive the build folder: a rebuild reuses them instead of encoding them again
 * (file names are a hash of the source and the options). IMAGE_CACHE moves it (the benchmark empties its own).
 */
const imageCache = process.env.IMAGE_CACHE ?? ".cache/images";
const thisModule = fileURLToPath(import.meta.url);
const urlPath = "/images/";
// eleventy-img encodes at least 8 images at once; each already uses every core through sharp, so on a small
// machine one per core is faster and lighter (40 thumbnails on 2 cores: 21.5 → 17.5 s, 571 → 499 MB peak).
const imageConcurrency = Math.max(1, availableParallelism());
// libvips keeps recent operations and files in memory for reuse; each image here is encoded once, so that
// cache only added to the cold build's peak (6,000 posts, 4 alternated pairs: median ~950 → ~917 MB, max 996 → 926).
let encoder: Promise<typeof ImageLibrary> | undefined;
/** eleventy-img and sharp, loaded when an image has to be read: a warm build remembers every variant (0.1 s of imports). */
function imageLibrary(): Promise<typeof ImageLibrary> {
  encoder ??= Promise.all([import("@11ty/eleventy-img"), import("sharp")]).then(([{ default: Image }, { default: sharpLibrary }]) => {
    Image.concurrency = imageConcurrency;
    sharpLibrary.cache(false);
    return Image;
  });
  return encoder;
}

const imageOptions = {
  // Cards are at most 384 px wide and the text column 792 px; 800 covers both on a 2× screen.
  widths: [400, 800],
  // Then the original format, the fallback for browsers without either.
  formats: [...lighterImageFormats],
  outputDir: imageCache,
  urlPath,
  // Vector images are published as they are (with their dimensions), never rasterised.
  svgShortCircuit: true,
  // AVIF at sharp's default effort (4) costs a second per image on this 2-core machine; 2 is 2.5× faster for a few % more bytes.
  sharpAvifOptions: { effort: 2 },
};

/** What sites showing a link to a page read (social networks, messaging apps): one JPEG in their 1.91:1 frame. */
const shareRatio = 630 / 1200;
/** Cropped to that frame at the width it is encoded at (1200 px, or the original's when smaller: never enlarged). */
async function shareCrop(image: ReturnType<typeof sharp>, { width }: { width: number }): Promise<void> {
  image.resize({ width, height: Math.round(width * shareRatio), fit: "cover" });
}
const shareImageOptions = { widths: [1200], formats: ["jpeg"], outputDir: imageCache, urlPath, svgShortCircuit: false, transform: shareCrop, sharpJpegOptions: { quality: 80 } };

/** The page's `<meta property="og:image">` as the layout writes it (a site address, see base.njk), if any. */
const shareImageTag = /<meta property="og:image" content="([^"]+)">/;

/**
 * The variants of an image encoded by an earlier build, while its file (path, size, modification time) is the same
 * and they are all in the cache: eleventy-img would read and hash the whole original, and read its header again,
 * to find the same names (0.3 s of main thread, more of sharp's, per warm build of the live-shaped site).
 */
function rememberedVariants(key: string): ImageVariant[][] | undefined {
  const remembered = readCached("image-variants", key);
  if (remembered === undefined) return undefined;
  const formats = JSON.parse(remembered) as ImageVariant[][];
  return formats.flat().every((variant) => existsSync(path.join(imageCache, path.basename(variant.url)))) ? formats : undefined;
}

/** What the browser is told about the width an image takes, when its tag does not say (`sizes`). */
const contentImageSizes = "(min-width: 62em) 792px, 100vw";

/** The source file of an image address: content/ beside the page or from the input root, else the public folders. */
function sourceFile(src: string, inputPath: string, input: string, publicRoots: string[]): string | undefined {
  if (/^([a-z]+:|\/\/)/i.test(src)) return undefined;
  const clean = decodeURI(src.split(/[?#]/)[0]!);
  const candidates = clean.startsWith("/") ? [path.join(input, clean), ...publicRoots.map((folder) => path.join(folder, clean))] : [path.join(path.dirname(inputPath), clean)];
  return candidates.find((file) => existsSync(file));
}

/** The format eleventy-img would call the original, from the file name (its stats would say "svg" for a vector image's variants anyway). */
function originalFormat(file: string): string {
  const extension = path.extname(file).slice(1).toLowerCase();
  return extension === "jpg" ? "jpeg" : extension;
}

/**
 * The bitmap format of an SVG that is only a wrapper around a bitmap (an editor's thumbnail exported from a
 * slide tool: a base64 PNG or JPEG making most of the file). Such a file is a photo, not a drawing: published
 * as it is, it weighed hundreds of KB on every list; it is encoded like any raster image instead.
 */
export function wrappedBitmapFormat(svg: string): "png" | "jpeg" | undefined {
  const embedded = [...svg.matchAll(/data:image\/(png|jpe?g|webp);base64,([A-Za-z0-9+/=\s]+)/g)];
  const bitmapBytes = embedded.reduce((total, match) => total + match[2]!.length, 0);
  if (embedded.length === 0 || bitmapBytes < svg.length * 0.5) return undefined;
  return embedded.some((match) => match[1] === "png") ? "png" : "jpeg";
}

/**
 * The page with each edit's span replaced by its markup, put together once from the pieces between them
 * rather than copied again per edit (list pages have about ten images).
 */
function assemble(content: string, edits: { index: number; length: number; markup: string }[]): string {
  if (!edits.length) return content;
  const pieces: string[] = [];
  let copied = 0;
  for (const edit of edits.sort((a, b) => a.index - b.index)) {
    pieces.push(content.slice(copied, edit.index), edit.markup);
    copied = edit.index + edit.length;
  }
  pieces.push(content.slice(copied));
  return pieces.join("");
}

/**
 * Every local image of the built pages goes through @11ty/eleventy-img: AVIF and WebP before the original
 * format, at the widths it is shown at, with its dimensions so the page does not shift. An image that cannot
 * be found is left as written, for `npm run check` to report.
 */
export default function imagesPlugin(eleventyConfig: EleventyConfig): void {
  const used = new Set<string>();
  let encoding: Promise<unknown>[] = [];
  // A thumbnail appears on many pages (lists, tags, series): its variants are worked out and queued once per build.
  const variantsOf = new Map<string, Promise<ImageVariant[][]>>();
  eleventyConfig.on("eleventy.before", () => variantsOf.clear());
  // Found once per build configuration, not per image of every page.
  const publicRoots = publicFolders(inputDirectory(eleventyConfig));

  async function queueEncoding(file: string, inputPath: string, share = false): Promise<ImageVariant[][]> {
    const { size, mtimeMs } = statSync(file);
    const memoKey = cacheKey(thisModule, path.resolve(file), String(size), String(mtimeMs), path.resolve(imageCache), share ? "partage" : "");
    const remembered = rememberedVariants(memoKey);
    if (remembered) {
      for (const variant of remembered.flat()) used.add(path.basename(variant.url));
      return remembered;
    }
    const bitmap = originalFormat(file) === "svg" ? wrappedBitmapFormat(readFileSync(file, "utf8")) : undefined;
    const options = share
      ? shareImageOptions
      : bitmap
      ? // Rasterised at the widths it is shown at, never above its own size, with its bitmap's format as the fallback.
        { ...imageOptions, formats: [...imageOptions.formats, bitmap], svgShortCircuit: false, svgAllowUpscale: false }
      : { ...imageOptions, formats: [...imageOptions.formats, originalFormat(file)] };
    const unreadable = (reason: string) =>
      new Error(`Image illisible « ${file} » (utilisée par ${inputPath}) : ${reason}. Remplacez le fichier par une image PNG, JPEG, WebP ou SVG valide.`);
    const Image = await imageLibrary();
    let metadata: Record<string, ImageVariant[]>;
    try {
      // The markup needs only the variants' names and sizes: known from the file's header, before any encoding.
      metadata = (await Image(file, { ...options, statsOnly: true })) as Record<string, ImageVariant[]>;
    } catch {
      // The library's own message here names sharp's internals ("Input file contains unsupported image format").
      throw unreadable("son format n'est pas reconnu");
    }
    const formats = Object.values(metadata).filter((variants) => variants.length);
    encoding.push(
      Image(file, options).then(
        () => writeCached("image-variants", memoKey, JSON.stringify(formats), 5000),
        (error: Error) => {
          throw unreadable(error.message);
        },
      ),
    );
    for (const variant of formats.flat()) used.add(path.basename(variant.url));
    return formats;
  }

  // The markup is written from the image's dimensions alone; the encoding runs in the background, all images
  // at once, instead of holding each page until its images are done (which made them encode one by one).
  eleventyConfig.addTransform("responsive-images", async function (this: { page: { inputPath: string; outputPath: string | false } }, content: string) {
    const { inputPath, outputPath } = this.page;
    if (typeof outputPath !== "string" || !outputPath.endsWith(".html")) return content;
    const variants = (src: string | undefined, share = false) => {
      const file = src ? sourceFile(src, inputPath, inputDirectory(eleventyConfig), publicRoots) : undefined;
      if (!file) return undefined;
      const key = share ? `${file}\0partage` : file;
      let known = variantsOf.get(key);
      if (!known) variantsOf.set(key, (known = queueEncoding(file, inputPath, share)));
      return known;
    };
    const edits: { index: number; length: number; markup: string }[] = [];
    for (const image of content.includes("<img") ? findImageTags(content) : []) {
      const formats = await variants(image.attributes.get("src"));
      if (formats) edits.push({ index: image.index, length: image.tag.length, markup: pictureMarkup(image, formats, contentImageSizes) });
    }
    const share = shareImageTag.exec(content);
    const shareVariant = share && (await variants(share[1], true))?.[0]?.[0];
    if (share && shareVariant) {
      // Absolute, on the page's own origin (its canonical address): a link preview has no page to resolve it against.
      const origin = new URL(/<link rel="canonical" href="([^"]+)"/.exec(content)?.[1] ?? "https://invalid/").origin;
      const height = Math.round(shareVariant.width * shareRatio);
      edits.push({
        index: share.index,
        length: share[0].length,
        markup: `<meta property="og:image" content="${origin}${shareVariant.url}"><meta property="og:image:width" content="${shareVariant.width}"><meta property="og:image:height" content="${height}">`,
      });
    }
    return assemble(content, edits);
  });

  // The pages only point at the encoded files they use: those are copied from the cache into the site.
  // A name is a hash of the source and the options, so a file already there (dev server) is the same file.
  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    const pending = encoding;
    encoding = [];
    await Promise.all(pending);
    const target = path.join(directories.output, urlPath);
    mkdirSync(target, { recursive: true });
    for (const name of used) {
      const published = path.join(target, name);
      // Linked from the cache: 22 MB of variants on the live-shaped site, 0.2 s of copying per build.
      if (!existsSync(published)) linkOrCopy(path.join(imageCache, name), published);
    }
  });
}
