import { z } from "zod";
import { escapeAttribute, escapeHtml } from "./html.ts";

const quizSchema = z.object({
  questions: z
    .array(
      z.object({
        question: z.string(),
        answers: z.array(z.object({ title: z.string(), isRight: z.boolean().optional() })),
        answerInformation: z.string().optional(),
      }),
    )
    .min(1),
});

export type Quiz = z.infer<typeof quizSchema>;

/** Checks a quiz file; problems name the page, the file and the question (numbered from 1). */
export function validateQuiz(raw: unknown, where: string): Quiz {
  const parsed = quizSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const questionIndex = issue.path[0] === "questions" && typeof issue.path[1] === "number" ? issue.path[1] + 1 : undefined;
    throw new Error(
      `Quiz ${where}${questionIndex ? `, question ${questionIndex}` : ""} : champ « ${issue.path.slice(2).join(".") || issue.path.join(".")} » invalide (${issue.message}). Format attendu : { "questions": [ { "question", "answers": [ { "title", "isRight" } ], "answerInformation" } ] }.`,
    );
  }
  const problems: string[] = [];
  parsed.data.questions.forEach((q, i) => {
    if (!q.question.trim()) problems.push(`question ${i + 1} : l'énoncé est vide`);
    if (q.answers.length < 2) problems.push(`question ${i + 1} : il faut au moins deux réponses`);
    if (q.answers.some((a) => !a.title.trim())) problems.push(`question ${i + 1} : une réponse est vide`);
    const right = q.answers.filter((a) => a.isRight).length;
    if (right !== 1) problems.push(`question ${i + 1} (« ${q.question} ») : ${right === 0 ? "aucune réponse n'est marquée" : `${right} réponses sont marquées`} "isRight": true, il en faut exactement une`);
  });
  if (problems.length) throw new Error(`Quiz ${where} :\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  return parsed.data;
}

/**
 * The quiz as plain HTML: DSFR radio groups in fieldsets, and after each question a disclosure
 * with the right answer and its explanation, so that everything works without JavaScript.
 * The quiz script adds checking, alerts, the score and "Recommencer".
 */
export function renderQuiz(quiz: Quiz, id: string, source: string): string {
  const total = quiz.questions.length;
  const questions = quiz.questions.map((q, qi) => {
    const qid = `${id}-q${qi + 1}`;
    const rightIndex = q.answers.findIndex((a) => a.isRight);
    const answers = q.answers
      .map(
        (a, ai) => `<div class="fr-fieldset__element"><div class="fr-radio-group">
<input type="radio" id="${qid}-r${ai + 1}" name="${qid}" value="${ai}"${ai === rightIndex ? " data-right" : ""}>
<label class="fr-label" for="${qid}-r${ai + 1}">${escapeHtml(a.title)}</label>
</div></div>`,
      )
      .join("\n");
    return `<li class="quiz__question" data-quiz-question>
<fieldset class="fr-fieldset" id="${qid}" aria-labelledby="${qid}-enonce">
<legend class="fr-fieldset__legend" id="${qid}-enonce"><span class="quiz__number">Question ${qi + 1} sur ${total}<span class="fr-sr-only"> : </span></span>${escapeHtml(q.question)}</legend>
${answers}
</fieldset>
<details class="quiz__explanation" data-quiz-explanation>
<summary>Voir la réponse<span class="fr-sr-only"> à la question ${qi + 1}</span></summary>
<p><strong>Bonne réponse : ${escapeHtml(q.answers[rightIndex]!.title)}.</strong>${q.answerInformation ? ` ${escapeHtml(q.answerInformation)}` : ""}</p>
</details>
<div class="quiz__feedback" data-quiz-feedback tabindex="-1"></div>
<button type="button" class="fr-btn fr-btn--secondary fr-btn--sm" data-quiz-check hidden>Vérifier ma réponse<span class="fr-sr-only"> à la question ${qi + 1}</span></button>
</li>`;
  });
  // A group, not a form: nothing is sent anywhere, the answers are checked on the page.
  return `<div class="fr-form-group quiz" id="${id}" data-quiz data-quiz-json="${escapeAttribute(source)}" role="group" aria-label="Quiz de ${total} questions">
<ol class="quiz__questions">
${questions.join("\n")}
</ol>
<div class="quiz__score" data-quiz-score tabindex="-1" hidden></div>
<button type="button" class="fr-btn fr-btn--tertiary" data-quiz-restart hidden>Recommencer</button>
</div>`;
}
