import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build.ts";
import { describeBuildError } from "../../src/build/errors.ts";
import { createFixtureSite } from "../support/fixture-site.ts";

/** A throwaway site: the given Markdown files, with the project's layouts and data beside them. */
function fixtureSite(files: Record<string, string>): { input: string; output: string; root: string } {
  const site = createFixtureSite();
  for (const [name, source] of Object.entries(files)) {
    site.write(name, source.startsWith("fixture:") ? readFileSync(path.resolve("tests/fixtures", source.slice(8)), "utf8") : source);
  }
  return { input: site.input, output: site.output, root: site.root };
}

async function buildError(files: Record<string, string>): Promise<string> {
  const site = fixtureSite(files);
  try {
    await buildSite({ ...site, quiet: true });
  } catch (error) {
    return describeBuildError(error);
  }
  throw new Error("la construction aurait dû échouer");
}

describe("bad input fails the build with the file, the field and the fix", () => {
  it.each([
    ["tabs-in-yaml.md", ["tabs-in-yaml.md", "ligne 4", "Remplacez les tabulations par des espaces"]],
    ["unquoted-colon.md", ["unquoted-colon.md", "ligne 2", "mettez-la entre guillemets"]],
    ["missing-title.md", ["missing-title.md", "champ « title »", "trouvé rien (champ absent)", 'title: "Mon titre"']],
    ["image-without-path.md", ["image-without-path.md", "champ « image »", '{"alt":"Une vignette"}', "{ path: ./vignette.svg"]],
    ["unknown-layout.md", ["unknown-layout.md", "champ « layout »", "« layouts/inconnu.njk »", "layouts/post.njk"]],
    ["date-not-a-date.md", ["date-not-a-date.md", "champ « date »", "« demain »", "AAAA-MM-JJ"]],
  ])("%s", async (fixture, expected) => {
    const message = await buildError({ [fixture]: `fixture:bad-input/${fixture}` });
    for (const part of expected) expect(message).toContain(part);
    expect(message).not.toContain("undefined");
  });
});

describe("a failed build leaves the previous site untouched", () => {
  it("keeps the last good _site and leaves no partial folder", async () => {
    const site = fixtureSite({ "index.md": "---\ntitle: Accueil test\n---\nBonjour.\n" });
    await buildSite({ ...site, quiet: true });
    const before = readFileSync(path.join(site.output, "index.html"), "utf8");
    expect(before).toContain("Accueil test");

    writeFileSync(path.join(site.input, "casse.md"), "---\ntitle: Cassé\ndate: bientôt\n---\n");
    await expect(buildSite({ ...site, quiet: true })).rejects.toThrow(/casse\.md/);
    expect(readFileSync(path.join(site.output, "index.html"), "utf8")).toBe(before);
    expect(existsSync(path.join(site.output, "casse", "index.html"))).toBe(false);
    expect(readdirSync(site.root).filter((name) => name.includes("partial"))).toEqual([]);
  });

  it("leaves drafts out of a production build", async () => {
    const site = fixtureSite({
      "publie.md": "---\ntitle: Publié\n---\n",
      "brouillon.md": "---\ntitle: Brouillon\ndraft: true\n---\n",
    });
    await buildSite({ ...site, quiet: true });
    expect(existsSync(path.join(site.output, "publie", "index.html"))).toBe(true);
    expect(existsSync(path.join(site.output, "brouillon", "index.html"))).toBe(false);
  });
});
