import { importAsEleventyDoes, importEleventyFile } from "./eleventyInternals.ts";
import { originalMethod, replaceMethodOnce } from "./replaceMethod.ts";
import type { Patch } from "./patch.ts";

export const patch: Patch = {
  name: "templateMapIndex",
  library: "@11ty/eleventy",
  version: "3.1.8",
  upstream: "https://github.com/11ty/eleventy/issues/3938, corrigé par https://github.com/11ty/eleventy/pull/3939 (Eleventy 4)",
  measured: "6 000 actualités : reconstruction du serveur de développement 7,4 → 5,4 s ; ~0,8 s d'une construction complète",
  removeWhen: "passage à une version d'Eleventy qui contient #3939 (4.0)",
};

/**
 * Eleventy 3.1 finds a template's entry in its template map by scanning the whole map, and it does so once per
 * template and once per collection item: quadratic in the number of pages. At 6,000 posts that was a quarter of
 * each rebuild of the dev server (7.4 → 5.4 s once indexed) and ~0.8 s of a full build. This module gives the
 * lookup an index, with the same answers: the first entry, in map order, whose input path is the one asked for
 * or its absolute form.
 */

interface MapEntry {
  inputPath: string;
}

/** What this module relies on in Eleventy 3.1's TemplateMap: entries are only ever appended to `map`. */
export interface TemplateMapInternals {
  map: MapEntry[];
  getMapEntryForInputPath(inputPath: string): MapEntry | undefined;
}

type Lookup = TemplateMapInternals["getMapEntryForInputPath"];

const { TemplatePath } = await importAsEleventyDoes<{ TemplatePath: { absolutePath(inputPath: string): string } }>("@11ty/eleventy-utils");
const TemplateMap = (await importEleventyFile<{ default?: { prototype: TemplateMapInternals } }>("TemplateMap.js")).default;

const mismatch =
  "Cette version d'Eleventy n'a plus TemplateMap.getMapEntryForInputPath ni sa liste `map`, que src/patches/templateMapIndex.ts indexe : adaptez ce module à la nouvelle version (ou retirez-le si Eleventy indexe désormais ces recherches lui-même).";

/** Position of each input path's first entry; extended as entries are appended. */
interface Index {
  positions: Map<string, number>;
  indexed: number;
}

/** The map lookup, through an index kept per map. */
export function indexedLookup(): Lookup {
  const indexes = new WeakMap<MapEntry[], Index>();
  return function (this: TemplateMapInternals, inputPath: string) {
    if (!Array.isArray(this.map)) throw new Error(mismatch);
    let index = indexes.get(this.map);
    if (!index) indexes.set(this.map, (index = { positions: new Map(), indexed: 0 }));
    for (; index.indexed < this.map.length; index.indexed++) {
      const entryPath = this.map[index.indexed]!.inputPath;
      if (!index.positions.has(entryPath)) index.positions.set(entryPath, index.indexed);
    }
    const exact = index.positions.get(inputPath);
    const absolute = index.positions.get(TemplatePath.absolutePath(inputPath));
    const first = exact === undefined ? absolute : absolute === undefined ? exact : Math.min(exact, absolute);
    return first === undefined ? undefined : this.map[first];
  };
}

/** Eleventy's own lookup, for the tests to compare with. */
export const scanningLookup = originalMethod<Lookup>(TemplateMap?.prototype, "getMapEntryForInputPath")!;

/** Puts the index on Eleventy's TemplateMap, once per process. */
export function indexTemplateMapLookups(): void {
  replaceMethodOnce(TemplateMap?.prototype, "getMapEntryForInputPath", indexedLookup, mismatch, patch.name);
}
