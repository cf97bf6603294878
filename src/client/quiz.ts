// Quizzes rendered at build time: check each answer, announce the result, count the score, start again.
function alert(kind: "success" | "error" | "info", title: string, text: string): HTMLElement {
  const box = document.createElement("div");
  box.className = `fr-alert fr-alert--${kind} fr-alert--sm fr-mt-2w`;
  const heading = document.createElement("p");
  heading.className = "fr-alert__title";
  heading.textContent = title;
  const body = document.createElement("p");
  body.textContent = text;
  box.append(heading, body);
  return box;
}

function enhance(form: HTMLElement): void {
  const questions = [...form.querySelectorAll<HTMLElement>("[data-quiz-question]")];
  const score = form.querySelector<HTMLElement>("[data-quiz-score]")!;
  const restart = form.querySelector<HTMLButtonElement>("[data-quiz-restart]")!;
  const results = new Map<HTMLElement, boolean>();

  const showScore = () => {
    const right = [...results.values()].filter(Boolean).length;
    score.replaceChildren(
      alert("info", `Votre score : ${right} sur ${questions.length}`, right === questions.length ? "Toutes vos réponses sont justes." : "Relisez les explications sous chaque question, puis recommencez si vous le souhaitez."),
    );
    score.hidden = false;
    restart.hidden = false;
    score.focus();
  };

  for (const question of questions) {
    const check = question.querySelector<HTMLButtonElement>("[data-quiz-check]")!;
    const feedback = question.querySelector<HTMLElement>("[data-quiz-feedback]")!;
    const explanation = question.querySelector<HTMLDetailsElement>("[data-quiz-explanation]")!;
    // With the script, the explanation comes with the check; without it, the disclosure stays.
    explanation.hidden = true;
    check.hidden = false;
    check.addEventListener("click", () => {
      const chosen = question.querySelector<HTMLInputElement>("input[type=radio]:checked");
      if (!chosen) {
        feedback.replaceChildren(alert("info", "Aucune réponse choisie", "Choisissez une réponse avant de vérifier."));
        feedback.focus();
        return;
      }
      const isRight = chosen.hasAttribute("data-right");
      results.set(question, isRight);
      const detail = explanation.querySelector("p")?.textContent ?? "";
      feedback.replaceChildren(alert(isRight ? "success" : "error", isRight ? "Bonne réponse" : "Mauvaise réponse", detail));
      for (const input of question.querySelectorAll<HTMLInputElement>("input[type=radio]")) input.disabled = true;
      check.hidden = true;
      // Focus goes to the announced result; the next question is one Tab away.
      if (results.size === questions.length) showScore();
      else feedback.focus();
    });
  }

  restart.addEventListener("click", () => {
    results.clear();
    for (const question of questions) {
      for (const input of question.querySelectorAll<HTMLInputElement>("input[type=radio]")) {
        input.checked = false;
        input.disabled = false;
      }
      question.querySelector<HTMLElement>("[data-quiz-feedback]")!.replaceChildren();
      question.querySelector<HTMLButtonElement>("[data-quiz-check]")!.hidden = false;
    }
    score.hidden = true;
    restart.hidden = true;
    questions[0]?.querySelector<HTMLInputElement>("input[type=radio]")?.focus();
  });
}

for (const quiz of document.querySelectorAll<HTMLElement>("[data-quiz]")) enhance(quiz);
