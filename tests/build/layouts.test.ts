import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { buildSite } from "../../src/build/build.ts";
import { layoutNames } from "../../src/content/layouts.ts";
import { createFixtureSite } from "../support/fixture-site.ts";

/** One page per layout name that existing content uses, plus a small guide, built together. */
const site = createFixtureSite();

const slugOf = (layout: string) => layout.replace(/^layouts\//, "").replace(/\.njk$/, "").replace(/\//g, "-");

function page(file: string, frontMatter: string, body = "Texte de la page.\n\n## Une section\n\nSuite.\n"): void {
  site.write(file, `---\n${frontMatter}\n---\n${body}`);
}

function load(url: string): Document {
  return parseHTML(readFileSync(path.join(site.output, url, "index.html"), "utf8")).document as unknown as Document;
}

beforeAll(async () => {
  for (const layout of layoutNames) {
    // Index pages that use the bare shell write their own h1.
    const body = layout === "layouts/base.njk" ? `# Page ${layout}\n\nTexte.\n` : undefined;
    page(`gabarits/${slugOf(layout)}.md`, `title: "Page ${layout}"\nlayout: ${layout}\nextrajs: /js/quiz.js`, body);
  }
  page("publications.md", "title: Publications\nlayout: layouts/publications.njk\neleventyNavigation:\n  key: publications");
  page("guide/index.md", "title: Mon guide\nlayout: layouts/guide-achats.njk\neleventyNavigation:\n  key: guide\n  parent: publications\n  title: Mon guide");
  page("guide/b.md", "title: Étape B\nlayout: layouts/guide-achats.njk\neleventyNavigation:\n  key: b\n  parent: guide\n  order: 20");
  page("guide/a.md", "title: Étape A\nlayout: layouts/guide-achats.njk\neleventyNavigation:\n  key: a\n  parent: guide\n  order: 10");
  page("guide/a1.md", "title: Détail A1\nlayout: layouts/guide-achats.njk\neleventyNavigation:\n  parent: a\n  order: 1");
  // The news folder's own data file gives every post its layout and its /actualites/<file name>/ URL.
  site.write("actualites/actualites.11tydata.json", readFileSync("content/actualites/actualites.11tydata.json", "utf8"));
  page(
    "actualites/2024/double.md",
    'title: Deux transcriptions\ndate: 2024-05-02\ntags: Podcast\nimage: /img/x.png',
    '{% transcription "Premier" %}<p>Un</p>{% endtranscription %}\n\n{% transcription %}<p>Deux</p>{% endtranscription %}\n',
  );
  page("ressources/videos.md", "title: Vidéos\nlayout: layouts/landing.njk\nlistTag: Vidéo\ngroupBy: series");
  page("actualites/2024/episode.md", "title: Un épisode\ndate: 2024-03-01\nseries: Une série\ntags: Vidéo");
  page("actualites/2024/seule.md", "title: Une vidéo seule\ndate: 2024-04-01\ntags: Vidéo");
  page("actualites/2024/salon.md", 'title: Un salon de trois jours\ndate: 2024-06-11\nendDate: 2024-06-13\nlocation: Lyon\ntags: Événement');
  await buildSite({ input: site.input, output: site.output, quiet: true });
});

describe("a medium's page grouped by series", () => {
  it("shows, after the series, the videos that belong to none under 'Autres vidéos'", () => {
    const doc = load("ressources/videos");
    const headings = [...doc.querySelectorAll("main h2")].map((h) => h.textContent);
    expect(headings.indexOf("Autres vidéos")).toBe(headings.indexOf("Une série") + 1);
    const outside = doc.querySelector("#hors-serie")!.nextElementSibling!;
    expect([...outside.querySelectorAll(".fr-card__title")].map((t) => t.textContent)).toEqual(["Une vidéo seule"]);
  });
});

describe("an event with an end date", () => {
  it("says 'Du … au …' and its place, on its card as on its page", () => {
    const card = load("actualites").querySelector('.fr-card:has(a[href="/actualites/salon/"])')!;
    expect([...card.querySelectorAll(".fr-card__detail")].map((p) => p.textContent!.replace(/\s+/g, " ").trim())).toEqual(["Du 11 juin 2024 au 13 juin 2024", "Lyon"]);
    const meta = [...load("actualites/salon").querySelectorAll(".post-meta p")].map((p) => p.textContent!.replace(/\s+/g, " ").trim());
    expect(meta).toEqual(["Du 11 juin 2024 au 13 juin 2024", "Lieu : Lyon"]);
  });
});

describe("every layout name of the content contract", () => {
  it.each(layoutNames)("%s renders a page in the site shell", (layout) => {
    const doc = load(`gabarits/${slugOf(layout)}`);
    expect(doc.querySelector("h1")?.textContent).toBe(`Page ${layout}`);
    expect(doc.querySelector("header.fr-header")).not.toBeNull();
    expect(doc.querySelector("footer.fr-footer")).not.toBeNull();
    expect(doc.documentElement.outerHTML).not.toMatch(/undefined|\[object Object\]/);
  });
});

describe("the guide layout", () => {
  it("shows a two-level side menu, the breadcrumb from the tree and a pager in reading order", () => {
    const doc = load("guide/a1");
    expect(doc.querySelector(".fr-sidemenu__title a")?.getAttribute("href")).toBe("/guide/");
    const current = doc.querySelector('.fr-sidemenu__link[aria-current="page"]');
    expect(current?.textContent).toBe("Détail A1");
    expect(current?.closest(".fr-collapse")?.previousElementSibling?.getAttribute("aria-expanded")).toBe("true");
    expect([...doc.querySelectorAll(".fr-breadcrumb__link")].map((a) => a.textContent)).toEqual([
      "Accueil",
      "Publications",
      "Mon guide",
      "Étape A",
      "Détail A1",
    ]);
    // The guide in reading order: its root, each chapter, then the chapter's own pages.
    const pagerLinks = (url: string) =>
      [...load(url).querySelectorAll('nav[aria-label="Pages voisines de la publication"] a')].map((a) => a.getAttribute("href"));
    expect(pagerLinks("guide")).toEqual(["/guide/a/"]);
    expect(pagerLinks("guide/a")).toEqual(["/guide/", "/guide/a1/"]);
  });
});

describe("news posts", () => {
  it("are published at /actualites/<file name>/ whatever the sub-folder, with unique transcription ids", () => {
    const doc = load("actualites/double");
    const titles = [...doc.querySelectorAll(".fr-transcription .fr-modal__title")].map((p) => p.textContent);
    expect(titles).toEqual(["Premier", "Transcription de la vidéo"]);
    const ids = [...doc.querySelectorAll("[id]")].map((el) => el.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const button of doc.querySelectorAll("[aria-controls]")) {
      expect(doc.getElementById(button.getAttribute("aria-controls")!), button.outerHTML).not.toBeNull();
    }
  });
});
