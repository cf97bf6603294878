import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { browserSessionForFile } from "../support/browser.ts";
import { builtSite, loadPage, seedPages } from "../support/site.ts";

const site = browserSessionForFile(builtSite);

/** A page that records every Content-Security-Policy violation, from the console and from the DOM event. */
async function watchedPage(): Promise<{ page: Page; violations: string[] }> {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction("reportViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return { page, violations };
}

describe("the Content-Security-Policy of every page", () => {
  it("comes first in the head, before any script, on every page type", () => {
    for (const url of ["/", "/actualites/", seedPages.videoPost, "/recherche/", "/publications/referentiel-general-ecoconception/", "/publications/guide-exemple/quiz/", "/404.html"]) {
      const head = loadPage(url).head.innerHTML;
      const policy = head.indexOf('http-equiv="Content-Security-Policy"');
      expect(policy, url).toBeGreaterThan(0);
      expect(policy, url).toBeLessThan(head.indexOf("<script"));
      const scripts = /script-src ([^;"]*)/.exec(head)?.[1] ?? "";
      expect(scripts, url).toMatch(/^'self'/);
      expect(scripts, url).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
      expect(loadPage(url).querySelector('meta[name="referrer"]')?.getAttribute("content"), url).toBe("strict-origin-when-cross-origin");
    }
  });

  it.each([
    ["home", "/"],
    ["news list", "/actualites/"],
    ["press release", seedPages.pressRelease],
    ["guide page", seedPages.plansActionAbout],
    ["page with a Sommaire", seedPages.about],
    ["referential", "/publications/referentiel-general-ecoconception/"],
    ["criterion", "/publications/referentiel-general-ecoconception/critere/1.1/"],
    ["quiz", "/publications/guide-exemple/quiz/"],
    ["not found", "/404.html"],
  ])("the %s works without a violation, its display settings too", async (_, url) => {
    const { page, violations } = await watchedPage();
    await page.goto(`${site.url}${url}`, { waitUntil: "networkidle" });
    await page.waitForFunction(() => document.documentElement.getAttribute("data-fr-js") === "true");
    await page.locator('[aria-controls="parametres-affichage"]').first().click();
    await page.locator("#parametres-affichage").waitFor({ state: "visible" });
    await page.locator('#parametres-affichage label[for$="dark"]').first().click();
    await page.waitForFunction(() => document.documentElement.getAttribute("data-fr-theme") === "dark");
    expect(violations, url).toEqual([]);
    await page.context().close();
  });

  it("lets the search run its WebAssembly, and the video player load from its host after the click", async () => {
    const { page, violations } = await watchedPage();
    await page.goto(`${site.url}/recherche/?q=numerique`);
    await page.waitForFunction(() => /résultat/.test(document.querySelector("#resultats-statut")?.textContent ?? ""));
    await page.goto(`${site.url}${seedPages.videoPost}`);
    await page.locator(".video-consent button").first().click();
    await page.waitForSelector(".video-consent iframe");
    expect(await page.locator(".video-consent iframe").getAttribute("src")).toMatch(/^https:\/\/www\.dailymotion\.com\//);
    // Only the network is missing here (no internet): the policy let the frame through.
    expect(violations.filter((text) => /frame-src|script-src|wasm/.test(text))).toEqual([]);
    await page.context().close();
  });

  it("refuses a script injected into a page, and a frame from a host the page does not name", async () => {
    const { page, violations } = await watchedPage();
    await page.goto(`${site.url}/`);
    const ran = await page.evaluate(async () => {
      const script = document.createElement("script");
      script.textContent = "window.injected = true";
      document.head.append(script);
      const frame = document.createElement("iframe");
      frame.src = "https://ailleurs.example/";
      document.body.append(frame);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(ran).toBe(false);
    expect(violations.some((text) => /script-src/.test(text))).toBe(true);
    expect(violations.some((text) => /frame-src/.test(text))).toBe(true);
    await page.context().close();
  });
});
