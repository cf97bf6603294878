import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { consultListRules, keepListsOnTextEdits } from "../../src/patches/listsOnTextEdits.ts";
import { importEleventyFile } from "../../src/patches/eleventyInternals.ts";

const { default: Template } = await importEleventyFile<{ default: { prototype: object } }>("Template.js");

/** A site folder with one post and one page, and a configuration stand-in that keeps its event handlers. */
function setUp() {
  mkdirSync(".cache/fixtures", { recursive: true });
  const input = mkdtempSync(path.resolve(".cache/fixtures/lists-"));
  mkdirSync(path.join(input, "actualites"));
  const post = path.join(input, "actualites/billet.md");
  const page = path.join(input, "contact.md");
  writeFileSync(post, "---\ntitle: Billet\n---\nTexte.\n");
  writeFileSync(page, "---\ntitle: Contact\n---\nTexte.\n");
  const handlers = new Map<string, (argument: unknown) => void>();
  const config = { directories: { input: `${path.relative(process.cwd(), input)}/` }, on: (event: string, handler: (argument: unknown) => void) => handlers.set(event, handler) };
  keepListsOnTextEdits(config as never, ["generated/liste.njk"], "actualites");
  handlers.get("eleventy.after")!({ runMode: "serve" });
  consultListRules();
  /** A template as Eleventy's writer sees it, with the render overrides it is given. */
  const template = (inputPath: string) => {
    const overrides: unknown[] = [];
    // Disabled, as Eleventy leaves a template that the saved file is not relevant to.
    const behavior = { isRenderableDisabled: () => true, setRenderableOverride: (value: unknown) => overrides.push(value) };
    // Own properties, past the class's accessors (which need a fully made template).
    const instance = Object.create(Template.prototype, {
      inputPath: { value: inputPath },
      eleventyConfig: { value: { userConfig: config } },
      behavior: { value: behavior },
    });
    return { instance, overrides };
  };
  const save = (file: string, source?: string) => {
    if (source !== undefined) writeFileSync(file, source);
    handlers.get("eleventy.beforeWatch")!([`./${path.relative(process.cwd(), file)}`]);
  };
  return { input, post, page, template, save };
}

describe("lists left as they are after a save that cannot change them (dev server)", () => {
  it("keeps a list out of the rebuild, even as the template of a page that is rebuilt, after a post's text or a page changes", () => {
    const { input, post, page, template, save } = setUp();
    const list = template(path.join(input, "generated/liste.njk"));
    const other = template(path.join(input, "index.md"));
    for (const change of [() => save(post, "---\ntitle: Billet\n---\nTexte modifié.\n"), () => save(page, "---\ntitle: Contact\n---\nAutre texte.\n")]) {
      change();
      expect(list.instance.isFileRelevantToThisTemplate(post)).toBe(false);
      list.instance.setRenderableOverride("optional");
      expect(list.overrides).toEqual([]);
      other.instance.setRenderableOverride("optional");
      expect(other.overrides.at(-1)).toBe("optional");
    }
  });

  it("lets Eleventy decide after a change of a post's front matter, a new post, or a save outside Markdown", () => {
    const { input, post, template, save } = setUp();
    const list = template(path.join(input, "generated/liste.njk"));
    const saves = [
      () => save(post, "---\ntitle: Billet renommé\n---\nTexte.\n"),
      () => save(path.join(input, "actualites/nouveau.md"), "---\ntitle: Nouveau\n---\nTexte.\n"),
      () => save(path.join(input, "actualites/donnees.json"), "{}"),
    ];
    for (const change of saves) {
      change();
      list.instance.setRenderableOverride("optional");
      expect(list.overrides.at(-1)).toBe("optional");
    }
  });
});
