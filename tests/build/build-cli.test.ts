import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createFixtureSite } from "../support/fixture-site.ts";

/** `npm run build` on a fixture: the pages in a process of their own, then the search index. */
function buildScript(input: string, output: string) {
  const run = spawnSync(process.execPath, ["src/build/build.ts", `--input=${input}`, `--output=${output}`], { encoding: "utf8" });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("the build script", () => {
  it("publishes the pages with their search index, then reports a bad page without touching the site", () => {
    const site = createFixtureSite();
    site.write("index.md", "---\ntitle: Accueil test\n---\nBonjour.\n");
    site.write("actualites/sobriete.md", "---\ntitle: Sobriété numérique\nlayout: layouts/post.njk\ndate: 2026-02-03\n---\nLa sobriété au quotidien.\n");

    const built = buildScript(site.input, site.output);
    expect(built.stderr).toBe("");
    expect(built.code).toBe(0);
    expect(built.stdout).toContain(`Site construit dans ${site.output}/`);
    const home = readFileSync(path.join(site.output, "index.html"), "utf8");
    expect(home).toContain("Accueil test");
    // The index lists the post: Pagefind read the pages the other process wrote.
    const entry = JSON.parse(readFileSync(path.join(site.output, "pagefind", "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0)).toBeGreaterThanOrEqual(1);

    site.write("casse.md", "---\ntitle: Cassé\ndate: bientôt\n---\n");
    const failed = buildScript(site.input, site.output);
    expect(failed.code).toBe(1);
    // Only the French message: Eleventy's English report and stack are left out (--verbose shows them).
    expect(failed.stderr).not.toMatch(/Problem writing Eleventy templates|Having trouble|^\s+at /m);
    expect(failed.stderr.trim().split("\n").length).toBeLessThan(8);
    const summary = failed.stderr.split(`Échec de la construction du site : ${site.output}/ n'a pas été modifié.`)[1];
    expect(summary).toBeDefined();
    expect(summary).toContain("casse.md");
    expect(summary).toContain("champ « date » : trouvé « bientôt »");
    expect(failed.stderr).not.toContain("undefined");
    expect(readFileSync(path.join(site.output, "index.html"), "utf8")).toBe(home);
    expect(existsSync(path.join(site.output, "pagefind", "pagefind-entry.json"))).toBe(true);
    expect(readdirSync(site.root).filter((name) => name.includes("partial") || name.includes("previous"))).toEqual([]);
  });
});
