import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { startBrowserSession } from "../support/browser.ts";
import { builtSite, seedPages } from "../support/site.ts";

let browser: Browser;
let site: Awaited<ReturnType<typeof startBrowserSession>>;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  site = await startBrowserSession(builtSite);
  browser = site.browser;
});
afterAll(async () => {
  await site?.close();
});

async function open(url: string): Promise<void> {
  context = await browser.newContext();
  page = await context.newPage();
  await page.goto(`${site.url}${url}`);
}

const status = () => page.locator("#resultats-statut");
const resultLinks = () => page.locator(".search-results .fr-card__title a");
async function waitForResults(): Promise<void> {
  await page.waitForFunction(() => /résultat|Aucun/.test(document.querySelector("#resultats-statut")?.textContent ?? ""));
}
/** The rest of the page's results, from the button that follows the first ones. */
async function showWholePage(): Promise<void> {
  const more = page.locator(".search-more button");
  if (await more.count()) await more.click();
  await expect.poll(() => page.locator(".search-more").count()).toBe(0);
}
/** The filters, from their button, with their counts. */
async function openFilters(): Promise<void> {
  await page.waitForFunction(() => document.documentElement.getAttribute("data-fr-js") === "true");
  await page.getByRole("button", { name: /^Filtrer les résultats/ }).click();
  await page.locator("#filtre-type").waitFor({ state: "visible" });
}

describe("search from the header", () => {
  it("finds the video seed by a word of its transcription", async () => {
    await open(seedPages.about);
    const box = page.locator("#champ-recherche");
    await box.fill("Vallet");
    await box.press("Enter");
    await page.waitForURL(/\/recherche\/\?q=Vallet$/);
    await waitForResults();
    const hrefs = await resultLinks().evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(hrefs.slice(0, 3)).toContain(seedPages.videoPost);
    await context.close();
  });

  it("finds accented words without their accents, and word forms by their stem", async () => {
    await open("/recherche/?q=numerique");
    await waitForResults();
    const excerpts = await page.locator(".search-results mark").allTextContents();
    expect(excerpts.map((t) => t.toLowerCase())).toContain("numérique");
    await context.close();
  });

  it("marks the searched words in bold on the theme's own yellow, readable in the dark theme", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      context = await browser.newContext({ colorScheme });
      page = await context.newPage();
      await page.goto(`${site.url}/recherche/?q=numerique`);
      await waitForResults();
      const mark = page.locator(".search-results mark").first();
      const style = await mark.evaluate((element) => ({ background: getComputedStyle(element).backgroundColor, weight: getComputedStyle(element).fontWeight }));
      // Not the browser's own highlight (yellow, #ff0), which glares on a dark page.
      expect(style.background, colorScheme).not.toBe("rgb(255, 255, 0)");
      expect(style.weight, colorScheme).toBe("700");
      const contrast = await new AxeBuilder({ page }).withRules(["color-contrast"]).include(".search-results").analyze();
      expect(contrast.violations.map((violation) => violation.id), colorScheme).toEqual([]);
      await context.close();
    }
  });

  it("searches on the page itself, without downloading Pagefind's worker script", async () => {
    await open("/recherche/");
    const requests: string[] = [];
    page.on("request", (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${site.url}/recherche/?q=numerique`);
    await waitForResults();
    expect(await resultLinks().count()).toBeGreaterThan(0);
    expect(requests).toContain("/pagefind/pagefind.js");
    expect(requests.filter((url) => url.includes("worker"))).toEqual([]);
    await context.close();
  });

  it("downloads the index and the first results' text only: the page's other results as the reader reaches them, no image, no filter counts until asked", async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    page = await context.newPage();
    const requests: string[] = [];
    page.on("requestfinished", (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${site.url}/recherche/?q=numerique`, { waitUntil: "networkidle" });
    await waitForResults();
    expect(await resultLinks().count()).toBe(3);
    expect(requests.filter((url) => url.includes("/pagefind/fragment/"))).toHaveLength(3);
    expect(requests.filter((url) => url.includes("/pagefind/filter/"))).toEqual([]);
    expect(requests.filter((url) => /\.(avif|webp|png|jpe?g)$/.test(url))).toEqual([]);
    // Scrolling down brings the rest of the page in, without a click.
    await page.locator(".search-more").scrollIntoViewIfNeeded();
    await expect.poll(() => resultLinks().count()).toBe(10);
    expect(requests.filter((url) => url.includes("/pagefind/fragment/"))).toHaveLength(10);
    await context.close();
  });

  it("gives the keyboard the first result the button brought", async () => {
    await open("/recherche/?q=numerique");
    await waitForResults();
    await page.locator(".search-more button").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => resultLinks().count()).toBe(10);
    expect(await page.evaluate(() => document.activeElement?.closest(".search-results > li")?.previousElementSibling === null)).toBe(false);
    const focused = await page.evaluate(() => [...document.querySelectorAll(".search-results .fr-card__title a")].indexOf(document.activeElement as Element));
    expect(focused).toBe(3);
    await context.close();
  });

  it("shows excerpts of the page's own words, not its date or series line", async () => {
    await open("/recherche/?q=Vallet");
    await waitForResults();
    const excerpts = await page.locator(".search-results .fr-card__desc").allTextContents();
    expect(excerpts.length).toBeGreaterThan(0);
    for (const excerpt of excerpts) expect(excerpt).not.toMatch(/^[\s:;,.]|Publié le|Série :|Dernière mise à jour/);
    await context.close();
  });
});

describe("filters and pages", () => {
  it("narrows the list with a type filter, keeps it in the URL, pages through and comes back", async () => {
    await open("/recherche/?q=numerique");
    await waitForResults();
    const all = Number((await status().textContent())!.match(/\d+/)![0]);
    expect(all).toBeGreaterThan(10);
    await showWholePage();
    expect(await resultLinks().count()).toBe(10);

    await page.getByRole("link", { name: "2", exact: true }).click();
    await page.waitForURL(/page=2/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("resultats-statut");
    await showWholePage();
    await expect.poll(() => resultLinks().count()).toBe(Math.min(10, all - 10));
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes("page="));
    await waitForResults();
    await showWholePage();
    await expect.poll(() => resultLinks().count()).toBe(10);

    // DSFR draws its own checkbox over the input: click the label, as a visitor does.
    await openFilters();
    await page.locator("label", { hasText: /^Publication \(\d+\)$/ }).click();
    await page.waitForURL(/type=Publication/);
    await waitForResults();
    const filtered = Number((await status().textContent())!.match(/\d+/)![0]);
    expect(filtered).toBeLessThan(all);
    await showWholePage();
    const badges = await page.locator(".search-results .fr-badge").allTextContents();
    expect(new Set(badges)).toEqual(new Set(["Publication"]));
    // The other types keep their counts (either may be added), the years count the publications only.
    const videos = Number((await page.locator("#filtre-type label", { hasText: /^Vidéo/ }).textContent())!.match(/\((\d+)\)/)![1]);
    expect(videos).toBeGreaterThan(0);
    const years = await page.locator("#filtre-year label").allTextContents();
    expect(years.reduce((sum, label) => sum + Number(label.match(/\((\d+)\)/)![1]), 0)).toBeLessThanOrEqual(filtered);

    // The filtered URL can be shared: opening it gives the same list.
    const shared = page.url();
    const other = await context.newPage();
    await other.goto(shared);
    await other.waitForFunction(() => /résultat/.test(document.querySelector("#resultats-statut")?.textContent ?? ""));
    expect(await other.locator("#resultats-statut").textContent()).toBe(await status().textContent());
    await context.close();
  });

  it("works with the keyboard alone", async () => {
    await open("/recherche/");
    await page.locator("#champ-recherche-page").focus();
    await page.keyboard.type("numerique");
    await page.keyboard.press("Enter");
    await waitForResults();
    await page.waitForFunction(() => document.documentElement.getAttribute("data-fr-js") === "true");
    await page.getByRole("button", { name: "Filtrer les résultats" }).focus();
    await page.keyboard.press("Enter");
    await page.locator("#filtre-type").waitFor({ state: "visible" });
    // The filters were rebuilt with their counts: the focus stays on the button that opened them.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Filtrer les résultats");
    const checkbox = page.getByLabel(/^Vidéo \(\d+\)$/).first();
    await checkbox.focus();
    await page.keyboard.press("Space");
    await page.waitForURL(/type=Vid%C3%A9o/);
    await waitForResults();
    // The list is rebuilt around the checkbox: focus stays on it, not back at the top of the page.
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe("Vidéo");
    await page.keyboard.press("Space");
    await page.waitForURL((url) => !url.search.includes("type="));
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.checked)).toBe(false);
    await page.keyboard.press("Space");
    await page.waitForURL(/type=Vid%C3%A9o/);
    await waitForResults();
    const firstResult = resultLinks().first();
    await firstResult.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname.startsWith("/actualites/"));
    await context.close();
  });
});

describe("screen readers", () => {
  it("hear each outcome from one live region that stays on the page, not from the heading rebuilt with the results", async () => {
    await open("/recherche/?q=numerique");
    await waitForResults();
    const liveRegions = page.locator("#resultats [role=status], #resultats [aria-live], main [role=status], main [aria-live]");
    expect(await liveRegions.count()).toBe(1);
    expect(await liveRegions.textContent()).toBe(await status().textContent());
    await liveRegions.evaluate((node) => node.setAttribute("data-same-node", ""));

    await openFilters();
    await page.locator("#filtre-type label", { hasText: /^Publication \(\d+\)$/ }).click();
    await page.waitForURL(/type=Publication/);
    await waitForResults();
    // Only its text changed: a region inserted along with its text is often not read out.
    expect(await page.locator("[data-same-node]").textContent()).toBe(await status().textContent());
    expect(await liveRegions.count()).toBe(1);
    await context.close();
  });
});

describe("filters on a phone", () => {
  it("wait behind a button, so the results come first, and stay open while the visitor filters", async () => {
    context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    page = await context.newPage();
    await page.goto(`${site.url}/recherche/?q=numerique`);
    await waitForResults();
    await page.waitForFunction(() => document.documentElement.getAttribute("data-fr-js") === "true");
    const toggle = page.getByRole("button", { name: "Filtrer les résultats" });
    const videoFilter = page.locator("#filtre-type label", { hasText: /^Vidéo \(\d+\)$/ });
    expect(await videoFilter.isVisible()).toBe(false);
    // Before, a screenful of checkboxes pushed the first result below the fold.
    const firstResult = await resultLinks().first().boundingBox();
    expect(firstResult!.y + firstResult!.height).toBeLessThan(844);

    await toggle.click();
    await expect.poll(() => videoFilter.isVisible()).toBe(true);
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    await videoFilter.click();
    await page.waitForURL(/type=Vid%C3%A9o/);
    await waitForResults();
    await expect.poll(() => page.locator("#filtre-type label", { hasText: /^Vidéo \(\d+\)$/ }).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Filtrer les résultats (1 actif)" }).getAttribute("aria-expanded")).toBe("true");
    await context.close();
  });

  it("wait behind the same button on a wide screen, and stand side by side once open", async () => {
    await open("/recherche/?q=numerique");
    await waitForResults();
    await openFilters();
    const boxes = await page.locator(".search-filters fieldset").evaluateAll((sets) => sets.map((set) => Math.round(set.getBoundingClientRect().top)));
    expect(boxes.length).toBe(3);
    expect(new Set(boxes).size).toBe(1);
    await context.close();
  });
});

describe("safety and empty states", () => {
  it("shows an empty state with suggestions when nothing matches", async () => {
    await open("/recherche/?q=qwxzkvj");
    await waitForResults();
    expect(await status().textContent()).toBe("Aucun résultat pour « qwxzkvj ».");
    expect(await page.locator('[data-search-app] a[href="/plan-du-site/"]').count()).toBe(1);
    await context.close();
  });

  it("shows a query and a page title containing HTML as text", async () => {
    await open(`/recherche/?q=${encodeURIComponent('<img src=x onerror="window.injected=1">')}`);
    await waitForResults();
    expect(await status().textContent()).toContain('<img src=x onerror="window.injected=1">');
    expect(await page.evaluate(() => (window as { injected?: number }).injected)).toBeUndefined();
    await page.goto(`${site.url}/recherche/?q=balises`);
    await waitForResults();
    const titles = await resultLinks().allTextContents();
    expect(titles).toContain("Alléger les balises <img> : trois conseils (exemple)");
    expect(await page.locator(".search-results .fr-card__title img").count()).toBe(0);
    await context.close();
  });

  it("explains what to do without JavaScript", async () => {
    context = await browser.newContext({ javaScriptEnabled: false });
    page = await context.newPage();
    await page.goto(`${site.url}/recherche/?q=numerique`);
    expect(await page.locator(".search-nojs").textContent()).toContain("JavaScript");
    expect(await page.locator('.search-nojs a[href="/plan-du-site/"]').count()).toBe(1);
    await context.close();
  });

  it("loads no search index on pages without a query, and passes axe with results", async () => {
    await open("/recherche/");
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.reload({ waitUntil: "networkidle" });
    expect(requests.filter((url) => url.includes("/pagefind/"))).toEqual([]);
    await page.goto(`${site.url}/recherche/?q=numerique`);
    await waitForResults();
    await page.waitForFunction(() => document.documentElement.getAttribute("data-fr-js") === "true");
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    // The header's search and the page's own: two search landmarks a screen reader tells apart by their names.
    const landmarks = await new AxeBuilder({ page }).withRules(["landmark-unique"]).analyze();
    expect(landmarks.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    expect(await page.locator('[role="search"]').evaluateAll((forms) => forms.map((form) => form.getAttribute("aria-label")))).toEqual([
      "Rechercher sur le site",
      "Recherche dans les contenus",
    ]);
    await context.close();
  });
});
