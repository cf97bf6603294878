import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
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
    ["unclosed-if.md", ["unclosed-if.md, ligne 7", "{% if %} ouverte ici n'est jamais fermée", "{% endif %}"]],
    ["unclosed-transcription.md", ["unclosed-transcription.md, ligne 5", "{% transcription %}", "{% endtranscription %}"]],
    ["hash-anchor.md", ["hash-anchor.md, ligne 5", "« {# » ouvre un commentaire", "{id=mon-ancre}"]],
    ["unknown-filter.md", ["unknown-filter.md, ligne 6", "le filtre « filtreInconnu » n'existe pas"]],
    ["render-error.md", ["render-error.md, ligne 8, colonne", "« fonctionAbsente » n'existe pas"]],
    ["tag-without-letters.md", ["tag-without-letters.md", "champ « tags (étiquette n° 2) »", "« 🌱 »", "au moins une lettre ou un chiffre"]],
    ["misspelt-layout.md", ["misspelt-layout.md", "champ « layout »", "« layouts/posts.njk »", "vouliez-vous dire layouts/post.njk ?"]],
    ["date-impossible.md", ["date-impossible.md", "champ « date »", "« 2025-02-30 », un jour (ou une heure) qui n'existe pas", "AAAA-MM-JJ"]],
    ["date-impossible-month.md", ["date-impossible-month.md", "champ « date »", "« 2024-13-45 »", "n'existe pas"]],
    ["date-impossible-quoted.md", ["date-impossible-quoted.md", "champ « date »", "« 2025-02-30 »", "n'existe pas"]],
    ["front-matter-list.md", ["front-matter-list.md", "front matter (YAML)", "une liste", "clé: valeur"]],
    ["permalink-escape.md", ["permalink-escape.md", "champ « permalink »", "sort du dossier du site", "sans « .. »"]],
  ])("%s", async (fixture, expected) => {
    const message = await buildError({ [fixture]: `fixture:bad-input/${fixture}` });
    for (const part of expected) expect(message).toContain(part);
    expect(message).not.toContain("undefined");
    expect(message).not.toMatch(/Having trouble|Template render error|\[Line \d+/);
  });
});

describe("files that are not UTF-8 text", () => {
  it("names a Latin-1 file, the first line it cannot read, and how to convert it", async () => {
    const site = fixtureSite({ "index.md": "---\ntitle: Accueil\n---\n" });
    writeFileSync(path.join(site.input, "latin1.md"), Buffer.from("---\ntitle: Page\n---\nPremière ligne.\n\nLa montée des eaux.\n", "latin1"));
    const message = await buildSite({ ...site, quiet: true }).then(
      () => "",
      (error: unknown) => describeBuildError(error),
    );
    for (const part of ["latin1.md", "pas en UTF-8", "ligne 4", "iconv -f WINDOWS-1252 -t UTF-8"]) expect(message).toContain(part);
    expect(existsSync(path.join(site.output, "latin1", "index.html"))).toBe(false);
  });

  it("says a binary file named .md is not text", async () => {
    const site = fixtureSite({});
    writeFileSync(path.join(site.input, "image.md"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe]));
    const message = await buildSite({ ...site, quiet: true }).then(
      () => "",
      (error: unknown) => describeBuildError(error),
    );
    for (const part of ["image.md", "fichier binaire", "public/img/"]) expect(message).toContain(part);
    expect(message).not.toContain("title");
  });
});

describe("nothing is written outside the output folder", () => {
  it("stops a permalink that climbs out before any page is written", async () => {
    const site = fixtureSite({ "index.md": "---\ntitle: Accueil\n---\n", "evasion.md": "fixture:bad-input/permalink-escape.md" });
    await expect(buildSite({ ...site, quiet: true })).rejects.toThrow(/permalink/);
    expect(existsSync(path.join(site.root, "evasion.html"))).toBe(false);
    expect(existsSync(path.join(path.dirname(site.output), "evasion.html"))).toBe(false);
    expect(readdirSync(site.root).filter((name) => name.includes("partial"))).toEqual([]);
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

  it("removes what a build killed while writing left behind, at the next build", async () => {
    const site = fixtureSite({ "index.md": "---\ntitle: Accueil test\n---\nBonjour.\n" });
    // Its own process group, so that the pages process it starts is killed with it.
    const child = spawn(process.execPath, ["src/build/build.ts", `--input=${site.input}`, `--output=${site.output}`], { detached: true, stdio: "ignore" });
    const staging = `${site.output}.partial-${child.pid}`;
    for (let waited = 0; !existsSync(staging) && waited < 600; waited++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(existsSync(staging), "la construction n'a pas commencé à écrire").toBe(true);
    process.kill(-child.pid!, "SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    mkdirSync(`${site.output}.previous-${child.pid}`);
    expect(readdirSync(site.root).filter((name) => /\.(partial|previous)-/.test(name)).length).toBe(2);

    await buildSite({ ...site, quiet: true });
    expect(readdirSync(site.root).filter((name) => /\.(partial|previous)-/.test(name))).toEqual([]);
    expect(readFileSync(path.join(site.output, "index.html"), "utf8")).toContain("Accueil test");
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
