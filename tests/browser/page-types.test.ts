import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { browserSessionForFile } from "../support/browser.ts";
import { builtSite, seedPages } from "../support/site.ts";

const site = browserSessionForFile(builtSite);

/** One page of every type a citizen meets. */
const pageTypes: Record<string, string> = {
  accueil: "/",
  "liste des actualités": "/actualites/",
  actualité: "/actualites/fiche-achats-ia/",
  événement: "/actualites/formation-ecoconception-2027/",
  communiqué: seedPages.pressRelease,
  vidéo: seedPages.videoPost,
  "publication à menu latéral": seedPages.plansActionAbout,
  "plans d'action": seedPages.plansAction,
  "page avec sommaire": seedPages.about,
  "page d'un guide": "/publications/guide-exemple/mesurer/",
  quiz: "/publications/guide-exemple/quiz/",
  "fiche outil": "/publications/boite-outils/outil-exemple/",
  "référentiel : liste": "/publications/referentiel-general-ecoconception/",
  "référentiel : critère": "/publications/referentiel-general-ecoconception/critere/1.1/",
  "recherche avec résultats": "/recherche/?q=numerique",
  "recherche sans résultat": "/recherche/?q=qwxzkvj",
  "plan du site": "/plan-du-site/",
  "page introuvable": "/404.html",
  "déclaration d'écoconception": "/declaration-ecoconception/",
};

/** Words of titles and headings broken across two lines (each word has one box per line it is on). */
function wordsCutInTwo(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("main :is(h1, h2, h3, .fr-card__title, .fr-tile__title)")].flatMap((title) => {
      const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
      const words: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // A compound breaks at its hyphen (éco-responsable), a path at its slashes: their parts are the words.
        for (const match of (node.textContent ?? "").matchAll(/[^\s\-/]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index!);
          range.setEnd(node, match.index! + match[0].length);
          if (new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1) words.push(match[0]);
        }
      }
      return words;
    }),
  );
}

/** Images wider than the card, tile or column that holds them. */
function imagesPastTheirBox(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("main img")].flatMap((img) => {
      const box = img.closest(".fr-card, .fr-tile, [class*='fr-col']") ?? img.parentElement!;
      const over = img.getBoundingClientRect().width - box.getBoundingClientRect().width;
      return over > 1 ? [`${img.getAttribute("src")} (${Math.round(over)} px de trop)`] : [];
    }),
  );
}

describe("every page type, on a phone and a desktop, light and dark", () => {
  it.each(Object.entries(pageTypes))("%s (%s): no sideways scroll, no image past its box, no title word cut in two, no DSFR warning", async (_name, url) => {
    for (const colorScheme of ["light", "dark"] as const) {
      for (const width of [320, 375, 768, 1280]) {
        const context = await site.browser.newContext({ viewport: { width, height: 900 }, colorScheme });
        await context.addInitScript((scheme) => localStorage.setItem("scheme", scheme), colorScheme);
        const page = await context.newPage();
        const warnings: string[] = [];
        page.on("console", (message) => {
          if (["warning", "error"].includes(message.type())) warnings.push(message.text());
        });
        await page.goto(`${site.url}${url}`);
        await page.waitForFunction(() => document.documentElement.getAttribute("data-fr-js") === "true");
        if (url.includes("?q=")) await page.waitForFunction(() => /résultat/.test(document.querySelector("#resultats-statut")?.textContent ?? ""));
        const where = `${url} à ${width} px, thème ${colorScheme}`;
        // DSFR's scheme module sets the attribute once it has read the choice (the head script only sets "dark").
        await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute("data-fr-theme")), { message: where }).toBe(colorScheme);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), where).toBeLessThanOrEqual(width);
        expect(await imagesPastTheirBox(page), where).toEqual([]);
        expect(await wordsCutInTwo(page), where).toEqual([]);
        // The 404 page is one on purpose: its own status is the only error a browser may report there.
        expect(warnings.filter((text) => !(url === "/404.html" && /404/.test(text))), where).toEqual([]);
        // Axe once per theme, at a phone's width in one and a desktop's in the other (contrast in dark included).
        if ((width === 375 && colorScheme === "light") || (width === 1280 && colorScheme === "dark")) {
          const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
          expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), where).toEqual([]);
        }
        await context.close();
      }
    }
  });
});

describe("npm run screenshots", () => {
  it("writes each page asked for at a phone's and a desktop's width, light and dark, as PNG files", () => {
    const out = mkdtempSync(path.join(tmpdir(), "captures-"));
    execFileSync(process.execPath, ["src/check/screenshots.ts", `--site=${builtSite}`, `--out=${out}`, "/", seedPages.about], { stdio: "pipe" });
    const files = readdirSync(out).sort();
    expect(files).toEqual(["a-propos-1280-dark.png", "a-propos-1280-light.png", "a-propos-375-dark.png", "a-propos-375-light.png", "accueil-1280-dark.png", "accueil-1280-light.png", "accueil-375-dark.png", "accueil-375-light.png"]);
    for (const file of files) expect(readFileSync(path.join(out, file)).subarray(1, 4).toString(), file).toBe("PNG");
  });
});
