import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Plugin } from "esbuild";

/**
 * The characters the site's Marianne files keep: French, the other European languages written in Latin
 * script, and the punctuation and symbols French typography uses. Marianne also draws Vietnamese
 * (U+1E00–1EFF), spacing accents and combining marks: those glyphs, with the OpenType features no
 * stylesheet asks for, were half of each file. A character left out is drawn in the fallback font of
 * DSFR's font stack; `npm run check` names the pages where a letter is.
 */
export const fontCharacterRanges: readonly (readonly [number, number])[] = [
  [0x20, 0x7e], // Basic Latin
  [0xa0, 0x17f], // Latin-1 and Latin Extended-A: « », œ, Ÿ, and the letters of Central European names
  [0x218, 0x21b], // Ș ș Ț ț (Romanian)
  [0x2000, 0x206f], // General Punctuation: ’ “ ” – — … • and the narrow no-break space before ; : ! ?
  [0x2070, 0x209f], // superscripts and subscripts: CO₂
  [0x20ac, 0x20ac], // €
  [0x2100, 0x214f], // letterlike symbols: ™ №
  [0x2190, 0x21ff], // arrows
  [0x2200, 0x22ff], // mathematical operators: − ≤ ≥ ≠
];

/**
 * The OpenType features browsers apply without being asked. Neither DSFR's stylesheets nor the site's
 * ask for others (font-feature-settings, font-variant-numeric…); one that does needs its tag added here.
 */
export const fontLayoutFeatures = ["ccmp", "locl", "mark", "mkmk", "kern", "liga", "clig", "calt", "rlig", "rvrn"];

/** A new subset-font (and the HarfBuzz it brings) may cut differently: its version is part of the cache key. */
const subsetterVersion = (createRequire(import.meta.url)("subset-font/package.json") as { version: string }).version;

/** The font's legal names (trademark, maker, designer, licence) stay with every copy of it. */
const legalNameIds = [7, 8, 9, 11, 12, 13, 14];

export function isInFontSubset(codePoint: number): boolean {
  return fontCharacterRanges.some(([first, last]) => codePoint >= first && codePoint <= last);
}

const subsetText = fontCharacterRanges
  .flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, i) => String.fromCodePoint(first + i)))
  .join("");

/**
 * The font file cut down to the characters and features above. Subsetting and re-compressing take about
 * half a second per file, so the result is kept in `.cache/fonts` under a name that changes with the
 * source file and the settings.
 */
export async function subsetFontFile(file: string, cacheDirectory = ".cache/fonts"): Promise<Buffer> {
  const source = readFileSync(file);
  const format = file.endsWith(".woff2") ? "woff2" : "woff";
  const key = createHash("sha256")
    .update(source)
    .update(JSON.stringify([subsetterVersion, fontCharacterRanges, fontLayoutFeatures, legalNameIds]))
    .digest("hex")
    .slice(0, 16);
  const cached = path.join(cacheDirectory, `${path.basename(file, `.${format}`)}-${key}.${format}`);
  try {
    return readFileSync(cached);
  } catch {
    // not made yet
  }
  const { default: subsetFont } = await import("subset-font");
  const subset = await subsetFont(source, subsetText, { targetFormat: format, keepFeatures: fontLayoutFeatures, preserveNameIds: legalNameIds });
  mkdirSync(cacheDirectory, { recursive: true });
  // Written aside then renamed: two builds at once (the tests) never read half a file.
  const partial = `${cached}.${process.pid}.tmp`;
  writeFileSync(partial, subset);
  renameSync(partial, cached);
  return subset;
}

/** esbuild plugin: the Marianne files the stylesheet points at are replaced by their subsets. */
export const subsetMarianne: Plugin = {
  name: "subset-marianne",
  setup(builder) {
    builder.onLoad({ filter: /Marianne-[A-Za-z_]+\.woff2?$/ }, async (args) => ({
      contents: await subsetFontFile(args.path),
      loader: "file",
    }));
  },
};
