import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { buildSite } from "../../src/build/build.ts";
import { createFixtureSite } from "../support/fixture-site.ts";

/**
 * A site whose sections outgrow one list page: 23 videos of one series, 14 past events, 12 newsletters,
 * 2 podcasts. Section pages and series pages must keep one list page's weight (9 cards), and nothing may
 * become unreachable.
 */
const site = createFixtureSite();
const load = (url: string) =>
  parseHTML(readFileSync(path.join(site.output, url, "index.html"), "utf8")).document as unknown as Document;
const cardLinks = (document: Document) => [...document.querySelectorAll(".fr-card__title a")].map((link) => link.getAttribute("href"));

/** Every post listed on a paginated list, following its "next page" links. */
function allListed(url: string): string[] {
  const found: string[] = [];
  for (let next: string | null | undefined = url; next; ) {
    const document = load(next);
    found.push(...(cardLinks(document) as string[]));
    next = document.querySelector(".fr-pagination__link--next")?.getAttribute("href");
  }
  return found;
}

const post = (title: string, date: string, tags: string[], extra = "") =>
  `---\ntitle: ${title}\ndate: ${date}\ntags: ${JSON.stringify(tags)}\n${extra}---\nTexte.\n`;
const day = (i: number) => String(i).padStart(2, "0");

beforeAll(async () => {
  site.write("actualites/actualites.11tydata.json", readFileSync("content/actualites/actualites.11tydata.json", "utf8"));
  for (const page of ["formations.md", "plan-du-site.njk", "ressources/index.md", "ressources/videos.md", "ressources/podcasts.md", "ressources/lettres-information.md"]) {
    site.write(page, readFileSync(path.join("content", page), "utf8"));
  }
  for (let i = 1; i <= 23; i++) site.write(`actualites/video-${day(i)}.md`, post(`Vidéo ${day(i)}`, `2025-01-${day(i)}`, ["Vidéo"], "series: Série A\n"));
  for (let i = 1; i <= 2; i++) site.write(`actualites/podcast-${i}.md`, post(`Podcast ${i}`, `2025-02-0${i}`, ["Podcast"], "series: Série P\n"));
  for (let i = 1; i <= 14; i++) {
    site.write(`actualites/evenement-${day(i)}.md`, post(`Événement ${day(i)}`, `2024-03-${day(i)}`, [i % 2 ? "Formation" : "Événement"]));
  }
  for (let i = 1; i <= 12; i++) site.write(`actualites/lettre-${day(i)}.md`, post(`Lettre ${day(i)}`, `2024-${day(i)}-01`, ["Lettre d'information"]));
  await buildSite({ input: site.input, output: site.output, quiet: true });
});

describe("section pages keep one list page's weight as the site grows", () => {
  it("shows the 9 latest past events, and links to the event tags' pages, which list all 14", () => {
    const formations = load("formations");
    const past = cardLinks(formations);
    expect(past).toHaveLength(9);
    expect(past[0]).toBe("/actualites/evenement-14/");
    expect(formations.body.textContent).toContain("Les 9 plus récents sur 14.");
    const tagLinks = [...formations.querySelectorAll('a[href^="/actualites/tags/"]')].map((link) => link.getAttribute("href"));
    expect(tagLinks).toEqual(["/actualites/tags/formation/", "/actualites/tags/evenement/"]);
    const reachable = new Set(tagLinks.flatMap((url) => allListed(url!)));
    for (let i = 1; i <= 14; i++) expect(reachable).toContain(`/actualites/evenement-${day(i)}/`);
  });

  it("shows a medium's 9 latest posts and links to all of them, newest first", () => {
    const videos = load("ressources/videos");
    expect(videos.querySelector("h2.fr-mt-6w")?.textContent).toBe("Les plus récents");
    const all = videos.querySelector('a[href="/actualites/tags/video/"]');
    expect(all?.textContent).toBe("Tout, du plus récent au plus ancien (23)");
    expect(allListed("actualites/tags/video")).toEqual(Array.from({ length: 23 }, (_, i) => `/actualites/video-${day(23 - i)}/`));
    // The series block shows 3 episodes; the latest list, 9.
    expect(cardLinks(videos)).toHaveLength(12);
  });

  it("lists a short medium in full, with no link to more", () => {
    const podcasts = load("ressources/podcasts");
    expect(podcasts.querySelector("h2.fr-mt-6w")?.textContent).toBe("Tout, du plus récent au plus ancien");
    expect(podcasts.querySelector('a[href="/actualites/tags/podcast/"]')).toBeNull();
  });

  it("groups the 9 latest newsletters by year and links to all 12", () => {
    const letters = load("ressources/lettres-information");
    expect(cardLinks(letters)).toHaveLength(9);
    expect([...letters.querySelectorAll("h2")].map((heading) => heading.textContent)).toContain("2024");
    expect(letters.querySelector('a[href="/actualites/tags/lettre-d-information/"]')?.textContent).toBe("Tout, du plus récent au plus ancien (12)");
  });

  it("paginates a series page like the news list", () => {
    const first = load("ressources/videos/serie/serie-a");
    expect(cardLinks(first)).toHaveLength(9);
    expect(first.body.textContent).toContain("23 épisodes, du plus récent au plus ancien.");
    expect(first.querySelector('.fr-pagination [aria-current="page"]')?.textContent).toBe("1");
    const last = load("ressources/videos/serie/serie-a/page-3");
    expect(cardLinks(last)).toEqual(["/actualites/video-05/", "/actualites/video-04/", "/actualites/video-03/", "/actualites/video-02/", "/actualites/video-01/"]);
    expect(last.querySelector("title")?.textContent).toBe("Vidéos : série « Série A » – page 3 sur 3 – Numérique écoresponsable");
    expect(allListed("ressources/videos/serie/serie-a")).toHaveLength(23);
  });

  it("gives the plan du site the sections, not each post nor each list page", () => {
    const plan = load("plan-du-site");
    const links = [...plan.querySelectorAll('nav[aria-label="Plan du site"] a')].map((link) => link.getAttribute("href"));
    expect(links).toEqual(expect.arrayContaining(["/", "/actualites/", "/formations/", "/ressources/videos/", "/ressources/lettres-information/"]));
    expect(links.filter((url) => url!.startsWith("/actualites/") && url !== "/actualites/" && url !== "/actualites/tags/")).toEqual([]);
  });

  it("writes valid HTML for the shortened lists and the series pages", async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    for (const url of ["formations", "ressources/videos", "ressources/lettres-information", "ressources/videos/serie/serie-a/page-2", "plan-du-site"]) {
      // The file name must sit in the project so that .htmlvalidate.mjs applies.
      const report = await validator.validateString(readFileSync(path.join(site.output, url, "index.html"), "utf8"), "_site/page.html");
      expect(report.results.flatMap((result) => result.messages.map((message) => `${url} ${message.ruleId}: ${message.message}`))).toEqual([]);
    }
  });
});
