import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import { fileForUrl } from "../../src/check/links.ts";

export { fileForUrl };

/** The site's pages; the web editor (admin/) has tests of its own (tests/build/admin.test.ts). */
export function htmlFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".html") && !file.startsWith(`admin${path.sep}`))
    .map((file) => path.join(root, file));
}

export interface CrawlResult {
  reached: Set<string>;
  broken: string[];
}

/** Follows every internal link, image, script and stylesheet from `start`; reports what does not resolve. */
export function crawl(root: string, start = "/"): CrawlResult {
  const reached = new Set<string>();
  const broken: string[] = [];
  const ids = new Map<string, Set<string>>();
  const queue = [start];
  const seen = new Set(queue);
  const idsOf = (file: string) => {
    if (!ids.has(file)) {
      const { document } = parseHTML(readFileSync(file, "utf8"));
      ids.set(file, new Set([...document.querySelectorAll("[id]")].map((el) => el.id)));
    }
    return ids.get(file)!;
  };
  while (queue.length) {
    const url = queue.shift()!;
    const file = fileForUrl(root, url)!;
    reached.add(file);
    const { document } = parseHTML(readFileSync(file, "utf8"));
    const references = [
      ...[...document.querySelectorAll("a[href]")].map((el) => el.getAttribute("href")!),
      ...[...document.querySelectorAll("link[href], script[src], img[src], use[href]")].map(
        (el) => el.getAttribute("href") ?? el.getAttribute("src")!,
      ),
    ];
    for (const reference of references) {
      if (/^(https?:|mailto:|tel:|data:)/.test(reference) || reference === "#") continue;
      const target = new URL(reference, `http://site${url}`);
      const targetFile = fileForUrl(root, target.pathname);
      if (!targetFile) {
        broken.push(`${url} → ${reference}`);
        continue;
      }
      if (target.hash && targetFile.endsWith(".html") && !idsOf(targetFile).has(decodeURIComponent(target.hash.slice(1)))) {
        if (!target.pathname.includes("/dsfr/")) broken.push(`${url} → ${reference} (ancre absente)`);
      }
      if (targetFile.endsWith(".html") && !seen.has(target.pathname)) {
        seen.add(target.pathname);
        queue.push(target.pathname);
      }
    }
  }
  return { reached, broken };
}
