import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";

/** The site built once by the global setup, with the real build command, for every test file to read. */
export const builtSite = path.resolve(".cache/test-site");

/** The same site built with the full 2024 eco-design referential. */
export const fullReferentialSite = path.resolve(".cache/test-site-rgesn");

export function readPage(url: string, root = builtSite): string {
  const file = url.endsWith(".html") ? path.join(root, url) : path.join(root, url, "index.html");
  if (!existsSync(file)) throw new Error(`Page absente du site construit : ${url} (${file})`);
  return readFileSync(file, "utf8");
}

export function loadPage(url: string, root = builtSite): Document {
  return parseHTML(readPage(url, root)).document as unknown as Document;
}

export const seedPages = {
  pressRelease: "/actualites/semaine-numerique-ecoresponsable-2026/",
  videoPost: "/actualites/parolesdexperts-episode12-jeremievallet/",
  plansAction: "/publications/plans-action/",
  plansActionAbout: "/publications/plans-action/a-propos/",
  about: "/a-propos/",
} as const;
