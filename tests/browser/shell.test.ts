import { describe, expect, it } from "vitest";
import { AxeBuilder } from "@axe-core/playwright";
import { browserSessionForFile } from "../support/browser.ts";
import { builtSite, seedPages } from "../support/site.ts";

const site = browserSessionForFile(builtSite);

describe("display settings", () => {
  it("switch to the dark theme, which stays on reload without a flash", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const pictograms: string[] = [];
    page.on("requestfinished", (request) => {
      if (request.url().includes("/artwork/pictograms/")) pictograms.push(request.url());
    });
    await page.goto(`${site.url}/`, { waitUntil: "networkidle" });
    await page.waitForFunction(() => document.documentElement.getAttribute("data-fr-js") === "true");
    expect(await page.getAttribute("html", "data-fr-theme")).toBe("light");
    // Plain radios: no drawing to download, closed or open.
    expect(pictograms).toEqual([]);

    await page.getByRole("button", { name: "Paramètres d'affichage" }).click();
    const dialog = page.getByRole("dialog", { name: "Paramètres d'affichage" });
    await dialog.waitFor({ state: "visible" });
    expect(await dialog.getByRole("radio").count()).toBe(3);
    expect(pictograms).toEqual([]);
    await dialog.getByText("Thème sombre").click();
    await page.waitForFunction(() => document.documentElement.getAttribute("data-fr-theme") === "dark");

    // Reload with DSFR's scripts blocked: the theme must come from the inline head script, before first paint.
    let blocked = 0;
    await page.route("**/assets/dsfr.*", (route) => {
      blocked++;
      return route.abort();
    });
    await page.goto(`${site.url}${seedPages.about}`);
    expect(blocked).toBeGreaterThan(0);
    expect(await page.getAttribute("html", "data-fr-theme")).toBe("dark");
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe("rgb(255, 255, 255)");
    await context.close();
  });
});

describe("mobile menu", () => {
  it("opens from the Menu button, shows the navigation and closes with Escape", async () => {
    const context = await site.browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    await page.waitForFunction(() => document.documentElement.getAttribute("data-fr-js") === "true");
    const news = page.locator("#navigation-principale").getByRole("link", { name: "Actualités" });
    expect(await news.isVisible()).toBe(false);
    await page.getByRole("button", { name: "Menu" }).click();
    await news.waitFor({ state: "visible" });
    // A section with sub-pages opens its sub-menu.
    const resources = page.locator("#navigation-principale").getByRole("button", { name: "Ressources" });
    await resources.click();
    await page.locator("#navigation-principale").getByRole("link", { name: "Podcasts" }).waitFor({ state: "visible" });
    // DSFR copies the tool links into the mobile menu.
    expect(await page.locator(".fr-header__menu-links").getByRole("link", { name: "Contact" }).isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    await news.waitFor({ state: "hidden" });
    await context.close();
  });
});

describe("cards", () => {
  it("never run past their column, and never cut a word of their title in two", async () => {
    for (const width of [375, 768, 1280]) {
      const context = await site.browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      for (const url of [seedPages.plansAction, "/publications/", "/actualites/"]) {
        await page.goto(`${site.url}${url}`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${url} à ${width} px`).toBeLessThanOrEqual(width);
        const cut = await page.evaluate(() =>
          [...document.querySelectorAll(".fr-card__title")].flatMap((title) => {
            const text = title.textContent ?? "";
            const node = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
            const words: string[] = [];
            for (let current = node.nextNode(); current; current = node.nextNode()) {
              // A compound breaks at its hyphen (éco-responsable): its parts are the words.
              for (const match of (current.textContent ?? "").matchAll(/[^\s-]+/g)) {
                const range = document.createRange();
                range.setStart(current, match.index!);
                range.setEnd(current, match.index! + match[0].length);
                // A word on two lines has two boxes (one per line).
                const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
                if (lines.size > 1) words.push(`${match[0]} (${text.trim().slice(0, 40)}…)`);
              }
            }
            return words;
          }),
        );
        expect(cut, `${url} à ${width} px`).toEqual([]);
        const overflowing = await page.evaluate(() =>
          [...document.querySelectorAll(".fr-card img")].filter((img) => img.getBoundingClientRect().width > img.closest(".fr-card")!.getBoundingClientRect().width + 1).length,
        );
        expect(overflowing, `${url} à ${width} px`).toBe(0);
      }
      await context.close();
    }
  });
});

describe("spacing", () => {
  it("leaves a heading after a list as much room as after a paragraph", async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    for (const url of [seedPages.about, "/accessibilite/", "/publications/referentiel-general-ecoconception/critere/1.1/"]) {
      await page.goto(`${site.url}${url}`);
      const gaps = await page.evaluate(() =>
        [...document.querySelectorAll("main :is(h2, h3, h4)")].flatMap((heading) => {
          const before = heading.previousElementSibling;
          const endsWithList = before && (/^(UL|OL|DL)$/.test(before.tagName) || /^(UL|OL)$/.test(before.lastElementChild?.tagName ?? ""));
          return endsWithList ? [`${heading.textContent?.trim().slice(0, 30)}: ${Math.round(heading.getBoundingClientRect().top - before.getBoundingClientRect().bottom)}`] : [];
        }),
      );
      expect(gaps.length, url).toBeGreaterThan(0);
      for (const gap of gaps) expect(Number(gap.split(": ").at(-1)), `${url} ${gap}`).toBeGreaterThanOrEqual(24);
    }
    await context.close();
  });
});

describe("tables wider than a phone", () => {
  it("can be reached and scrolled with the keyboard, by the name of their section", async () => {
    const context = await site.browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/declaration-ecoconception/`);
    const box = page.locator(".fr-table__container").first();
    await expect.poll(() => box.getAttribute("tabindex")).toBe("0");
    expect(await box.getAttribute("role")).toBe("region");
    expect(await box.getAttribute("aria-label")).toBe("Tableau : Mesures");
    await box.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => box.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    const { default: AxeBuilder } = await import("@axe-core/playwright");
    const results = await new AxeBuilder({ page }).withRules(["scrollable-region-focusable"]).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
    // Wide enough, the same table is no tab stop.
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(() => box.getAttribute("tabindex")).toBeNull();
    await context.close();
  });
});

describe("mobile search", () => {
  it("opens as a dialog named after its button, and DSFR has nothing to warn about", async () => {
    const context = await site.browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    const warnings: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "warning" || message.type() === "error") warnings.push(message.text());
    });
    await page.goto(`${site.url}/`);
    await page.waitForFunction(() => document.documentElement.getAttribute("data-fr-js") === "true");
    await page.locator(".fr-header__navbar").getByRole("button", { name: "Rechercher" }).click();
    const dialog = page.getByRole("dialog", { name: "Rechercher" });
    await dialog.waitFor({ state: "visible" });
    expect(await dialog.getByRole("searchbox").isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(warnings).toEqual([]);
    await context.close();
  });
});

describe("click-to-load video", () => {
  it("shows the post's own image behind the notice, and fits the notice and the button in the player's box down to 320 px", async () => {
    for (const width of [320, 375, 1280]) {
      const context = await site.browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${site.url}${seedPages.videoPost}`);
      const frame = page.locator(".video-consent__frame").first();
      await frame.scrollIntoViewIfNeeded();
      const poster = frame.locator("img.video-consent__poster");
      expect(await poster.getAttribute("alt")).toBe("");
      await expect.poll(() => poster.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      expect(new URL(await poster.evaluate((img: HTMLImageElement) => img.currentSrc)).origin).toBe(site.url);
      const box = await frame.boundingBox();
      for (const part of [frame.locator(".video-consent__notice"), frame.getByRole("button", { name: /Lire la vidéo/ })]) {
        const inner = await part.boundingBox();
        expect(inner!.y, `${width} px`).toBeGreaterThanOrEqual(box!.y);
        expect(inner!.y + inner!.height, `${width} px`).toBeLessThanOrEqual(box!.y + box!.height);
      }
      await context.close();
    }
  });

  it("requests nothing from Dailymotion until the visitor presses the button with the keyboard", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const hostRequests: string[] = [];
    await context.route(/dailymotion|dmcdn/, (route) => {
      hostRequests.push(route.request().url());
      return route.fulfill({ status: 200, contentType: "text/html", body: "<title>lecteur</title>" });
    });
    await page.goto(`${site.url}${seedPages.videoPost}`, { waitUntil: "networkidle" });
    expect(hostRequests).toEqual([]);
    expect(await page.locator("iframe").count()).toBe(0);

    const play = page.getByRole("button", { name: /Lire la vidéo/ });
    await play.focus();
    await page.keyboard.press("Enter");
    const iframe = page.locator(".video-consent iframe");
    await iframe.waitFor();
    expect(await iframe.getAttribute("src")).toBe("https://www.dailymotion.com/embed/video/x9h51js?autoplay=1");
    expect(await iframe.getAttribute("title")).toContain("Épisode #12");
    await page.waitForLoadState("networkidle");
    expect(hostRequests.length).toBeGreaterThan(0);
    await context.close();
  });

  it("keeps the share buttons apart from the transcription that ends the post", async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${site.url}${seedPages.videoPost}`);
    const transcription = await page.locator(".fr-transcription").last().boundingBox();
    const share = await page.locator(".fr-share").boundingBox();
    // DSFR's transcription has no bottom margin and its share block no top one: they touched (0 px).
    expect(share!.y - (transcription!.y + transcription!.height)).toBeGreaterThanOrEqual(24);
    await context.close();
  });
});

const pageTypes = {
  ...seedPages,
  home: "/",
  newsList: "/actualites/page-2/",
  tagPage: "/actualites/tags/video/",
  videos: "/ressources/videos/",
  series: "/ressources/podcasts/serie/le-numerique-en-questions/",
  events: "/formations/",
  publications: "/publications/",
  guidePage: "/publications/guide-exemple/mesurer/outils/",
  toolSheet: "/publications/boite-outils/outil-exemple/",
  siteMap: "/plan-du-site/",
  notFound: "/404.html",
};

describe("accessibility (axe-core)", () => {
  it.each(Object.entries(pageTypes))("%s has no violation", async (_name, url) => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}${url}`);
    await page.waitForFunction(() => document.documentElement.getAttribute("data-fr-js") === "true");
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(summary).toEqual([]);
    await context.close();
  });
});

describe("no layout shift", () => {
  // Images carry their dimensions, the video placeholder its 16:9 box, fonts are preloaded: nothing should move.
  it.each([
    ["home", "/"],
    ["video post", seedPages.videoPost],
    ["team photos", seedPages.about],
    ["action plan covers", seedPages.plansAction],
    ["news list", "/actualites/"],
  ])("%s: cumulative layout shift stays under 0.01, lazy images included", async (_name, url) => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const shifts: number[] = [];
      (window as unknown as { layoutShifts: number[] }).layoutShifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) shifts.push(entry.value);
        }
      }).observe({ type: "layout-shift", buffered: true });
    });
    // Images arrive late, as on a slow connection: without reserved space, the text around them would jump.
    await page.route(/\/images\//, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.continue();
    });
    await page.goto(`${site.url}${url}`, { waitUntil: "networkidle" });
    // Bring every lazy image into view, as a reader scrolling down would.
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 400) {
        window.scrollTo(0, y);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
    await page.waitForLoadState("networkidle");
    const loaded = await page.evaluate(() => [...document.images].filter((img) => img.complete && img.naturalWidth > 0).length);
    const total = await page.evaluate(() => document.images.length);
    expect(loaded).toBe(total);
    const shift = await page.evaluate(() => (window as unknown as { layoutShifts: number[] }).layoutShifts.reduce((a, b) => a + b, 0));
    expect(shift).toBeLessThan(0.01);
    await context.close();
  });
});

describe("Marianne, cut to the site's characters", () => {
  it("draws French text (œ, ’, «, CO₂, €, Ș) itself and leaves Vietnamese letters to the fallback font", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    const drawn = await page.evaluate(async (characters) => {
      const canvas = document.createElement("canvas").getContext("2d")!;
      const result: Record<string, boolean> = {};
      for (const character of characters) {
        await document.fonts.load("bold 40px Marianne", character);
        // A glyph Marianne has is as wide whatever the fallback; one it lacks takes each fallback's width.
        const width = (fallback: string) => {
          canvas.font = `bold 40px Marianne, ${fallback}`;
          return canvas.measureText(character.repeat(8)).width;
        };
        result[character] = width("monospace") === width("serif");
      }
      return result;
    }, ["é", "œ", "’", "«", "₂", "€", "Ș", "ễ", "ơ"]);
    expect(drawn).toEqual({ é: true, œ: true, "’": true, "«": true, "₂": true, "€": true, Ș: true, ễ: false, ơ: false });
    await context.close();
  });
});

describe("share and follow", () => {
  it("copies the page's address from 'Copier le lien', and says so on screen and to screen readers", async () => {
    const context = await site.browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    await page.goto(`${site.url}${seedPages.pressRelease}`);
    const button = page.getByRole("button", { name: "Copier le lien" });
    await button.waitFor({ state: "visible" });
    await button.click();
    const status = page.locator(".fr-share [role=status]");
    await expect.poll(() => status.textContent()).toBe("Lien de la page copié dans le presse-papier.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`https://ecoresponsable.numerique.gouv.fr${seedPages.pressRelease}`);
    await context.close();
  });

  it("keeps the button out of sight where the page cannot use the clipboard (no JavaScript)", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}${seedPages.pressRelease}`);
    expect(await page.getByRole("button", { name: "Copier le lien" }).isVisible()).toBe(false);
    await context.close();
  });

  it("shows the newsletter band above the footer of every page, at a phone's width too", async () => {
    for (const width of [375, 1280]) {
      const context = await site.browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      for (const url of ["/", seedPages.about, "/actualites/"]) {
        await page.goto(`${site.url}${url}`);
        const band = page.locator(".fr-follow");
        expect(await band.getByRole("heading", { name: "La lettre d'information" }).isVisible(), `${url} ${width}`).toBe(true);
        expect(await band.getByRole("link", { name: "Lire les lettres" }).getAttribute("href")).toBe("/ressources/lettres-information/");
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${url} ${width}`).toBe(true);
      }
      await context.close();
    }
  });
});
