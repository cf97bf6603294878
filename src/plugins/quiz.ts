import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { inputDirectory, type EleventyConfig } from "../eleventy-types.ts";
import { renderQuiz, validateQuiz } from "../content/quiz.ts";
import { publicFolders } from "./staticFiles.ts";

/** Existing content embeds a quiz as an empty form pointing at its JSON file. */
const emptyQuizForm = /<form\b[^>]*\bdata-quiz-json="([^"]+)"[^>]*>\s*<\/form>/g;

/**
 * Quizzes are rendered into the page at build time from their JSON, so they work without JavaScript.
 * The JSON is looked up beside the content first, then in the public folders (where /js/quiz/… is served from).
 */
export default function quizPlugin(eleventyConfig: EleventyConfig): void {
  const inputDir = inputDirectory(eleventyConfig);
  const publicRoots = publicFolders(inputDir);
  eleventyConfig.addTransform("quiz", function (this: { page: { inputPath: string; outputPath: string | false } }, html: string) {
    const { inputPath, outputPath } = this.page;
    if (typeof outputPath !== "string" || !outputPath.endsWith(".html") || !html.includes("data-quiz-json")) return html;
    let count = 0;
    return html.replace(emptyQuizForm, (_form, source: string) => {
      const candidates = [path.join(inputDir, source), ...publicRoots.map((folder) => path.join(folder, source))];
      const file = candidates.find((candidate) => existsSync(candidate));
      if (!file) {
        throw new Error(`${inputPath} : quiz introuvable « ${source} » (cherché dans ${candidates.join(" et ")}).`);
      }
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(file, "utf8"));
      } catch (error) {
        throw new Error(`${inputPath} : le quiz ${file} n'est pas un JSON valide (${(error as Error).message}).`);
      }
      count++;
      return renderQuiz(validateQuiz(raw, `${file} (page ${inputPath})`), `quiz-${count}`, source);
    });
  });
}
