import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { buildLiveShapedSite } from "../support/live-site.ts";
import { htmlFilesOf } from "../../src/check/pages.ts";
import { htmlChecker } from "../../src/check/htmlValidity.ts";

let output = "";

function page(url: string): Document {
  return parseHTML(readFileSync(path.join(output, url, url.endsWith(".html") ? "" : "index.html"), "utf8")).document as unknown as Document;
}

function texts(document: Document | Element, selector: string): string[] {
  return [...document.querySelectorAll(selector)].map((element) => element.textContent!.replace(/\s+/g, " ").trim());
}

beforeAll(async () => {
  output = (await buildLiveShapedSite()).output;
});

describe("a content folder in the live site's shapes builds unchanged", () => {
  it("prints no undefined, no [object Object], no template or HTML source as text", () => {
    const pages = htmlFilesOf(output).filter((file) => !file.includes(`${path.sep}pagefind${path.sep}`));
    expect(pages.length).toBeGreaterThan(40);
    for (const file of pages) {
      const html = readFileSync(file, "utf8");
      const { document } = parseHTML(html);
      const main = document.querySelector("main")?.innerHTML ?? "";
      const where = path.relative(output, file);
      expect(main, where).not.toMatch(/undefined|\[object Object\]|Invalid DateTime/);
      expect(main, where).not.toMatch(/\{\{|\{%|&lt;\/?(div|h\d|p|ul|li|a)\b/);
      expect(main, where).not.toContain("<pre>");
    }
  });

  it("writes valid HTML on every page: raw HTML, block tags and card macros in Markdown stay one block", async () => {
    const check = htmlChecker();
    const problems = [];
    for (const file of htmlFilesOf(output).filter((f) => !f.includes(`${path.sep}pagefind${path.sep}`))) {
      problems.push(...(await check({ url: path.relative(output, file), html: readFileSync(file, "utf8") })));
    }
    expect(problems.map((p) => `${p.url}: ${p.message}`)).toEqual([]);
  });

  it("gives every post of the CommonJS folder data its address, layout and tag", () => {
    const post = page("/actualites/parcours-formation-module-1/");
    expect(texts(post, "h1")).toEqual(["Parcours de formation, module 1"]);
    expect(texts(page("/actualites/lettre-2025-06/"), ".post-meta p")).toContain("Publié le 30 juin 2025");
    // `serie:` is read as `series:`
    expect(texts(post, ".post-meta p")).toContain("Série : Parcours de formation");
    // the `posts` tag is a collection, not a topic: no link, no tag page
    expect(texts(post, ".fr-tag")).toEqual(["Formation"]);
    expect(readdirSync(path.join(output, "actualites/tags"))).not.toContain("posts");
  });

  it("reads a quoted date as a date, and an empty image as none", () => {
    expect(texts(page("/actualites/webinaire-achats-sobres/"), ".post-meta p")[0]).toMatch(/5 décembre 2025/);
    expect(page("/actualites/mise-a-jour-indicateurs/").querySelector("h1")?.textContent).toBe("Mise à jour des indicateurs d'impact");
  });

  it("reads a tab before a list dash in front matter as the live site did", () => {
    const guide = page("/ressources/documents-reference/guide-achats-responsables/");
    expect(texts(guide, "h1")).toEqual(["Guide des achats numériques responsables"]);
  });

  it("lists the newest posts with head(-3) | reverse, and cards through postslist.njk", () => {
    const home = page("/");
    expect(texts(home, "h1")).toEqual(["Numérique écoresponsable"]);
    const latest = texts(home, ".card-list .fr-card__title").slice(0, 3);
    expect(latest).toEqual([
      "Formation à l'écoconception, session de mars 2027",
      "Webinaire : acheter des services numériques plus sobres",
      "Mise à jour des indicateurs d'impact",
    ]);
  });

  it("keeps block tags indented inside HTML from breaking the page (trimBlocks, lstripBlocks)", () => {
    const videos = page("/ressources/videos/");
    expect(texts(videos, "main h2")).toContain("Index de conception responsable (ICR)");
    // limit(3) over an oldest-first collection: the three latest episodes, newest first
    expect(texts(videos, ".fr-card__title")).toEqual([3, 2, 1].map((n) => `Index de conception responsable, épisode ${n + 1}`));
  });

  it("lists videos outside any series with noSeries", () => {
    expect(texts(page("/ressources/videos/serie/autres-videos/"), ".fr-card__title")).toEqual(["Une vidéo hors série"]);
  });

  it("groups by year with getYears and getPostsForYear, dates through readableDate and htmlDateString", () => {
    const letters = page("/ressources/lettres-information/");
    expect(texts(letters, "main h2")).toEqual(["2025", "2024"]);
    expect(texts(letters, "main li")).toContain("Lettre d'information de juin 2025, le 30 juin 2025 (30/06/2025)");
    expect(letters.querySelector("main li time")?.getAttribute("datetime")).toBe("2025-06-30");
    // the default format pads the day, as live
    expect(texts(page("/publications/boite-outils/"), ".fr-card__detail")).toEqual(["Mis à jour le 04 novembre 2024"]);
  });

  it("keeps only upcoming sessions with isFutureDate, two cards per row", () => {
    const upcoming = page("/formations/prochaines-formations/");
    expect(texts(upcoming, ".fr-card__title")).toEqual(["Formation à l'écoconception, session de mars 2027"]);
    expect(upcoming.querySelector(".card-list li")?.className).not.toContain("fr-col-lg-4");
    // page-with-summary shows its date, as live
    expect(texts(upcoming, "main h1 ~ p.fr-text--sm")).toEqual(["Dernière mise à jour le 20 novembre 2025"]);
  });

  it("renders component('card', …) with the live site's parameters", () => {
    const documents = page("/ressources/documents-reference/");
    const [guide, external] = [...documents.querySelectorAll(".fr-card")];
    expect(guide!.querySelector(".fr-card__title a")?.getAttribute("href")).toBe("/ressources/documents-reference/guide-achats-responsables/");
    expect(texts(guide!, ".fr-badge")).toEqual(["Nouveau"]);
    expect(external!.querySelector(".fr-card__title a")).toBeNull();
    const link = external!.querySelector(".fr-card__footer a");
    expect(link?.getAttribute("href")).toBe("https://www.data.gouv.fr/");
    expect(link?.getAttribute("target")).toBe("_blank");
  });

  it("renders the breadcrumb where a page includes components/breadcrumb.njk", () => {
    const series = page("/publications/videos-serie-referents/");
    expect(texts(series, ".fr-breadcrumb__list li")).toEqual(["Accueil", "Publications", "Série vidéo des référents"]);
  });

  it("prints an image map's address where a page writes {{ image }}", () => {
    const img = page("/actualites/ancienne-actualite/").querySelector(".post-body img");
    expect(img?.getAttribute("alt")).toBe("Illustration de l'actualité");
    expect(img?.getAttribute("src")).toMatch(/^\/images\/.+\.svg$/);
    expect(page("/financement/").querySelector("main img")?.getAttribute("src")).toBe("/img/exemple/formation.svg");
  });

  it("lists every page by path on the live site's plan du site (allSortedByPathAsc)", () => {
    const links = [...page("/plan-du-site/").querySelectorAll("main li a")].map((a) => a.getAttribute("href"));
    expect(links).toContain("/a-propos/");
    expect(links).toContain("/publications/fin-usage/reemploi/");
    expect(links.indexOf("/a-propos/")).toBeLessThan(links.indexOf("/publications/fin-usage/"));
  });

  it("resolves locale_url and htmlBaseUrl on the 404 page", () => {
    expect(page("/404.html").querySelector("main a.fr-btn")?.getAttribute("href")).toBe("/");
  });
});

describe("DSFR icons written in content", () => {
  it("are styled, those in use only", () => {
    const href = page("/contact/").querySelector('link[rel="stylesheet"]')!.getAttribute("href")!;
    const css = readFileSync(path.join(output, href), "utf8");
    expect(css).toContain(".fr-icon-mail-line");
    expect(css).toContain(".fr-fi-arrow-right-line");
    expect(css).not.toContain(".fr-icon-leaf-fill");
  });
});

describe("third-party embeds in content", () => {
  it("loads nothing from a podcast host before the visitor asks, and titles the player", () => {
    const episode = page("/actualites/S2E3/");
    expect(episode.querySelector("iframe")).toBeNull();
    const placeholder = episode.querySelector('.video-consent[data-video-provider="iframe"]');
    expect(placeholder?.getAttribute("data-video-id")).toBe("https://embed.acast.com/exemple-referents/saison-2-episode-3");
    expect(placeholder?.getAttribute("data-video-title")).toBe("Lecteur de podcast Acast (embed.acast.com)");
    expect(placeholder?.getAttribute("data-embed-height")).toBe("190");
    expect(placeholder?.querySelector("button")?.textContent).toBe("Afficher le contenu : Lecteur de podcast Acast (embed.acast.com)");
    // the page loads the script that swaps the placeholder for the player
    expect([...episode.querySelectorAll("script[src]")].some((s) => /video-consent-/.test(s.getAttribute("src")!))).toBe(true);
  });
});

describe("every old address answers", () => {
  it("redirects the live search page to the search page, query carried over", () => {
    const redirect = readFileSync(path.join(output, "search-results/index.html"), "utf8");
    expect(redirect).toContain('<meta http-equiv="refresh" content="0; url=/recherche/">');
    expect(redirect).toContain('<meta name="robots" content="noindex">');
    expect(redirect).toContain('{"term":"q"}');
    expect(redirect).toContain('<link rel="canonical" href="https://ecoresponsable.numerique.gouv.fr/recherche/">');
    expect(parseHTML(redirect).document.querySelector("main a")?.getAttribute("href")).toBe("/recherche/");
    expect(page("/recherche/").querySelector("[data-search-app]")).not.toBeNull();
  });

  it("keeps the feeds, the calendar and the criteria at their live addresses", () => {
    for (const file of ["feed/feed.xml", "feed/feed.json", "calendar.ics", "publications/referentiel-general-ecoconception/critere/1.1/index.html"]) {
      expect(readdirSync(path.join(output, path.dirname(file)))).toContain(path.basename(file));
    }
  });

  it("leads old list pages and series under the other medium to the page that holds them now", () => {
    // 14 posts: the live site had 3 pages of 6, the engine has 2 pages of 10
    expect(readFileSync(path.join(output, "actualites/page-3/index.html"), "utf8")).toContain('url=/actualites/page-2/"');
    expect(readFileSync(path.join(output, "ressources/podcasts/serie/index-de-conception-responsable-icr/index.html"), "utf8")).toContain(
      'url=/ressources/videos/serie/index-de-conception-responsable-icr/"',
    );
    expect(readFileSync(path.join(output, "ressources/videos/serie/saison-2/index.html"), "utf8")).toContain('url=/ressources/podcasts/serie/saison-2/"');
  });

  it("answers at every address of the live site's URL map, with the page or a redirect to a page that exists", () => {
    const liveAddresses = [
      "/", "/404.html", "/a-propos/", "/contact/", "/financement/", "/plan-du-site/", "/sitemap.xml",
      "/actualites/", "/actualites/page-2/", "/actualites/page-3/", "/actualites/ICR-1-episode/", "/actualites/S2E3/",
      "/actualites/tags/", "/actualites/tags/formation/", "/actualites/tags/video/",
      "/feed/feed.xml", "/feed/feed.json", "/calendar.ics", "/search-results/",
      "/publications/referentiel-general-ecoconception/", "/publications/referentiel-general-ecoconception/critere/1.1/",
      "/ressources/videos/serie/index-de-conception-responsable-icr/", "/ressources/podcasts/serie/index-de-conception-responsable-icr/",
      "/ressources/videos/serie/saison-2/", "/ressources/podcasts/serie/saison-2/", "/ressources/videos/serie/autres-videos/",
      "/favicon/favicon.ico", "/favicon/apple-touch-icon.png", "/artwork/pictograms/system/technical-error.svg",
    ];
    const fileOf = (url: string) => path.join(output, url, /\.\w+$/.test(url) ? "" : "index.html");
    for (const url of liveAddresses) {
      expect(existsSync(fileOf(url)), url).toBe(true);
      const target = /http-equiv="refresh" content="0; url=([^"]+)"/.exec(readFileSync(fileOf(url), "utf8"))?.[1];
      if (target) expect(existsSync(fileOf(target)), `${url} → ${target}`).toBe(true);
    }
  });

  it("leaves redirects out of the sitemap and the search index", () => {
    const sitemap = readFileSync(path.join(output, "sitemap.xml"), "utf8");
    expect(sitemap).not.toContain("search-results");
    expect(sitemap).not.toContain("/actualites/page-3/");
    expect(readFileSync(path.join(output, "search-results/index.html"), "utf8")).not.toContain("data-pagefind-body");
  });
});

describe("layouts read every key the live site's layouts read", () => {
  it("shows a toolbox sheet's links, image, date and facts, under the toolbox in the breadcrumb", () => {
    const sheet = page("/publications/boite-outils/fiches/mesureur/");
    expect(texts(sheet, ".fr-breadcrumb__list li")).toEqual(["Accueil", "Publications", "Boîte à outils", "Mesureur d'impact"]);
    expect([...sheet.querySelectorAll("main .fr-btn")].map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
      ["Voir le site", "https://outil.example.org/"],
      ["Voir le code source", "https://code.example.org/mesureur"],
    ]);
    expect(texts(sheet, "main p.fr-text--sm")).toEqual(["Fiche mise à jour le 4 novembre 2024"]);
    expect(sheet.querySelector("main img")?.getAttribute("src")).toBe("/img/exemple/outil.svg");
    const facts = texts(sheet, ".tool-facts .fr-tile__title").map((title, i) => `${title} : ${texts(sheet, ".tool-facts .fr-tile__desc")[i]}`);
    expect(facts).toEqual([
      "Auteur : Un collectif de développeurs",
      "Technologie principale : JavaScript",
      "Licence : MIT",
      "Périmètre : Mesure – Site web",
      "Type d'outil : Extension de navigateur",
      "Public visé : Développeurs",
      "Indicateurs mesurés : Poids des pages, requêtes",
      "Indicateurs environnementaux : Gaz à effet de serre, eau",
    ]);
  });

  it("shows the twelve keys of a local authorities' tool sheet", () => {
    const sheet = page("/publications/strategie-numerique-responsable-des-collectivites/outils/diagnostic/");
    expect(sheet.querySelector("main .fr-btn")?.getAttribute("href")).toBe("https://diagnostic.example.org/");
    expect(texts(sheet, ".tool-facts .fr-tile__title")).toHaveLength(11);
    expect(texts(sheet, ".tool-facts .fr-tile__desc")).toContain("Oui, dans cinq départements");
    expect(texts(sheet, ".tool-facts .fr-tile__desc")).toContain("Webinaires mensuels");
  });

  it("lists a theme page's items by navigation key", () => {
    // `cleInconnue` names no page: left out, as live
    expect(texts(page("/thematiques/mesure/"), ".fr-card__title")).toEqual(["Boîte à outils", "Gérer la fin d'usage des équipements"]);
  });

  it("gives a video page its own layout: its place in the publication and its update date", () => {
    const video = page("/publications/videos-serie-referents/episode-1/");
    expect(texts(video, ".fr-breadcrumb__list li")).toEqual(["Accueil", "Publications", "Série vidéo des référents", "Les référents, épisode 1"]);
    expect(texts(video, "main h1 ~ p.fr-text--sm")).toEqual(["Dernière mise à jour le 14 février 2024"]);
    expect(video.querySelector(".fr-tags-group")).toBeNull();
  });

  it("leads a guide's root to its first chapter, and dates its pages", () => {
    const root = page("/publications/fin-usage/");
    expect([...root.querySelectorAll("main nav .fr-btn")].map((a) => a.getAttribute("href"))).toEqual(["/publications/fin-usage/reemploi/"]);
    expect(texts(root, "main p.fr-text--sm")).toEqual(["Dernière mise à jour le 2 mai 2024"]);
    const last = page("/publications/fin-usage/recyclage/");
    expect([...last.querySelectorAll("main nav .fr-btn")].map((a) => a.getAttribute("href"))).toEqual(["/publications/fin-usage/reemploi/"]);
  });

  it("gives the good-practice guide its version line", () => {
    expect(texts(page("/ressources/documents-reference/guide-bonnes-pratiques/"), "main p.fr-text--sm")).toEqual(["Version 1, du 1 juin 2023"]);
  });

  it("gives every page of the good-practice guide its menu, those without eleventyNavigation too", () => {
    const guide = "/ressources/documents-reference/guide-bonnes-pratiques/";
    for (const url of [guide, `${guide}introduction/`, `${guide}glossaire/`, `${guide}bonnes-pratiques/`, `${guide}services-numeriques/`]) {
      const menu = page(url).querySelector(".fr-sidemenu")!;
      expect(menu, url).not.toBeNull();
      expect(menu.querySelector(".fr-sidemenu__title a")?.getAttribute("href"), url).toBe(guide);
      // "À propos" holds the pages that exist, in the live order (synthese, bibliographie… are absent here)
      expect(texts(menu, ".fr-sidemenu__list > .fr-sidemenu__item > .fr-sidemenu__btn"), url).toEqual(["À propos", "Les bonnes pratiques"]);
      expect(
        [...menu.querySelectorAll(".fr-sidemenu__list .fr-sidemenu__link")].map((a) => a.getAttribute("href")),
        url,
      ).toEqual([`${guide}introduction/`, `${guide}glossaire/`, `${guide}bonnes-pratiques/`, `${guide}services-numeriques/`]);
      const current = menu.querySelector('[aria-current="page"]');
      expect(current?.getAttribute("href"), url).toBe(url);
    }
    // the group of the current page is open
    const glossary = page(`${guide}glossaire/`).querySelector(".fr-sidemenu__item--active > .fr-sidemenu__btn");
    expect(glossary?.textContent).toBe("À propos");
    expect(glossary?.getAttribute("aria-expanded")).toBe("true");
  });

  it("names a good practice by its identifier in the breadcrumb, and embeds the thematic pages in the list", () => {
    const guide = "/ressources/documents-reference/guide-bonnes-pratiques/";
    expect(texts(page(`${guide}services-numeriques/`), ".fr-breadcrumb__list li").at(-1)).toBe("BP-SN Services numériques");
    expect(texts(page(`${guide}bonnes-pratiques/`), "main h2")).toContain("Services numériques");
    expect(page(`${guide}bonnes-pratiques/`).querySelector("main")!.textContent).toContain("Réduire le poids des pages servies.");
  });

  it("says the purchasing guide is in beta, and offers its PDF from the menu", () => {
    const guide = page("/ressources/documents-reference/guide-achats-responsables/");
    expect(texts(guide, "main p.fr-text--sm")).toEqual(["En version bêta."]);
    const download = guide.querySelector("a.fr-link--download");
    expect(download?.getAttribute("href")).toBe("/docs/guide-achats-exemple.pdf");
    expect(download?.textContent?.replace(/\s+/g, " ").trim()).toBe("Télécharger le guide PDF – 2 Mo");
    expect(existsSync(path.join(output, "docs/guide-achats-exemple.pdf"))).toBe(true);
    // a page whose metadata has no document gets no download link
    expect(page("/ressources/documents-reference/guide-achats-responsables/fiches/").querySelector("a.fr-link--download")).toBeNull();
  });
});
