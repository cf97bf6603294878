import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { buildLiveShapedSite } from "../support/live-site.ts";
import { startBrowserSession } from "../support/browser.ts";

let session: Awaited<ReturnType<typeof startBrowserSession>>;

beforeAll(async () => {
  session = await startBrowserSession((await buildLiveShapedSite()).output);
});
afterAll(async () => session?.close());

/** The Content-Security-Policy violations Chromium reports on the page's console. */
function policyViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

describe("the live site's content in the browser", () => {
  it("requests nothing from a podcast host until the visitor asks, then shows its player with a title", async () => {
    const context = await session.browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    const violations = policyViolations(page);
    const hostRequests: string[] = [];
    await context.route(/acast/, (route) => {
      hostRequests.push(route.request().url());
      return route.fulfill({ status: 200, contentType: "text/html", body: "<title>lecteur</title>" });
    });
    await page.goto(`${session.url}/actualites/S2E3/`, { waitUntil: "networkidle" });
    expect(hostRequests).toEqual([]);
    await page.getByRole("button", { name: /Afficher le contenu : Lecteur de podcast Acast/ }).click();
    const iframe = page.locator(".video-consent iframe");
    await iframe.waitFor();
    expect(await iframe.getAttribute("src")).toBe("https://embed.acast.com/exemple-referents/saison-2-episode-3");
    expect(await iframe.getAttribute("title")).toBe("Lecteur de podcast Acast (embed.acast.com)");
    expect((await iframe.boundingBox())!.height).toBe(190);
    await page.waitForLoadState("networkidle");
    expect(hostRequests.length).toBeGreaterThan(0);
    // The page's policy names the podcast host: the frame was let through.
    expect(violations).toEqual([]);
    await context.close();
  });

  it("carries the query of the live search address over to the search page", async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    const violations = policyViolations(page);
    await page.goto(`${session.url}/search-results/?term=sobri%C3%A9t%C3%A9#resultats`);
    await page.waitForURL(/\/recherche\//);
    expect(new URL(page.url()).search).toBe("?q=sobri%C3%A9t%C3%A9");
    expect(new URL(page.url()).hash).toBe("#resultats");
    // The redirect's own script ran under the policy (by its hash).
    expect(violations).toEqual([]);
    await context.close();
  });

  it.each(["/", "/ressources/videos/", "/publications/boite-outils/fiches/mesureur/", "/publications/strategie-numerique-responsable-des-collectivites/outils/diagnostic/", "/thematiques/mesure/", "/publications/videos-serie-referents/episode-1/"])(
    "%s passes axe and fits a phone",
    async (url) => {
      const context = await session.browser.newContext({ viewport: { width: 375, height: 800 } });
      const page = await context.newPage();
      const violations = policyViolations(page);
      await page.goto(`${session.url}${url}`, { waitUntil: "networkidle" });
      expect(violations).toEqual([]);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await context.close();
    },
  );
});
