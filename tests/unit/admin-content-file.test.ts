import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readContentFile, sourceKey, writeContentFile } from "../../src/admin/contentFile.ts";
import { parseFrontMatterYaml } from "../../src/content/yaml.ts";

function markdownFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(md|njk)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const contentFiles = [...markdownFiles("content"), ...markdownFiles("tests/fixtures/live-site/content"), ...markdownFiles("tests/fixtures/bad-input")];

/** The lines of `after` that are not in `before`, and the reverse. */
function changedLines(before: string, after: string): { added: string[]; removed: string[] } {
  const a = before.split("\n");
  const b = after.split("\n");
  return { added: b.filter((line) => !a.includes(line)), removed: a.filter((line) => !b.includes(line)) };
}

describe("the web editor's content files", () => {
  it("saves every content file of the project, opened and left unchanged, byte for byte", () => {
    expect(contentFiles.length).toBeGreaterThan(60);
    const damaged = contentFiles.filter((file) => {
      const text = readFileSync(file, "utf8");
      return writeContentFile(readContentFile(text)) !== text;
    });
    expect(damaged).toEqual([]);
  });

  it("gives the editor dates as AAAA-MM-JJ and the body as written, Nunjucks tags included", () => {
    const text = readFileSync("content/actualites/videos/parolesdexperts-episode12-jeremievallet.md", "utf8");
    const entry = readContentFile(text);
    expect(entry.date).toBe("2025-04-01");
    expect(entry.image).toEqual({ path: "./site_video_jeremievallet.svg", alt: "" });
    expect(entry.body).toContain('{%- dailymotion "x9h51js" -%}');
    expect(entry[sourceKey]).toBe(text);
  });

  it("rewrites only the field that changed, in its place", () => {
    const text = readFileSync("content/actualites/videos/parolesdexperts-episode12-jeremievallet.md", "utf8");
    const entry = readContentFile(text);
    const saved = writeContentFile({ ...entry, title: "Épisode #12 : un titre corrigé" });
    expect(changedLines(text, saved)).toEqual({
      removed: ['title: "Épisode #12 : Animation interministérielle du Numérique responsable"'],
      added: ['title: "Épisode #12 : un titre corrigé"'],
    });
    expect(saved.split("\n").indexOf('title: "Épisode #12 : un titre corrigé"')).toBe(text.split("\n").indexOf('title: "Épisode #12 : Animation interministérielle du Numérique responsable"'));
    const redated = writeContentFile({ ...entry, date: "2025-05-02", tags: ["Vidéo", "MiNumEco"] });
    expect(redated).toBe(text.replace("date: 2025-04-01", "date: 2025-05-02").replace("  - 'Vidéo'\n  - 'MiNumEco'\n  - 'Ministères'", "  - Vidéo\n  - MiNumEco"));
  });

  it("removes a field the editor cleared, adds a new one at the end, and keeps an edited body's front matter", () => {
    const text = "---\ntitle: Un titre\n# une note\ndescription: Une phrase.\nlayout: layouts/post.njk\n---\n\nLe texte.\n";
    const entry = readContentFile(text);
    expect(writeContentFile({ ...entry, description: "", series: "Paroles d'experts" })).toBe(
      "---\ntitle: Un titre\n# une note\nlayout: layouts/post.njk\nseries: Paroles d'experts\n---\n\nLe texte.\n",
    );
    expect(writeContentFile({ ...entry, body: "\nUn autre texte.\n" })).toBe(text.replace("Le texte.", "Un autre texte."));
  });

  it("writes a new entry with the build's own front matter: unquoted day, image map, no empty field", () => {
    const saved = writeContentFile({
      title: "Une actualité : le titre",
      description: "",
      date: "2026-03-16",
      image: { path: "./vignette.png", alt: "Une vignette" },
      tags: ["MiNumEco"],
      series: undefined,
      body: "Le texte.",
    });
    expect(saved).toBe('---\ntitle: "Une actualité : le titre"\ndate: 2026-03-16\nimage:\n  path: ./vignette.png\n  alt: Une vignette\ntags:\n  - MiNumEco\n---\n\nLe texte.');
    const yamlText = saved.split("---\n")[1]!;
    const data = parseFrontMatterYaml(yamlText, { filePath: "nouvelle.md" }) as Record<string, unknown>;
    expect(data.date).toEqual(new Date("2026-03-16T00:00:00Z"));
  });

  it("opens a front matter the build refuses as text, and saves that text as edited", () => {
    const text = "---\ntitle: Épisode 12 : le titre\n---\nLe texte.\n";
    const entry = readContentFile(text);
    expect(entry.title).toBeUndefined();
    expect(entry.body).toBe(text);
    const mended = text.replace("Épisode 12 : le titre", '"Épisode 12 : le titre"');
    expect(writeContentFile({ ...entry, body: mended })).toBe(mended);
  });
});

describe("the web editor's check before saving", () => {
  it("says nothing of a page the build accepts, and what the build would say of one it refuses", async () => {
    const { problemsBeforeSaving } = await import("../../src/admin/validation.ts");
    expect(problemsBeforeSaving({ title: "Un titre", date: "2026-03-16", tags: ["MiNumEco"], body: "Texte." })).toBeUndefined();
    const existing = readContentFile(readFileSync("content/actualites/videos/parolesdexperts-episode12-jeremievallet.md", "utf8"));
    expect(problemsBeforeSaving(existing)).toBeUndefined();
    expect(problemsBeforeSaving({ description: "Sans titre", body: "Texte." }, "content/actualites/2026/x.md")).toMatch(/^Erreur dans content\/actualites\/2026\/x\.md :\n {2}- champ « title »/);
    // A file whose front matter the build refuses opens as text; saved still broken, it is refused with the line.
    const broken = readContentFile("---\ntitle: Épisode 12 : le titre\n---\nTexte.\n");
    expect(problemsBeforeSaving({ ...broken, body: `${broken.body as string}Ajout.\n` }, "content/actualites/x.md")).toMatch(/front matter \(YAML\).*ligne 2.*mettez-la entre guillemets/s);
  });
});

describe("the web editor's guard against a damaging save", () => {
  it("refuses a save that loses the site's tags, the front matter, or everything", async () => {
    const { problemsBeforeSaving } = await import("../../src/admin/validation.ts");
    const entry = readContentFile(readFileSync("content/actualites/videos/parolesdexperts-episode12-jeremievallet.md", "utf8"));
    const body = entry.body as string;
    expect(problemsBeforeSaving({ ...entry, body: `${body}\nUne phrase de plus.\n` })).toBeUndefined();
    expect(problemsBeforeSaving({ ...entry, body: body.replace('{%- dailymotion "x9h51js" -%}', "dailymotion x9h51js") }, "video.md")).toMatch(
      /^Erreur dans video\.md : le texte a perdu une balise du site \(« \{%- dailymotion "x9h51js" -%\} »\)\. .*mode « Markdown »/,
    );
    expect(problemsBeforeSaving({ ...entry, body: body.replace(/<\/?p>/g, "") })).toMatch(/a perdu \d+ balises du site/);
    const broken = readContentFile("---\ntitle: Épisode 12 : le titre\n---\nTexte.\n");
    expect(problemsBeforeSaving({ ...broken, body: "" })).toMatch(/viderait le fichier/);
    expect(problemsBeforeSaving({ ...broken, body: "***\n\ntitle: Épisode 12 : le titre\n\n***\n\nTexte.\n" })).toMatch(/l'en-tête \(entre les lignes ---\) a disparu/);
  });
});
