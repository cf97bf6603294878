import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { startBrowserSession } from "../support/browser.ts";
import { fullReferentialSite } from "../support/site.ts";

const base = "/publications/referentiel-general-ecoconception/";
let browser: Browser;
let site: Awaited<ReturnType<typeof startBrowserSession>>;

beforeAll(async () => {
  site = await startBrowserSession(fullReferentialSite);
  browser = site.browser;
});
afterAll(async () => {
  await site?.close();
});

const visibleCriteria = `document.querySelectorAll(".rgesn-criteria > li:not([hidden])").length`;

/** The index with its filters opened, as a reader gets them from the button. */
async function openFilters(page: import("playwright-core").Page): Promise<void> {
  await page.goto(`${site.url}${base}`);
  await page.getByRole("button", { name: "Filtrer les critères" }).click();
  await page.locator("[data-rgesn-filters]").waitFor({ state: "visible" });
  await page.waitForFunction(() => document.querySelector("[data-rgesn-count]")?.textContent?.includes("critères affichés"));
}

describe("referential filters", () => {
  it("shows exactly the priority criteria, keeps the filter in the URL, and after a reload", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openFilters(page);
    expect(await page.evaluate(visibleCriteria)).toBe(78);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("filtre-thematique");

    await page.getByLabel("Priorité", { exact: true }).selectOption("Prioritaire");
    expect(await page.evaluate(visibleCriteria)).toBe(30);
    expect(new URL(page.url()).searchParams.get("priorite")).toBe("Prioritaire");
    expect(await page.locator("[data-rgesn-count]").textContent()).toBe("30 critères affichés sur 78.");
    const priorities = await page.locator(".rgesn-criteria > li:not([hidden]) .fr-badge:first-of-type").allTextContents();
    expect(new Set(priorities)).toEqual(new Set(["Prioritaire"]));

    await page.getByLabel("Thématique", { exact: true }).selectOption("Backend");
    const backendPriority = await page.evaluate(visibleCriteria);
    expect(backendPriority).toBeLessThanOrEqual(4);
    expect(await page.locator(".rgesn-theme:not([hidden])").count()).toBe(1);

    // A filtered address opens with its filters and every list in.
    await page.reload();
    await page.locator("[data-rgesn-filters]").waitFor({ state: "visible" });
    await page.waitForFunction(() => document.querySelector("[data-rgesn-count]")?.textContent?.includes("affichés sur"));
    expect(await page.evaluate(visibleCriteria)).toBe(backendPriority);
    expect(await page.getByLabel("Priorité", { exact: true }).inputValue()).toBe("Prioritaire");
    await context.close();
  });

  it("says so when no criterion matches, and resets every filter from one button", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openFilters(page);
    const reset = page.getByRole("button", { name: "Réinitialiser les filtres" });
    expect(await reset.isVisible()).toBe(false);
    // Find a combination with no criterion, among the real referential's values.
    const themes = (await page.getByLabel("Thématique", { exact: true }).locator("option").allTextContents()).slice(1);
    const difficulties = (await page.getByLabel("Difficulté", { exact: true }).locator("option").allTextContents()).slice(1);
    let empty = false;
    for (const theme of themes) {
      for (const difficulty of difficulties) {
        await page.getByLabel("Thématique", { exact: true }).selectOption(theme);
        await page.getByLabel("Difficulté", { exact: true }).selectOption(difficulty);
        await page.getByLabel("Priorité", { exact: true }).selectOption("Prioritaire");
        if ((await page.evaluate(visibleCriteria)) === 0) empty = true;
        if (empty) break;
      }
      if (empty) break;
    }
    expect(empty).toBe(true);
    expect(await page.locator("[data-rgesn-count]").textContent()).toBe("Aucun des 78 critères ne correspond à ces filtres : élargissez-en un, ou réinitialisez-les.");
    await reset.click();
    expect(await page.evaluate(visibleCriteria)).toBe(78);
    expect(new URL(page.url()).search).toBe("");
    expect(await reset.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("filtre-thematique");
    await context.close();
  });

  it("keeps each download's icon beside its text's last word at every width (alone on a line, it covered the format)", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}${base}`);
    for (let width = 320; width <= 1280; width += 8) {
      await page.setViewportSize({ width, height: 800 });
      // The last line of each link holds the icon (the link's ::after): with text, it is wider than the icon alone.
      const lastLines = await page.locator(".rgesn-downloads a").evaluateAll((links) => links.map((link) => Math.round([...link.getClientRects()].at(-1)!.width)));
      for (const lastLine of lastLines) expect(lastLine, `${width} px`).toBeGreaterThan(48);
    }
    await context.close();
  });

  it("brings in each theme's criteria as the reader scrolls to it, and only then", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const themePages: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/thematique/")) themePages.push(new URL(request.url()).pathname);
    });
    await page.goto(`${site.url}${base}`, { waitUntil: "networkidle" });
    expect(await page.locator(".rgesn-criteria > li").count()).toBe(10);
    expect(themePages).toEqual([]);
    // Down the page as a reader does, a screen at a time, until its end.
    for (let step = 0; step < 60 && (await page.locator("a[data-rgesn-theme-list]").count()) > 0; step++) {
      await page.mouse.wheel(0, 600);
      await page.waitForTimeout(150);
    }
    await page.waitForFunction(() => document.querySelectorAll(".rgesn-criteria > li").length === 78, undefined, { timeout: 10_000 });
    expect(await page.locator("a[data-rgesn-theme-list]").count()).toBe(0);
    expect(new Set(themePages).size).toBe(8);
    await context.close();
  });

  it("leads to every theme's page, and shows no filter button, without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}${base}?priorite=Prioritaire`);
    expect(await page.locator(".rgesn-criteria > li").count()).toBe(10);
    expect(await page.locator("a[data-rgesn-theme-list]").count()).toBe(8);
    expect(await page.getByRole("button", { name: "Filtrer les critères" }).isVisible()).toBe(false);
    await page.locator("a[data-rgesn-theme-list]").first().click();
    expect(await page.locator(".rgesn-criteria > li").count()).toBe(10);
    expect(await page.locator("h1").textContent()).toBe("Thématique Spécifications");
    await context.close();
  });

  it.each([base, `${base}?priorite=Prioritaire`, `${base}thematique/ux-ui/`, `${base}critere/4.14/`])("%s passes axe", async (url) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}${url}`);
    await page.waitForFunction(() => document.documentElement.getAttribute("data-fr-js") === "true");
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await context.close();
  });
});
