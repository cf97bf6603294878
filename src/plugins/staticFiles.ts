import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { EleventyConfig } from "../eleventy-types.ts";
import { linkOrCopy } from "../build/fileLinks.ts";

/** Files published as they are: a folder (all its files, or those of some extensions) or a single file. */
export interface StaticFiles {
  from: string;
  /** Where in the site: a folder for a folder, a file path for a file. */
  to: string;
  /** Only files ending so (case-insensitive), as the input folder publishes its images and documents (`to`: "/"). */
  extensions?: string[];
}

/**
 * The folders published at the site's root, first wins: a content folder brought with its own public/ beside it
 * (the live-shaped benchmark site, an owner's checkout elsewhere), then the project's.
 */
export function publicFolders(input: string): string[] {
  const own = path.join(path.dirname(path.resolve(input)), "public");
  return own !== path.resolve("public") && existsSync(own) ? [path.relative(".", own), "public"] : ["public"];
}

const entriesOf = new WeakMap<EleventyConfig, StaticFiles[]>();

/** Every file under `folder` (following the order of the entries, skipping `skip`), as paths relative to it. */
function filesUnder(folder: string, extensions: string[] | undefined, skip: string): string[] {
  const ending = extensions ? new RegExp(`\\.(?:${extensions.join("|")})$`, "i") : undefined;
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && (!ending || ending.test(entry.name)))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.startsWith(skip))
    .map((file) => path.relative(folder, file));
}

/** Publishes every entry into `output`; the first entry to name a file wins, a page in the way is an error. */
export function publishStaticFiles(entries: StaticFiles[], output: string): number {
  const written = new Set<string>();
  const folders = new Set<string>();
  const skip = path.resolve(output) + path.sep;
  for (const { from, to, extensions } of entries) {
    if (!existsSync(from)) continue;
    const pairs = statSync(from).isDirectory()
      ? filesUnder(path.resolve(from), extensions, skip).map((file) => [path.join(from, file), path.join(output, to, file)] as const)
      : [[from, path.join(output, to)] as const];
    for (const [source, target] of pairs) {
      if (written.has(target)) continue;
      const folder = path.dirname(target);
      if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
      folders.add(folder);
      if (existsSync(target)) {
        const address = `/${path.relative(output, target).split(path.sep).join("/")}`;
        throw new Error(`${source} et une page du site donnent tous deux l'adresse ${address} : renommez le fichier, ou changez l'adresse (permalink) de la page.`);
      }
      // Linked, not copied: the live-shaped site publishes 489 files (119 MB), 1.3 to 2.8 s of copying per build.
      linkOrCopy(source, target);
      written.add(target);
    }
  }
  return written.size;
}

/**
 * Files the site publishes unchanged. The dev server serves them from where they are (Eleventy's emulated
 * passthrough); a build links them into the output once the pages are written, rather than through Eleventy's
 * passthrough copy, which globs the project and copies every byte again at each build.
 */
export function addStaticFiles(eleventyConfig: EleventyConfig, entries: StaticFiles[]): void {
  if (process.env.ELEVENTY_RUN_MODE !== "build") {
    for (const { from, to, extensions } of entries) {
      // A glob given a target would publish its files flat: without one, they keep their path in the input folder.
      if (extensions) eleventyConfig.addPassthroughCopy(`${from.replace(/\/?$/, "/")}**/*.{${extensions.join(",")}}`);
      else eleventyConfig.addPassthroughCopy({ [from]: to });
    }
    return;
  }
  const known = entriesOf.get(eleventyConfig);
  if (known) {
    known.push(...entries);
    return;
  }
  entriesOf.set(eleventyConfig, [...entries]);
  eleventyConfig.on("eleventy.after", ({ directories }: { directories: { output: string } }) => {
    publishStaticFiles(entriesOf.get(eleventyConfig)!, directories.output);
  });
}
