import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { EleventyConfig } from "../eleventy-types.ts";
import { importEleventyFile } from "./eleventyInternals.ts";
import { originalMethod, replaceMethodOnce } from "./replaceMethod.ts";
import type { Patch } from "./patch.ts";

export const patch: Patch = {
  name: "listsOnTextEdits",
  library: "@11ty/eleventy",
  version: "3.1.8",
  upstream: "https://github.com/11ty/eleventy/issues/2992 (le plus proche : Eleventy ne sait pas quels fichiers lit une collection de la configuration)",
  measured: "6 000 actualités, texte d'une actualité modifié, séries alternées : médianes 4,0 → 2,6 s par enregistrement",
  removeWhen: "Eleventy sait qu'une collection de la configuration ne dépend que de l'en-tête des fichiers qu'elle lit",
};

/**
 * In the dev server, Eleventy renders again every template that reads a collection made in the configuration,
 * whatever file was saved: it cannot know which files the collection's code reads. At 6,000 posts, that is the
 * ~1,600 pages of the news list, the tags and the series after every save. Those lists show the posts' front
 * matter only (title, date, tags, description, image, series). So when the saved file is a Markdown page
 * outside the news, or a post whose front matter is unchanged (only its text was edited), they would be
 * written the same: they are left as they are, neither written nor rendered unwritten (6,000 posts, a post's
 * text edited, alternated runs: 4.0 → 2.6 s). Any other save (a post's front matter, a new or removed post,
 * a layout, data, several files at once) goes through Eleventy's own rule.
 */

/**
 * What this module relies on in Eleventy 3.1: a template's input path and configuration; the question "is the
 * saved file relevant to this template?"; and the render override, which Eleventy raises from "disabled" to
 * "optional" for the templates that relevant ones read (the plan du site reads every page), so that their
 * content is rendered again, unwritten (a third of a rebuild at 6,000 posts).
 */
interface TemplateInternals {
  inputPath: string;
  eleventyConfig?: { userConfig?: object };
  isFileRelevantToThisTemplate(incrementalFile: string | undefined, metadata?: object): boolean;
  isRenderableDisabled(): boolean;
  setRenderableOverride(override: boolean | "optional" | undefined): void;
}

type Internals = { default?: { prototype: TemplateInternals } };
const TemplateContent = (await importEleventyFile<Internals>("TemplateContent.js")).default;
const Template = (await importEleventyFile<Internals>("Template.js")).default;

const mismatch =
  "Cette version d'Eleventy n'a plus TemplateContent.isFileRelevantToThisTemplate ni Template.setRenderableOverride, que src/patches/listsOnTextEdits.ts consulte dans le serveur de développement : adaptez ce module à la nouvelle version (ou retirez-le).";

/**
 * The front matter block of a Markdown source, as written; undefined when this simple reading does not find one
 * (no front matter, or one written in a way it does not know): such a save is never taken for a text-only edit.
 */
export function frontMatterOf(source: string): string | undefined {
  return source.replace(/^\uFEFF/, "").match(/^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/)?.[1];
}

interface ListRule {
  /** Absolute input paths of the list templates. */
  lists: Set<string>;
  /** Absolute path of the file whose save leaves the lists as they are, during the rebuild it started. */
  listsUnaffectedBy?: string;
}

// Shared by every copy of this module (the tests load some modules twice): plugins register where the patch looks.
const registry = globalThis as { [key: symbol]: WeakMap<object, ListRule> | undefined };
const rules = (registry[Symbol.for("listsOnTextEdits.rules")] ??= new WeakMap<object, ListRule>());

function frontMattersUnder(folder: string): Map<string, string> {
  const found = new Map<string, string>();
  if (!existsSync(folder)) return found;
  for (const file of readdirSync(folder, { recursive: true, encoding: "utf8" })) {
    const frontMatter = file.endsWith(".md") ? frontMatterOf(readFileSync(path.join(folder, file), "utf8")) : undefined;
    if (frontMatter !== undefined) found.set(path.resolve(folder, file), frontMatter);
  }
  return found;
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined; // removed
  }
}

/**
 * Leaves `listTemplates` (input-relative, as given to `addTemplate`) unrendered in the dev server after a save
 * that cannot change them. `newsFolder` is where the posts are, relative to the input folder.
 */
export function keepListsOnTextEdits(eleventyConfig: EleventyConfig, listTemplates: string[], newsFolder: string): void {
  const input = path.resolve((eleventyConfig.directories as { input: string }).input);
  const news = path.join(input, newsFolder);
  const rule: ListRule = { lists: new Set(listTemplates.map((template) => path.join(input, template))) };
  rules.set(eleventyConfig, rule);
  // The posts' front matter as of the last build, read once when the dev server starts.
  let frontMatters: Map<string, string> | undefined;

  eleventyConfig.on("eleventy.after", ({ runMode }: { runMode: string }) => {
    if (runMode !== "build") frontMatters ??= frontMattersUnder(news);
  });
  eleventyConfig.on("eleventy.beforeWatch", (changed: string[]) => {
    rule.listsUnaffectedBy = undefined;
    if (!frontMatters || changed.length !== 1 || !changed[0]!.endsWith(".md")) return;
    const file = path.resolve(changed[0]!);
    if (!file.startsWith(input + path.sep)) return;
    if (!file.startsWith(news + path.sep)) {
      rule.listsUnaffectedBy = file;
      return;
    }
    const source = readOrUndefined(file);
    const now = source === undefined ? undefined : frontMatterOf(source);
    const before = frontMatters.get(file);
    if (now === undefined) frontMatters.delete(file);
    else frontMatters.set(file, now);
    if (now !== undefined && before !== undefined && now === before) rule.listsUnaffectedBy = file;
  });
}

/** Whether this template is a list that the save being rebuilt cannot change. */
function leftAsItIs(template: TemplateInternals): boolean {
  const rule = template.eleventyConfig?.userConfig && rules.get(template.eleventyConfig.userConfig);
  return Boolean(rule?.listsUnaffectedBy && rule.lists.has(path.resolve(template.inputPath)));
}

/** Puts the rule in Eleventy's choice of the templates to render again, once per process. */
export function consultListRules(): void {
  replaceMethodOnce(
    TemplateContent?.prototype,
    "isFileRelevantToThisTemplate",
    () => {
      const original = originalMethod<TemplateInternals["isFileRelevantToThisTemplate"]>(TemplateContent?.prototype, "isFileRelevantToThisTemplate")!;
      return function (this: TemplateInternals, incrementalFile: string | undefined, metadata?: object) {
        return leftAsItIs(this) ? false : original.call(this, incrementalFile, metadata);
      };
    },
    mismatch,
    patch.name,
  );
  replaceMethodOnce(
    Template?.prototype,
    "setRenderableOverride",
    () => {
      const original = originalMethod<TemplateInternals["setRenderableOverride"]>(Template?.prototype, "setRenderableOverride")!;
      return function (this: TemplateInternals, override: boolean | "optional" | undefined) {
        if (override === "optional" && this.isRenderableDisabled() && leftAsItIs(this)) return;
        original.call(this, override);
      };
    },
    mismatch,
    patch.name,
  );
}
