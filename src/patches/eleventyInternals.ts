import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

// Eleventy's package exports none of the classes the build modules adjust: they are loaded from the files
// Eleventy itself imports, so they are the very modules its build uses.
const eleventyFolder = path.dirname(createRequire(import.meta.url).resolve("@11ty/eleventy"));
const fromEleventy = createRequire(path.join(eleventyFolder, "Eleventy.js"));

/** A module of Eleventy's own source, by its file name (`TemplateMap.js`). */
export function importEleventyFile<T>(file: string): Promise<T> {
  return import(pathToFileURL(path.join(eleventyFolder, file)).href) as Promise<T>;
}

/** A package as Eleventy resolves it (`dependency-graph`): the copy Eleventy loads, whatever else is installed. */
export function importAsEleventyDoes<T>(name: string): Promise<T> {
  return import(pathToFileURL(fromEleventy.resolve(name)).href) as Promise<T>;
}

/** The version of a package as Eleventy loads it (its own copy when it has one): read from its package.json. */
export function installedVersion(name: string): string {
  let folder = path.dirname(fromEleventy.resolve(name));
  for (;;) {
    const manifest = path.join(folder, "package.json");
    if (existsSync(manifest)) {
      const { name: found, version } = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string; version: string };
      if (found === name) return version;
    }
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error(`package.json de ${name} introuvable`);
    folder = parent;
  }
}
