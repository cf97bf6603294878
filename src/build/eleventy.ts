import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { limitTemplatesInFlight } from "../patches/templatesInFlight.ts";
import { indexTemplateMapLookups } from "../patches/templateMapIndex.ts";
import { shareNunjucksCompilations } from "../patches/nunjucksCompilations.ts";
import { speedUpDependencyGraphEdges } from "../patches/dependencyGraphEdges.ts";
import { consultListRules } from "../patches/listsOnTextEdits.ts";

type EleventyOptions = NonNullable<ConstructorParameters<typeof Eleventy>[2]>;

/** The input folder as Eleventy needs it: relative to the working directory (with an absolute path it misses folder data files, such as the news folder's). */
export function eleventyInput(input: string): string {
  return path.relative(process.cwd(), path.resolve(input)) || ".";
}

/**
 * The Eleventy of this project's build and dev server: a relative input, a few templates rendered at a time
 * (templatesInFlight.ts), template map lookups through an index (templateMapIndex.ts), Nunjucks compilations
 * shared between pages (nunjucksCompilations.ts), new edges of its dependency graph checked through a Set
 * (dependencyGraphEdges.ts), list pages left as they are in the dev server when a save cannot change them
 * (listsOnTextEdits.ts).
 */
export function createEleventy(input: string, output: string, options: EleventyOptions): Eleventy {
  indexTemplateMapLookups();
  shareNunjucksCompilations();
  speedUpDependencyGraphEdges();
  consultListRules();
  const eleventy = new Eleventy(eleventyInput(input), output, options);
  limitTemplatesInFlight(eleventy);
  return eleventy;
}
