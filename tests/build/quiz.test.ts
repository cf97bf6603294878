import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { buildSite } from "../../src/build/build.ts";
import { describeBuildError } from "../../src/build/errors.ts";
import { validateQuiz } from "../../src/content/quiz.ts";
import { createFixtureSite, type FixtureSite } from "../support/fixture-site.ts";
import { buildQuizSite, quizAnswers, realQuizzes } from "../support/quiz-site.ts";

let site: FixtureSite;
beforeAll(async () => {
  site = await buildQuizSite();
});

describe("the live site's quizzes, rendered at build time", () => {
  it.each(realQuizzes)("%s: 10 fieldsets, one right answer each, explanations in the HTML", (name) => {
    const { document } = parseHTML(readFileSync(path.join(site.output, name, "index.html"), "utf8"));
    const quiz = document.querySelector("[data-quiz]")!;
    const fieldsets = quiz.querySelectorAll("fieldset.fr-fieldset");
    expect(fieldsets).toHaveLength(10);
    fieldsets.forEach((fieldset, i) => {
      expect(fieldset.querySelector("legend")?.textContent).toMatch(new RegExp(`^Question ${i + 1} sur 10 : .+`));
      expect(fieldset.querySelectorAll("input[type=radio][data-right]")).toHaveLength(1);
      const right = [...fieldset.querySelectorAll("input[type=radio]")].findIndex((input) => input.hasAttribute("data-right"));
      expect(right).toBe(quizAnswers(name)[i]);
      for (const input of fieldset.querySelectorAll("input")) {
        expect(fieldset.querySelector(`label[for="${input.id}"]`)).not.toBeNull();
      }
    });
    const explanations = quiz.querySelectorAll("details[data-quiz-explanation]");
    expect(explanations).toHaveLength(10);
    expect(explanations[0]!.textContent).toContain("Bonne réponse");
    expect(document.querySelector('script[src^="/assets/quiz-"]')).not.toBeNull();
  });
});

describe("malformed quizzes", () => {
  it("names the page and the question without a right answer", () => {
    const quiz = { questions: [{ question: "Une ?", answers: [{ title: "A", isRight: true }, { title: "B" }] }, { question: "Deux ?", answers: [{ title: "A" }, { title: "B" }] }] };
    expect(() => validateQuiz(quiz, "q.json")).toThrow(/question 2 \(« Deux \? »\) : aucune réponse n'est marquée/);
    expect(() => validateQuiz({ questions: [{ question: " ", answers: [{ title: "A", isRight: true }, { title: "B" }] }] }, "q.json")).toThrow(
      /question 1 : l'énoncé est vide/,
    );
  });

  it("fails the build naming the page, for a missing or malformed file", async () => {
    const fixture: FixtureSite = createFixtureSite();
    fixture.write("js/quiz/casse.json", JSON.stringify({ questions: [{ question: "Q ?", answers: [{ title: "A" }, { title: "B" }] }] }));
    fixture.write("casse.md", '---\ntitle: Quiz cassé\n---\n<form class="fr-form-group" data-quiz-json="/js/quiz/casse.json"></form>\n');
    const error = await buildSite({ input: fixture.input, output: fixture.output }).then(() => undefined, describeBuildError);
    expect(error).toMatch(/casse\.md/);
    expect(error).toMatch(/question 1 \(« Q \? »\) : aucune réponse n'est marquée/);

    const missing: FixtureSite = createFixtureSite();
    missing.write("absent.md", '---\ntitle: Quiz absent\n---\n<form class="fr-form-group" data-quiz-json="/js/quiz/absent.json"></form>\n');
    const missingError = await buildSite({ input: missing.input, output: missing.output }).then(() => undefined, describeBuildError);
    expect(missingError).toMatch(/absent\.md : quiz introuvable « \/js\/quiz\/absent\.json »/);
  });
});
