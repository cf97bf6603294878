import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import ICAL from "ical.js";
import { builtSite, loadPage, seedPages } from "../support/site.ts";
import { crawl, fileForUrl, htmlFiles } from "../support/crawl.ts";
import { numberFr } from "../../src/content/numbers.ts";

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, " ").trim() ?? "";
const spaced = (value: string) => value.replace(/\s+/g, " ");
const siteUrl = "https://ecoresponsable.numerique.gouv.fr";
const read = (file: string) => readFileSync(path.join(builtSite, file), "utf8");

describe("every section of the site", () => {
  it.each([
    ["/", "Numérique écoresponsable"],
    ["/actualites/", "Actualités"],
    ["/actualites/page-2/", "Actualités – page 2 sur 2"],
    ["/actualites/tags/", "Étiquettes des actualités"],
    ["/actualites/tags/lettre-d-information/", "Actualités « Lettre d'information »"],
    ["/ressources/", "Ressources"],
    ["/ressources/videos/", "Vidéos"],
    ["/ressources/videos/serie/paroles-d-experts-saison-1/", "Vidéos : série « Paroles d'experts saison 1 »"],
    ["/ressources/podcasts/", "Podcasts"],
    ["/ressources/podcasts/serie/le-numerique-en-questions/", "Podcasts : série « Le numérique en questions »"],
    ["/ressources/lettres-information/", "Lettres d'information"],
    ["/ressources/documents-reference/", "Documents de référence"],
    ["/publications/", "Publications"],
    ["/publications/boite-outils/", "Boîte à outils"],
    ["/publications/boite-outils/outil-exemple/", "Outil d'exemple de mesure de page web"],
    ["/publications/guide-exemple/mesurer/outils/", "Les outils de mesure"],
    ["/formations/", "Formations et événements"],
    ["/accessibilite/", "Déclaration d'accessibilité"],
    ["/mentions-legales/", "Mentions légales"],
    ["/donnees-personnelles/", "Données personnelles et cookies"],
    ["/plan-du-site/", "Plan du site"],
    ["/contact/", "Contact"],
    ["/declaration-ecoconception/", "Déclaration d'écoconception"],
  ])("%s has the h1 « %s »", (url, heading) => {
    expect(text(loadPage(url).querySelector("h1"))).toBe(heading);
  });

  it("gives every page a unique <title>", () => {
    const titles = htmlFiles(builtSite).map((file) => parseTitle(readFileSync(file, "utf8")));
    const duplicates = titles.filter((title, i) => titles.indexOf(title) !== i);
    expect(duplicates).toEqual([]);
  });

  it("shows the mission, the three latest news, the media and the reference documents, and the accessibility status on the home page", () => {
    const doc = loadPage("/");
    const hero = doc.querySelector("main .home-hero")!;
    expect(text(hero.querySelector("h1"))).toBe("Numérique écoresponsable");
    expect(hero.querySelector('a.fr-btn[href="/a-propos/"]')?.textContent).toBe("En savoir plus sur la mission");
    const section = (heading: string) => {
      const h2 = [...doc.querySelectorAll("main h2")].find((h) => text(h) === heading);
      return [...(h2?.nextElementSibling?.querySelectorAll(".fr-card__title a") ?? [])].map((a) => a.getAttribute("href"));
    };
    expect(section("Dernières actualités")).toHaveLength(3);
    expect(section("Vidéos, podcasts et lettres d'information")).toEqual(["/ressources/videos/", "/ressources/podcasts/", "/ressources/lettres-information/"]);
    // The publications put forward (focus: true), as /publications/ shows them first.
    const references = section("Documents de référence");
    expect(references.length).toBeGreaterThan(0);
    expect(references.length).toBeLessThanOrEqual(3);
    expect(references).toContain("/publications/referentiel-general-ecoconception/");
    expect(doc.querySelector('main a[href="/accessibilite/"]')).not.toBeNull();
    expect(doc.querySelector('main a[href="/publications/"]')).not.toBeNull();
  });
});

describe("the publications' cards", () => {
  it("each say what the publication is: none stands as an empty box beside its neighbours", () => {
    const cards = [...loadPage("/publications/").querySelectorAll("main .fr-card")];
    expect(cards.length).toBeGreaterThan(3);
    for (const card of cards) {
      const title = card.querySelector(".fr-card__title")!.textContent!.trim();
      expect(card.querySelector(".fr-card__desc")?.textContent?.trim(), title).toBeTruthy();
    }
    expect(loadPage("/publications/referentiel-general-ecoconception/").querySelector('meta[name="description"]')!.getAttribute("content")).toMatch(/^Les \d+ critères du référentiel, en \d+ thématiques/);
  });
});

function parseTitle(html: string): string {
  return /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "";
}

describe("news lists", () => {
  it("puts the newest first, 9 per page, with DSFR pagination that never links the current page", () => {
    const first = loadPage("/actualites/");
    const second = loadPage("/actualites/page-2/");
    const times = [...first.querySelectorAll(".fr-card time"), ...second.querySelectorAll(".fr-card time")].map((t) =>
      t.getAttribute("datetime"),
    );
    expect(first.querySelectorAll(".fr-card")).toHaveLength(9);
    expect(times).toEqual([...times].sort().reverse());
    const current = first.querySelector('.fr-pagination__link[aria-current="page"]');
    expect(text(current)).toBe("1");
    expect(current?.hasAttribute("href")).toBe(false);
    expect(first.querySelector(".fr-pagination__link--first")?.getAttribute("aria-disabled")).toBe("true");
    expect(first.querySelector(".fr-pagination__link--next")?.getAttribute("href")).toBe("/actualites/page-2/");
    expect(second.querySelector(".fr-pagination__link--last")?.getAttribute("aria-disabled")).toBe("true");
    expect(second.querySelector(".fr-pagination__link--prev")?.getAttribute("href")).toBe("/actualites/");
  });

  it("links a post to its tags and to its series page", () => {
    const doc = loadPage("/actualites/parolesdexperts-episode12-jeremievallet/");
    expect(doc.querySelector('article a.fr-tag[href="/actualites/tags/video/"]')).not.toBeNull();
    expect(doc.querySelector('article a[href="/ressources/videos/serie/paroles-d-experts-saison-1/"]')).not.toBeNull();
  });

  it("links episodes of a series to each other, oldest to newest", () => {
    const first = loadPage("/actualites/coulisses-episode-1/");
    const pager = first.querySelector('nav[aria-label^="Autres épisodes"]');
    expect(pager?.querySelector("a")?.getAttribute("href")).toBe("/actualites/coulisses-episode-2/");
    expect(text(pager)).toContain("Suivant");
    // The word and the title are read apart, on screen as by a screen reader.
    expect(text(pager)).toMatch(/Suivant : \S/);
    expect(text(pager)).not.toContain("Précédent");
  });

  it("groups newsletters by year", () => {
    const doc = loadPage("/ressources/lettres-information/");
    expect([...doc.querySelectorAll("main h2")].map(text)).toEqual(["2026", "2025"]);
  });
});

describe("trainings and events", () => {
  const doc = loadPage("/formations/");
  const section = (heading: string) => {
    const h2 = [...doc.querySelectorAll("main h2")].find((h) => text(h) === heading);
    return [...(h2?.nextElementSibling?.querySelectorAll(".fr-card__title") ?? [])].map(text);
  };
  it("lists the future training as upcoming and past events as past", () => {
    expect(section("À venir")).toEqual(["Formation à l'écoconception de services numériques (exemple)"]);
    expect(section("Passés")).toContain("Webinaire : mesurer l'empreinte d'un service (exemple)");
    expect(section("Passés")).not.toContain("Formation à l'écoconception de services numériques (exemple)");
  });
  it("says an event's date the same way on the home page, in the lists and on its page, and a post's as published", () => {
    const training = "/actualites/formation-ecoconception-2027/";
    const cardDate = (page: Document, url: string) => text(page.querySelector(`.fr-card:has(a[href="${url}"]) .fr-card__detail`));
    expect(cardDate(loadPage("/"), training)).toBe("Le 10 février 2027");
    expect(cardDate(loadPage("/actualites/"), training)).toBe("Le 10 février 2027");
    expect(cardDate(loadPage("/formations/"), training)).toBe("Le 10 février 2027");
    expect(text(loadPage(training).querySelector(".post-meta p"))).toBe("Le 10 février 2027");
    expect(text(loadPage("/actualites/fiche-achats-ia/").querySelector(".post-meta p"))).toBe("Publié le 10 mars 2026");
    expect(text(loadPage("/").querySelector("main"))).not.toMatch(/Publié le \d+ \w+ 2027/);
  });

  it("publishes a calendar of the upcoming events only", () => {
    expect(doc.querySelector('a[href="/calendar.ics"]')).not.toBeNull();
    const calendar = new ICAL.Component(ICAL.parse(read("calendar.ics")));
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.summary, e.startDate.toString(), e.location])).toEqual([
      ["Formation à l'écoconception de services numériques (exemple)", "2027-02-10", "En ligne"],
    ]);
  });
});

describe("feeds, sitemap and robots", () => {
  it("offers the news feed to readers in plain words, and the JSON feed to programs only", () => {
    const list = loadPage("/actualites/");
    const links = [...list.querySelectorAll("main a")].map((a) => [a.textContent!.trim(), a.getAttribute("href")]);
    expect(links).toContainEqual(["Suivre les actualités dans un lecteur de flux (RSS)", "/feed/feed.xml"]);
    expect(list.querySelector('main a[href="/feed/feed.json"]')).toBeNull();
    expect(list.querySelector("main")!.textContent).not.toMatch(/Atom|JSON/);
    expect(list.querySelector('head link[rel="alternate"][href="/feed/feed.json"]')).not.toBeNull();
  });

  it("publishes a valid Atom feed of the 20 newest posts with absolute URLs and full content", () => {
    const xml = read("feed/feed.xml");
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
    expect(feed["@_xml:lang"]).toBe("fr");
    expect(feed.author.name).toContain("MiNumEco");
    const entries = [feed.entry].flat();
    expect(entries.length).toBeGreaterThan(10);
    expect(entries.length).toBeLessThanOrEqual(20);
    for (const entry of entries) expect(entry.id).toMatch(/^https:\/\/ecoresponsable\.numerique\.gouv\.fr\/actualites\//);
    const episode = entries.find((e: { title: string }) => e.title.startsWith("Épisode #12"));
    expect(episode.summary).toContain("DINUM");
    expect(episode.content["#text"]).toContain("Jérémie Vallet");
  });

  it("publishes a JSON feed with absolute URLs, summaries and content", () => {
    const feed = JSON.parse(read("feed/feed.json"));
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.language).toBe("fr");
    expect(feed.feed_url).toBe(`${siteUrl}/feed/feed.json`);
    for (const item of feed.items) {
      expect(item.url.startsWith(`${siteUrl}/`)).toBe(true);
      expect(item.content_html).not.toMatch(/(href|src)="\//);
    }
    const episode = feed.items.find((i: { title: string }) => i.title.startsWith("Épisode #12"));
    expect(episode.image).toBe(`${siteUrl}/actualites/videos/site_video_jeremievallet.svg`);
    expect(episode.summary).toBeTruthy();
  });

  it("lists in both feeds only what is dated up to the build: an event announced for 2027 is on the agenda, not in the feeds", () => {
    const now = Date.now();
    const json = JSON.parse(read("feed/feed.json"));
    expect(json.items.length).toBeGreaterThan(10);
    expect(json.items.map((i: { title: string }) => i.title)).not.toContain("Formation à l'écoconception de services numériques (exemple)");
    for (const item of json.items) expect(Date.parse(item.date_published)).toBeLessThanOrEqual(now);
    const feed = new XMLParser().parse(read("feed/feed.xml")).feed;
    expect(Date.parse(feed.updated)).toBeLessThanOrEqual(now);
    for (const entry of [feed.entry].flat()) expect(Date.parse(entry.published)).toBeLessThanOrEqual(now);
    expect(read("calendar.ics")).toContain("Formation à l'écoconception");
  });

  it("lists in sitemap.xml pages that exist, with a lastmod, and every listed page", () => {
    const xml = read("sitemap.xml");
    expect(XMLValidator.validate(xml)).toBe(true);
    const urls = [new XMLParser().parse(xml).urlset.url].flat() as { loc: string; lastmod: string }[];
    for (const { loc, lastmod } of urls) {
      expect(loc.startsWith(`${siteUrl}/`)).toBe(true);
      expect(fileForUrl(builtSite, loc.slice(siteUrl.length)), loc).toBeDefined();
      expect(lastmod).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const locs = urls.map((u) => u.loc);
    for (const url of ["/", "/actualites/", "/a-propos/", "/actualites/parolesdexperts-episode12-jeremievallet/", "/formations/"]) {
      expect(locs).toContain(`${siteUrl}${url}`);
    }
    expect(locs.some((loc) => loc.endsWith("404.html"))).toBe(false);
  });

  it("lists in sitemap.xml every page search engines may index: each tag, each series, each criterion, pages kept out of collections; no date to come", () => {
    const urls = [new XMLParser().parse(read("sitemap.xml")).urlset.url].flat() as { loc: string; lastmod: string }[];
    const locs = urls.map((u) => u.loc.slice(siteUrl.length));
    const tagPages = readdirSync(path.join(builtSite, "actualites/tags"), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(tagPages.length).toBeGreaterThan(3);
    for (const tag of tagPages) expect(locs).toContain(`/actualites/tags/${tag.name}/`);
    // Series pages, not the redirects from the other medium's folder (the live site's addresses).
    const seriesPages = htmlFiles(builtSite)
      .filter((file) => !readFileSync(file, "utf8").includes('http-equiv="refresh"'))
      .map((file) => path.relative(builtSite, file))
      .filter((file) => /\/serie\/[^/]+\/index\.html$/.test(file));
    expect(seriesPages.length).toBeGreaterThan(1);
    for (const file of seriesPages) expect(locs).toContain(`/${path.dirname(file)}/`);
    expect(new Set(locs).size).toBe(locs.length);
    const indexable = htmlFiles(builtSite)
      .filter((file) => !/<meta name="robots" content="[^"]*noindex/.test(readFileSync(file, "utf8")))
      .map((file) => `/${path.relative(builtSite, file)}`.replace(/index\.html$/, ""))
      .filter((url) => url.endsWith("/"));
    expect(indexable).toContain("/publications/plans-action/");
    expect(indexable).toContain("/publications/referentiel-general-ecoconception/critere/6.2/");
    expect(indexable.filter((url) => !locs.includes(url))).toEqual([]);
    // An event of the content is dated months ahead: its page, and its tag's, were last changed before today.
    const today = new Date().toISOString().slice(0, 10);
    expect(urls.filter(({ lastmod }) => lastmod > today)).toEqual([]);
  });

  it("answers /favicon.ico at the root, and gives a complete web manifest whose icons exist", () => {
    expect(readFileSync(path.join(builtSite, "favicon.ico")).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    const manifest = JSON.parse(read("favicon/manifest.webmanifest")) as { name: string; short_name: string; lang: string; start_url: string; theme_color: string; background_color: string; display: string; icons: { src: string; sizes: string }[] };
    expect(manifest).toMatchObject({ name: "Numérique écoresponsable", short_name: "MiNumEco", lang: "fr", theme_color: "#000091", background_color: "#ffffff", display: "minimal-ui" });
    expect(new URL(manifest.start_url, `${siteUrl}/favicon/manifest.webmanifest`).pathname).toBe("/");
    expect(manifest.icons.map((icon) => icon.sizes)).toEqual(["192x192", "512x512", "any"]);
    for (const icon of manifest.icons) expect(existsSync(path.join(builtSite, "favicon", icon.src)), icon.src).toBe(true);
  });

  it("points robots.txt to the sitemap", () => {
    expect(read("robots.txt")).toContain(`Sitemap: ${siteUrl}/sitemap.xml`);
  });
});

describe("link previews", () => {
  it("give every page a raster og:image, the page's own or the site's, 1.91:1, with its real dimensions and an alt", async () => {
    const pages = htmlFiles(builtSite).filter((file) => !/<meta name="robots" content="[^"]*noindex/.test(readFileSync(file, "utf8")));
    expect(pages.length).toBeGreaterThan(30);
    const images = new Map<string, string>();
    for (const file of pages) {
      const doc = loadPage(`/${path.relative(builtSite, file)}`.replace(/index\.html$/, ""));
      const meta = (property: string) => doc.querySelector(`meta[property="og:image${property}"]`)?.getAttribute("content");
      const url = meta("")!;
      expect(url, file).toMatch(new RegExp(`^${siteUrl}/images/[\\w-]+-\\d+\\.jpeg$`));
      expect(meta(":alt"), file).toBeTruthy();
      images.set(url, `${meta(":width")}x${meta(":height")}`);
    }
    for (const [url, declared] of images) {
      const { width, height } = await sharp(path.join(builtSite, url.slice(siteUrl.length))).metadata();
      expect(`${width}x${height}`, url).toBe(declared);
      expect(Math.abs(width! / height! - 1200 / 630), url).toBeLessThan(0.01);
    }
    // The video post's own thumbnail (an SVG), made a JPEG; a page without an image, the site's.
    expect(loadPage(seedPages.videoPost).querySelector('meta[property="og:image:alt"]')?.getAttribute("content")).toContain("Épisode #12");
    expect(loadPage("/contact/").querySelector('meta[property="og:image:alt"]')?.getAttribute("content")).toBe("La Marianne, emblème de la République française");
  });
});

describe("links", () => {
  it("reaches every HTML page from the home page, with no broken internal link or anchor", () => {
    const { reached, broken } = crawl(builtSite);
    expect(broken).toEqual([]);
    // Redirects from the live site's addresses are reached from outside only (old links, bookmarks).
    const isRedirect = (file: string) => readFileSync(file, "utf8").includes('http-equiv="refresh"');
    const orphans = htmlFiles(builtSite).filter((file) => !reached.has(file) && !file.endsWith("404.html") && !isRedirect(file));
    expect(orphans.map((file) => path.relative(builtSite, file))).toEqual([]);
  });
});

describe("eco-design declaration", () => {
  it("publishes the figures of the live-shaped site, each page type by its French name, and says which budget is not met", () => {
    const benchmark = JSON.parse(readFileSync("_data/benchmark.json", "utf8")) as {
      liveShaped: { pages: number; coldSeconds: number; warmSeconds: number; peakMemoryMb: number; pageTypes: Record<string, { requests: number; ecoIndex: number; grade: string }> };
    };
    const budgets = JSON.parse(readFileSync("budgets.json", "utf8")) as {
      pages: Record<string, { label?: string; enforce?: boolean }>;
      liveShaped: { pages: Record<string, { label?: string }> };
    };
    const page = loadPage("/declaration-ecoconception/");
    const rows = [...page.querySelectorAll("table tr")].map((row) => text(row));
    expect(Object.keys(benchmark.liveShaped.pageTypes).length).toBeGreaterThan(8);
    for (const [name, figures] of Object.entries(benchmark.liveShaped.pageTypes)) {
      // Each page type by its French name, never by its code name (liste-actualites).
      const label = budgets.liveShaped.pages[name]!.label!;
      expect(label, name).toMatch(/^[A-ZÉ]/);
      const row = rows.find((candidate) => candidate.startsWith(`${label} `));
      expect(row, name).toContain(` ${figures.requests} `);
      expect(row, name).toContain(spaced(`${numberFr(figures.ecoIndex)} (${figures.grade})`));
    }
    expect(rows.some((row) => /\b(liste-actualites|publication-menu-lateral|referentiel-critere)\b/.test(row))).toBe(false);
    expect(text(page.querySelector("main"))).toContain(`${numberFr(benchmark.liveShaped.pages)} pages`);
    // The build figures are for the technical teams: behind an accordion.
    expect(page.querySelector(".fr-accordion .fr-accordion__btn")!.textContent).toBe("Construction du site (pour les équipes techniques)");
    expect(page.querySelector(".fr-accordion #budgets"), "the accordion closes before the budgets").toBeNull();
    const builds = [...page.querySelectorAll(".fr-accordion table tr")].map((row) => text(row));
    expect(builds.some((row) => row.includes(spaced(`${numberFr(benchmark.liveShaped.coldSeconds)} s ${numberFr(benchmark.liveShaped.peakMemoryMb)} Mo`)))).toBe(true);
    expect(builds.some((row) => row.includes(spaced(`${numberFr(benchmark.liveShaped.warmSeconds)} s`)))).toBe(true);
    const shortfall = text(page.querySelector("main")).includes("dépasse encore son budget");
    expect(shortfall).toBe(Object.values(budgets.pages).some((budget) => budget.enforce === false));
  });
});
