import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { buildSite } from "../../src/build/build.ts";
import { describeBuildError } from "../../src/build/errors.ts";
import { createFixtureSite, type FixtureSite } from "../support/fixture-site.ts";
import { bundleOnce } from "../../src/build/bundleCache.ts";
import { cacheFolder } from "../../src/build/buildCache.ts";

const page = (title: string, body: string) => `---\ntitle: ${title}\ndescription: Une page de test.\nlayout: layouts/page.njk\n---\n${body}\n`;

/** A site with a public/ of its own beside its content: a document, and a photo that a page shows. */
async function siteWithPublicFiles(): Promise<FixtureSite> {
  const site = createFixtureSite();
  mkdirSync(path.join(site.root, "public/docs"), { recursive: true });
  mkdirSync(path.join(site.root, "public/img"), { recursive: true });
  writeFileSync(path.join(site.root, "public/docs/rapport.pdf"), "%PDF-1.7\n%%EOF\n");
  await sharp({ create: { width: 900, height: 500, channels: 3, background: "#4a7" } }).jpeg().toFile(path.join(site.root, "public/img/photo.jpg"));
  site.write("index.md", page("Accueil", "[Le rapport](/docs/rapport.pdf)\n\n![Une photo](/img/photo.jpg)"));
  return site;
}

const inode = (file: string) => statSync(file).ino;

describe("a build does not copy again what it already has", () => {
  it("links the public files into the site instead of copying their bytes, the public/ beside the content first", async () => {
    const site = await siteWithPublicFiles();
    await buildSite({ input: site.input, output: site.output });
    // Same file, not a copy: a hard link where the output sits on the same disk.
    expect(inode(path.join(site.output, "docs/rapport.pdf"))).toBe(inode(path.join(site.root, "public/docs/rapport.pdf")));
    // The project's own public files are published too.
    expect(statSync(path.join(site.output, "img/plans-action/couverture-mda.png")).isFile()).toBe(true);
    // The photo of that public/ is found and encoded like any other.
    const html = readFileSync(path.join(site.output, "index.html"), "utf8");
    expect(html).toMatch(/<source type="image\/avif" srcset="\/images\/[\w-]+-400\.avif 400w, \/images\/[\w-]+-800\.avif 800w"/);
  });

  it("reuses the encoded images and the search index of the previous build of the same pages", async () => {
    const site = await siteWithPublicFiles();
    await buildSite({ input: site.input, output: site.output });
    const before = Object.fromEntries(readdirSync(path.join(site.output, "pagefind"), { recursive: true, encoding: "utf8" }).map((file) => [file, inode(path.join(site.output, "pagefind", file))]));
    const encoded = readdirSync(path.join(site.output, "images")).filter((file) => file.endsWith(".avif"));
    const encodedInodes = encoded.map((file) => inode(path.join(site.output, "images", file)));
    await buildSite({ input: site.input, output: site.output });
    const after = Object.fromEntries(Object.keys(before).filter((file) => statSync(path.join(site.output, "pagefind", file)).isFile()).map((file) => [file, inode(path.join(site.output, "pagefind", file))]));
    // The same index files, linked from the cache: Pagefind did not write them again.
    for (const [file, number] of Object.entries(after)) expect([file, number]).toEqual([file, before[file]]);
    expect(Object.keys(after).length).toBeGreaterThan(3);
    expect(encoded.map((file) => inode(path.join(site.output, "images", file)))).toEqual(encodedInodes);
    // The scripts too: linked from the last bundle, esbuild did not run again.
    const script = readdirSync(path.join(site.output, "assets")).find((file) => file.startsWith("dsfr.module-"))!;
    const cached = readdirSync(cacheFolder("bundles")).map((key) => path.join(cacheFolder("bundles"), key, "assets", script)).filter((file) => existsSync(file));
    expect(cached.map(inode)).toContain(inode(path.join(site.output, "assets", script)));

    // One page changed: a new index, written by Pagefind, which counts the new page.
    site.write("autre.md", page("Une autre page", "Un mot rare : hirondelle."));
    await buildSite({ input: site.input, output: site.output });
    const entry = path.join(site.output, "pagefind", "pagefind-entry.json");
    expect(inode(entry)).not.toBe(before["pagefind-entry.json"]);
    const counts = (file: string) => Object.values((JSON.parse(readFileSync(file, "utf8")) as { languages: Record<string, { page_count: number }> }).languages).map((language) => language.page_count);
    expect(counts(entry).reduce((a, b) => a + b, 0)).toBeGreaterThan(1);
  });

  it("bundles again when a file the bundle was made of changed, and only then", async () => {
    const site = createFixtureSite();
    const source = path.join(site.root, "script.ts");
    writeFileSync(source, "export const a = 1;\n");
    let runs = 0;
    const bundle = async (outdir: string) => {
      runs++;
      mkdirSync(outdir, { recursive: true });
      writeFileSync(path.join(outdir, `script-${runs}.js`), readFileSync(source));
      return { manifest: { script: `/assets/script-${runs}.js` }, inputs: [source] };
    };
    const key = `essai-${process.pid}-${Date.now()}`;
    expect(await bundleOnce(site.output, key, bundle)).toEqual({ script: "/assets/script-1.js" });
    expect(await bundleOnce(site.output, key, bundle)).toEqual({ script: "/assets/script-1.js" });
    expect(runs).toBe(1);
    writeFileSync(source, "export const a = 2;\n");
    expect(await bundleOnce(site.output, key, bundle)).toEqual({ script: "/assets/script-2.js" });
    expect(readFileSync(path.join(site.output, "assets/script-2.js"), "utf8")).toBe("export const a = 2;\n");
  });

  it("refuses a public file that a page also writes, naming both", async () => {
    const site = createFixtureSite();
    mkdirSync(path.join(site.root, "public/contact"), { recursive: true });
    writeFileSync(path.join(site.root, "public/contact/index.html"), "<p>ancienne page</p>");
    site.write("contact.md", `---\ntitle: Contact\ndescription: Nous écrire.\nlayout: layouts/page.njk\npermalink: /contact/\n---\nÉcrivez-nous.\n`);
    const error = await buildSite({ input: site.input, output: site.output }).then(() => undefined, (e: unknown) => e);
    expect(describeBuildError(error)).toMatch(/public\/contact\/index\.html et une page du site donnent tous deux l'adresse \/contact\/index\.html/);
  });
});
