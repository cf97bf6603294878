import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { startBrowserSession } from "../support/browser.ts";
import { buildQuizSite, quizAnswers } from "../support/quiz-site.ts";

let browser: Browser;
let site: Awaited<ReturnType<typeof startBrowserSession>>;

beforeAll(async () => {
  const built = await buildQuizSite();
  site = await startBrowserSession(built.output);
  browser = site.browser;
});
afterAll(async () => {
  await site?.close();
});

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Answers question `index` with the keyboard: Space on the first answer, arrows to the chosen one, Tab to "Vérifier", Enter. */
async function answerWithKeyboard(page: Page, index: number, answer: number): Promise<void> {
  const question = page.locator("[data-quiz-question]").nth(index);
  await question.locator("input[type=radio]").first().focus();
  await page.keyboard.press("Space");
  for (let i = 0; i < answer; i++) await page.keyboard.press("ArrowDown");
  expect(await question.locator("input[type=radio]").nth(answer).isChecked()).toBe(true);
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.hasAttribute("data-quiz-check"))).toBe(true);
  await page.keyboard.press("Enter");
}

describe("a quiz's layout", () => {
  it("numbers each question above its text, keeps an answered one readable, and leaves room before the next", async () => {
    for (const width of [375, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${site.url}/quiz-fin-usage/`);
      await page.waitForFunction(() => document.documentElement.getAttribute("data-fr-js") === "true");
      const first = page.locator("[data-quiz-question]").first();
      const number = first.locator(".quiz__number");
      expect(await number.innerText()).toMatch(/^Question 1 sur 10\b/);
      // No list marker beside the first answer: the number is in the question, above its text.
      expect(await first.evaluate((li) => getComputedStyle(li).listStyleType)).toBe("none");
      const numberBox = (await number.boundingBox())!;
      const answerBox = (await first.locator(".fr-radio-group").first().boundingBox())!;
      expect(numberBox.y + numberBox.height, `${width} px`).toBeLessThanOrEqual(answerBox.y);

      await answerWithKeyboard(page, 0, 0);
      await first.locator("[data-quiz-feedback] .fr-alert").waitFor();
      const colour = (selector: string) => page.locator(selector).first().evaluate((label) => getComputedStyle(label).color);
      const answered = await colour("[data-quiz-question]:nth-child(1) .fr-label");
      const open = await colour("[data-quiz-question]:nth-child(2) .fr-label");
      expect(answered, "an answered question's labels are not greyed out").toBe(open);
      const feedbackBox = (await first.locator("[data-quiz-feedback]").boundingBox())!;
      const nextBox = (await page.locator("[data-quiz-question]").nth(1).locator(".quiz__number").boundingBox())!;
      expect(nextBox.y - (feedbackBox.y + feedbackBox.height), `${width} px`).toBeGreaterThanOrEqual(32);
      await context.close();
    }
  });
});

describe("a real quiz with JavaScript", () => {
  it("is answered with the keyboard alone, gives the expected score, announces results and restarts", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}/quiz-fin-usage/`);
    await page.waitForFunction(() => document.documentElement.getAttribute("data-fr-js") === "true");
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.locator("details[data-quiz-explanation]").first().isVisible()).toBe(false);

    // Right on every question but the first two: 8 out of 10.
    const right = quizAnswers("quiz-fin-usage");
    for (let i = 0; i < right.length; i++) {
      const answer = i < 2 ? (right[i]! + 1) % 2 : right[i]!;
      await answerWithKeyboard(page, i, answer);
      const feedback = page.locator("[data-quiz-feedback]").nth(i);
      await expect.poll(() => feedback.locator(".fr-alert__title").textContent()).toBe(i < 2 ? "Mauvaise réponse" : "Bonne réponse");
      if (i < right.length - 1) {
        // Focus sits on the announced result, the next question one Tab away.
        expect(await page.evaluate(() => document.activeElement?.hasAttribute("data-quiz-feedback"))).toBe(true);
      }
    }
    const score = page.locator("[data-quiz-score]");
    expect(await score.locator(".fr-alert__title").textContent()).toBe("Votre score : 8 sur 10");
    expect(await page.evaluate(() => document.activeElement?.hasAttribute("data-quiz-score"))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Recommencer" }).click();
    await expect.poll(() => score.isVisible()).toBe(false);
    expect(await page.locator("[data-quiz] input[type=radio]:checked").count()).toBe(0);
    expect(await page.locator("[data-quiz-feedback] .fr-alert").count()).toBe(0);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.id)).toBe("quiz-1-q1-r1");
    await context.close();
  });
});

describe("a real quiz without JavaScript", () => {
  it("can be answered and its explanations read", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/quiz-ecoconception-securite/`);
    const first = page.locator("[data-quiz-question]").first();
    await first.locator("label").last().click();
    expect(await first.locator("input[type=radio]").last().isChecked()).toBe(true);
    await first.locator("summary").click();
    expect(await first.locator("details p").isVisible()).toBe(true);
    expect(await first.locator("details p").textContent()).toContain("Bonne réponse : Les trois");
    expect(await page.locator("[data-quiz-check]").first().isVisible()).toBe(false);
    await context.close();
  });
});
