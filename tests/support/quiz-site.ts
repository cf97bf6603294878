import { readFileSync } from "node:fs";
import { buildSite } from "../../src/build/build.ts";
import { createFixtureSite, type FixtureSite } from "./fixture-site.ts";

export const realQuizzes = ["quiz-fin-usage", "quiz-ecoconception-securite"] as const;

/** A site with one page per real quiz of the live site, embedded as existing content does it. */
export async function buildQuizSite(): Promise<FixtureSite> {
  const site = createFixtureSite();
  for (const name of realQuizzes) {
    site.write(`js/quiz/${name}.json`, readFileSync(`../shared/data/quiz/${name}.json`, "utf8"));
    site.write(
      `${name}.md`,
      `---\ntitle: Quiz ${name}\nlayout: layouts/fin-usage.njk\nextrajs: /js/quiz.js\n---\n\nTestez vos connaissances.\n\n<form class="fr-form-group" data-quiz-json="/js/quiz/${name}.json"></form>\n`,
    );
  }
  await buildSite({ input: site.input, output: site.output });
  return site;
}

export function quizAnswers(name: (typeof realQuizzes)[number]): number[] {
  const quiz = JSON.parse(readFileSync(`../shared/data/quiz/${name}.json`, "utf8")) as { questions: { answers: { isRight?: boolean }[] }[] };
  return quiz.questions.map((q) => q.answers.findIndex((a) => a.isRight));
}
