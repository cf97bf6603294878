import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { stringKeeper } from "../../src/check/stringKeeper.ts";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Heap growth, in MB, from keeping each page's first link as `keep` returns it. */
function heapKeptFromLinks(keep: (value: string) => string): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: string[] = [];
  for (let page = 0; page < 100; page++) {
    // A 200 KB page, as a long article would be, with a link of its own.
    const html = `<!doctype html><html><body><a href="/actualites/article-numero-${page}/">lien</a><p>${"sobriété numérique ".repeat(10_000)}</p></body></html>`;
    kept.push(keep(parseHTML(html).document.querySelector("a")!.getAttribute("href")!));
  }
  gc();
  const grown = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  expect(kept).toHaveLength(100);
  return grown;
}

describe("stringKeeper", () => {
  it("keeps a value read from a page without keeping the page's HTML alive", () => {
    // Without it, each kept link holds its whole page: about 20 MB for these 100 pages.
    expect(heapKeptFromLinks((value) => value)).toBeGreaterThan(10);
    expect(heapKeptFromLinks(stringKeeper())).toBeLessThan(2);
  });

  it("gives back equal text, one copy per distinct value", () => {
    const keep = stringKeeper();
    const first = keep("/contact/");
    expect(keep(`/${"contact"}/`)).toBe(first);
    expect(keep("/a-propos/")).toBe("/a-propos/");
  });
});
