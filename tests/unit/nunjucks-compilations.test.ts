import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sharedCompile } from "../../src/patches/nunjucksCompilations.ts";
import { originalMethod } from "../../src/patches/replaceMethod.ts";

const require = createRequire(import.meta.url);
const nunjucks = require("nunjucks") as typeof import("nunjucks");
const compiler = require("nunjucks/src/compiler") as { compile: (...args: unknown[]) => string };

/** An environment over a folder with a part included from two places: a/part.njk and b/part.njk differ. */
function environment() {
  const root = mkdtempSync(path.join(tmpdir(), "gabarits-"));
  for (const folder of ["a", "b"]) {
    mkdirSync(path.join(root, folder));
    writeFileSync(path.join(root, folder, "part.njk"), `partie ${folder.toUpperCase()}`);
  }
  return { root, env: new nunjucks.Environment(new nunjucks.FileSystemLoader(root)) };
}

/** Renders texts as templates of the given paths with the shared compilation, counting the compilations. */
function renderShared(env: InstanceType<typeof nunjucks.Environment>, templates: [string, string][], context: object = {}) {
  const compile = sharedCompile();
  const original = compiler.compile;
  let compilations = 0;
  compiler.compile = (...args) => {
    compilations++;
    return original(...args);
  };
  try {
    const outputs = templates.map(([text, file]) => {
      const template = new nunjucks.Template(text, env, file);
      (template as unknown as { _compile: () => void })._compile = compile;
      return template.render(context);
    });
    return { outputs, compilations };
  } finally {
    compiler.compile = original;
  }
}

describe("Nunjucks compilations shared between pages", () => {
  it("compiles a text once for any number of pages, each rendered with its own data", () => {
    const { root, env } = environment();
    const pages = Array.from({ length: 50 }, (_, n) => ["/actualites/{{ slug }}-/", path.join(root, `billet-${n}.md`)] as [string, string]);
    const { outputs, compilations } = renderShared(env, pages, { slug: "billet" });
    expect(compilations).toBe(1);
    expect(new Set(outputs)).toEqual(new Set(["/actualites/billet-/"]));
  });

  it("keeps includes relative to each template's own folder", () => {
    const { root, env } = environment();
    const text = '{% include "./part.njk" %}';
    const { outputs, compilations } = renderShared(env, [
      [text, path.join(root, "a", "page.njk")],
      [text, path.join(root, "b", "page.njk")],
      [text, path.join(root, "a", "page.njk")],
    ]);
    expect(outputs).toEqual(["partie A", "partie B", "partie A"]);
    // The page text once per folder (its code names its path), and each part once.
    expect(compilations).toBe(4);
  });

  it("names each template's own file in an error", () => {
    const { root, env } = environment();
    const text = "{{ absent() }}";
    for (const file of ["un.md", "deux.md"]) {
      expect(() => renderShared(env, [[text, path.join(root, file)]])).toThrow(file);
    }
  });

  it("is what Nunjucks uses in the project's builds, and renders the same as Nunjucks' own", async () => {
    const { createEleventy } = await import("../../src/build/eleventy.ts");
    const { root, env } = environment();
    const text = '{% for n in [1, 2] %}{{ n }}{% include "./part.njk" %}{% endfor %}';
    const own = new nunjucks.Template(text, env, path.join(root, "b", "page.njk")).render({});
    createEleventy("content", ".cache/fixtures/non-construit", { configPath: "eleventy.config.ts", quietMode: true });
    const { outputs } = renderShared(env, [[text, path.join(root, "b", "page.njk")]]);
    expect(outputs).toEqual([own]);
    expect(own).toBe("1partie B2partie B");
    const installed = (nunjucks.Template.prototype as unknown as { _compile: unknown })._compile;
    expect(installed).not.toBe(originalMethod(nunjucks.Template.prototype, "_compile"));
    expect(originalMethod(nunjucks.Template.prototype, "_compile")).toBeTypeOf("function");
  });
});
