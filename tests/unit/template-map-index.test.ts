import path from "node:path";
import { describe, expect, it } from "vitest";
import { createEleventy } from "../../src/build/eleventy.ts";
import { importEleventyFile } from "../../src/patches/eleventyInternals.ts";
import { indexedLookup, scanningLookup, type TemplateMapInternals } from "../../src/patches/templateMapIndex.ts";

/** A map whose entries count how often their input path is read. */
function countingMap(paths: string[]): { map: TemplateMapInternals; reads: () => number } {
  let reads = 0;
  const entries = paths.map((inputPath, position) => ({
    position,
    get inputPath() {
      reads++;
      return inputPath;
    },
  }));
  return { map: { map: entries } as unknown as TemplateMapInternals, reads: () => reads };
}

const positionOf = (entry: unknown) => (entry as { position: number } | undefined)?.position;

describe("the indexed template map lookup", () => {
  it("gives Eleventy's answers: first entry in map order, by input path or its absolute form, nothing when absent", () => {
    const absolute = path.join(process.cwd(), "content/b.md");
    const paths = ["./content/a.md", absolute, "./content/a.md", "./content/b.md", "./content/c.njk"];
    const questions = ["./content/a.md", "./content/b.md", absolute, "./content/c.njk", "./content/absent.md", "content/b.md"];
    const indexed = indexedLookup();
    for (const question of questions) {
      const { map } = countingMap(paths);
      expect(positionOf(indexed.call(map, question)), question).toBe(positionOf(scanningLookup.call(map, question)));
    }
    // Some answers that only hold if both forms are searched, in map order.
    const { map } = countingMap(paths);
    expect(questions.map((question) => positionOf(indexed.call(map, question)))).toEqual([0, 1, 1, 4, undefined, 1]);
  });

  it("sees entries added after a lookup", () => {
    const indexed = indexedLookup();
    const { map } = countingMap(["./content/a.md"]);
    expect(indexed.call(map, "./content/b.md")).toBeUndefined();
    map.map.push(...countingMap(["./content/b.md"]).map.map);
    expect(map.map.indexOf(indexed.call(map, "./content/b.md")!)).toBe(1);
  });

  it("reads each entry once however many lookups, where Eleventy's scan reads the map again for each", () => {
    const paths = Array.from({ length: 2000 }, (_, i) => `./content/actualites/${i}.md`);
    const indexed = countingMap(paths);
    const lookup = indexedLookup();
    for (const question of paths) lookup.call(indexed.map, question);
    expect(indexed.reads()).toBe(2000);
    const scanned = countingMap(paths);
    for (const question of paths) scanningLookup.call(scanned.map, question);
    expect(scanned.reads()).toBeGreaterThan(1_000_000);
  });

  it("is what Eleventy's own TemplateMap uses in the project's builds", async () => {
    createEleventy("content", ".cache/fixtures/non-construit", { configPath: "eleventy.config.ts", quietMode: true });
    const { default: TemplateMap } = await importEleventyFile<{ default: { prototype: TemplateMapInternals } }>("TemplateMap.js");
    expect(TemplateMap.prototype.getMapEntryForInputPath).not.toBe(scanningLookup);
    const { map } = countingMap(["./content/a.md", "./content/b.md"]);
    expect(positionOf(TemplateMap.prototype.getMapEntryForInputPath.call(map, "./content/b.md"))).toBe(1);
  });
});
