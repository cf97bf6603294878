import { describe, expect, it } from "vitest";
import { validateFrontMatter } from "../../src/content/schema.ts";
import { parseFrontMatterYaml } from "../../src/content/yaml.ts";
import { FrontMatterError } from "../../src/content/errors.ts";

function errorOf(action: () => unknown): FrontMatterError {
  try {
    action();
  } catch (error) {
    if (error instanceof FrontMatterError) return error;
    throw error;
  }
  throw new Error("aucune erreur levée");
}

describe("front-matter schema", () => {
  it("accepts the keys of existing content, including image maps and unknown keys", () => {
    const data = validateFrontMatter("x.md", {
      title: "Épisode",
      date: new Date("2025-04-01"),
      layout: "layouts/post.njk",
      tags: ["Vidéo"],
      image: { path: "./vignette.svg", alt: "" },
      eleventyNavigation: { key: "k", parent: "publications", order: 30, date: new Date() },
      codeRepository: "https://example.org",
    });
    expect(data.title).toBe("Épisode");
  });

  it("names the file, the field, what was found and what is expected", () => {
    const error = errorOf(() => validateFrontMatter("content/a.md", { title: "T", image: { alt: "x" } }));
    expect(error.message).toContain("content/a.md");
    expect(error.problems[0]).toMatchObject({ field: "image" });
    expect(error.message).toContain('{"alt":"x"}');
    expect(error.message).toContain("path");
  });

  it("lists every problem at once", () => {
    const error = errorOf(() => validateFrontMatter("b.md", { date: "hier", showBreadcrumb: "oui" }));
    expect(error.problems.map((p) => p.field).sort()).toEqual(["date", "showBreadcrumb", "title"]);
    expect(error.message).not.toContain("undefined");
  });

  it("lets a front-matter block leave the title to folder data, not the whole page", () => {
    expect(() => validateFrontMatter("c.md", { layout: "layouts/page.njk" }, { block: true })).not.toThrow();
    expect(() => validateFrontMatter("c.md", { layout: "layouts/page.njk" })).toThrow(/title/);
  });
});

describe("YAML front matter", () => {
  it("reads a tab before a list dash as the live site's engine did", () => {
    expect(parseFrontMatterYaml("\ntitle: T\ntags:\n\t- Vidéo\n\t- Podcast\n", { filePath: "c.md" })).toEqual({ title: "T", tags: ["Vidéo", "Podcast"] });
  });

  it("reports tabs that make no sense as indentation, with the file line and the fix", () => {
    const error = errorOf(() => parseFrontMatterYaml("\ntitle: T\ndescription: x\n\tsuite: 2\n", { filePath: "c.md" }));
    expect(error.message).toContain("c.md");
    expect(error.message).toContain("ligne 4");
    expect(error.message).toContain("tabulations");
  });

  it("reports an unquoted colon with the fix", () => {
    const error = errorOf(() => parseFrontMatterYaml("\ntitle: Épisode 3 : la suite\n", { filePath: "d.md" }));
    expect(error.message).toContain("ligne 2");
    expect(error.message).toContain("guillemets");
  });

  it("returns the parsed data when valid", () => {
    expect(parseFrontMatterYaml("\ntitle: T\ndate: 2026-03-16\n")).toEqual({ title: "T", date: new Date("2026-03-16") });
  });
});

describe("frontMatterOf (dev server: did a save change a post's front matter?)", () => {
  it("gives the block between the two --- lines, as written", async () => {
    const { frontMatterOf } = await import("../../src/patches/listsOnTextEdits.ts");
    expect(frontMatterOf("---\ntitle: A\ntags: [x]\n---\nTexte.\n\n---\n\nSuite.\n")).toBe("title: A\ntags: [x]");
    expect(frontMatterOf("---\r\ntitle: A\r\n---\r\nTexte.")).toBe("title: A");
    expect(frontMatterOf("---\ntitle: A\n---")).toBe("title: A");
    expect(frontMatterOf("\uFEFF---\ntitle: A\n---\nTexte.")).toBe("title: A");
  });

  it("finds none where it cannot be sure, so that such a save is never taken for a text-only edit", async () => {
    const { frontMatterOf } = await import("../../src/patches/listsOnTextEdits.ts");
    expect(frontMatterOf("Pas d'en-tête.\n---\ntitle: A\n---\n")).toBeUndefined();
    expect(frontMatterOf("---yaml\ntitle: A\n---\n")).toBeUndefined();
  });
});
