import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { isInFontSubset, subsetFontFile } from "../../src/build/fontSubset.ts";
import { checkCharacters } from "../../src/check/characters.ts";

const marianne = "node_modules/@gouvfr/dsfr/dist/fonts/Marianne-Regular.woff2";

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(md|json|njk|ya?ml)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe("the characters Marianne keeps", () => {
  it("cover every letter the editors' content, the seeds and the full referential write", () => {
    const files = [...filesUnder("content"), ...filesUnder("_data"), ...filesUnder("_includes"), ...filesUnder("../shared/seeds"), ...filesUnder("../shared/data")];
    expect(files.length).toBeGreaterThan(20);
    const outside = new Set<string>();
    for (const file of files) {
      for (const character of readFileSync(file, "utf8")) {
        if (/[\p{L}\p{M}\p{P}]/u.test(character) && !isInFontSubset(character.codePointAt(0)!)) outside.add(`${character} (${file})`);
      }
    }
    expect([...outside]).toEqual([]);
  });
});

describe("subsetFontFile", () => {
  it("halves DSFR's file and keeps the result, so a second build does not subset again", async () => {
    const cache = mkdtempSync(path.join(tmpdir(), "polices-"));
    const subset = await subsetFontFile(marianne, cache);
    expect(subset.length).toBeLessThan(readFileSync(marianne).length * 0.6);
    expect(subset.subarray(0, 4).toString("latin1")).toBe("wOF2");
    const [cached] = readdirSync(cache);
    expect(readdirSync(cache)).toEqual([expect.stringMatching(/^Marianne-Regular-[0-9a-f]{16}\.woff2$/)]);
    // What the second call returns comes from the cache, not from a new subset.
    writeFileSync(path.join(cache, cached!), "marque");
    expect((await subsetFontFile(marianne, cache)).toString()).toBe("marque");
  });
});

describe("checkCharacters", () => {
  const page = (body: string) => parseHTML(`<!doctype html><html lang="fr"><body>${body}</body></html>`).document as unknown as Document;

  it("warns about letters Marianne will not draw, a pasted separate accent included", () => {
    const problems = checkCharacters(page("<main><p>Nguyễn, caf\u0065\u0301</p></main>"), "/a/", "content/a.md");
    expect(problems).toEqual([
      {
        severity: "avertissement",
        check: "caractères",
        url: "/a/",
        source: "content/a.md",
        message:
          "« ễ » (U+1EC5), « ◌\u0301 » (U+0301) ne sont pas dessinés par la police Marianne du site et s'afficheront dans une autre police. " +
          "Un accent séparé de sa lettre vient souvent d'un copier-coller : retapez la lettre accentuée.",
      },
    ]);
  });

  it("says nothing of French text, code, scripts, emoji or symbols", () => {
    const body = "<p>L’œuvre « déjà » vue : CO₂, 5 €, Ștefan → ✅</p><pre><code>ễ</code></pre><script>var ơ = 1;</script>";
    expect(checkCharacters(page(body), "/b/")).toEqual([]);
  });
});
