import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";

/** The site built once by the global setup, with the real build command, for every test file to read. */
export const builtSite = path.resolve(".cache/test-site");

export function readPage(url: string): string {
  const file = url.endsWith(".html") ? path.join(builtSite, url) : path.join(builtSite, url, "index.html");
  if (!existsSync(file)) throw new Error(`Page absente du site construit : ${url} (${file})`);
  return readFileSync(file, "utf8");
}

export function loadPage(url: string): Document {
  return parseHTML(readPage(url)).document as unknown as Document;
}

export const seedPages = {
  pressRelease: "/actualites/semaine-numerique-ecoresponsable-2026/",
  videoPost: "/actualites/episode-12-animation-interministerielle/",
  plansAction: "/publications/plans-action/",
  plansActionAbout: "/publications/plans-action/a-propos/",
  about: "/a-propos/",
} as const;
