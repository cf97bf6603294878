import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { buildSite } from "../../src/build/build.ts";
import { describeBuildError } from "../../src/build/errors.ts";
import { fullReferentialSite, loadPage } from "../support/site.ts";
import { createFixtureSite } from "../support/fixture-site.ts";

const base = "/publications/referentiel-general-ecoconception/";
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, " ").trim() ?? "";
const full = JSON.parse(readFileSync("../shared/data/rgesn-2024.json", "utf8")) as { numero: string }[];

describe("the full 2024 referential", () => {
  it("has one page per criterion at /critere/<numero slug>/", () => {
    const folders = readdirSync(path.join(fullReferentialSite, base, "critere")).sort();
    expect(folders).toHaveLength(78);
    expect(folders).toEqual(full.map((c) => c.numero).sort());
    const page = loadPage(`${base}critere/4.14/`, fullReferentialSite);
    expect(text(page.querySelector("h1"))).toContain("Critère 4.14 : Le service numérique évite-t-il le recours à des procédés manipulatoires");
    // Its theme's page in the breadcrumb: the way back to its neighbours.
    expect([...page.querySelectorAll(".fr-breadcrumb__link")].map((a) => [text(a), a.getAttribute("href")]).slice(2, 4)).toEqual([
      ["RGESN", base],
      ["UX/UI", `${base}thematique/ux-ui/`],
    ]);
  });

  it("groups the index by theme, the first in full and each other linking its own page, in a light page", () => {
    const index = loadPage(base, fullReferentialSite);
    const sections = [...index.querySelectorAll(".rgesn-theme")];
    expect(sections.map((section) => text(section.querySelector("h2")))).toEqual(["Stratégie", "Spécifications", "Architecture", "UX/UI", "Contenus", "Frontend", "Backend", "Hébergement", "Algorithmie"]);
    expect(sections[0]!.querySelectorAll(".rgesn-criteria > li")).toHaveLength(10);
    const links = sections.slice(1).map((section) => [text(section.querySelector("a[data-rgesn-theme-list]")), section.querySelector("a[data-rgesn-theme-list]")?.getAttribute("href")]);
    expect(links[2]).toEqual(["Les 15 critères « UX/UI »", `${base}thematique/ux-ui/`]);
    // The filters are a template until used: some fifty options out of the page's elements.
    expect(index.querySelector("template[data-rgesn-filters-template] select")).toBeNull();
    expect((index.querySelector("template[data-rgesn-filters-template]") as HTMLTemplateElement).content.querySelectorAll("select")).toHaveLength(4);
    expect(index.querySelectorAll("body *").length).toBeLessThan(400);
    expect(index.querySelector(".fr-alert")).toBeNull(); // not labelled as sample data
  });

  it("gives each theme its own page with its criteria and their badges, the 78 criteria across the nine", () => {
    const index = loadPage(base, fullReferentialSite);
    const counts = [...index.querySelectorAll(".rgesn-theme")].map((section) => {
      const href = section.querySelector("a[data-rgesn-theme-list]")?.getAttribute("href");
      const page = href ? loadPage(href, fullReferentialSite) : index;
      return [section.id, page.querySelectorAll(".rgesn-criteria > li").length];
    });
    expect(counts).toEqual([["strategie", 10], ["specifications", 10], ["architecture", 7], ["ux-ui", 15], ["contenus", 8], ["frontend", 7], ["backend", 4], ["hebergement", 10], ["algorithmie", 7]]);
    const backend = loadPage(`${base}thematique/backend/`, fullReferentialSite);
    expect(text(backend.querySelector("h1"))).toBe("Thématique Backend");
    expect([...backend.querySelectorAll(".fr-breadcrumb__link")].map(text)).toEqual(["Accueil", "Publications", "RGESN", "Backend"]);
    expect(backend.querySelector('.fr-sidemenu__item--active a')?.getAttribute("href")).toBe(`${base}#backend`);
    expect(backend.querySelectorAll(".rgesn-criteria .fr-badge")).toHaveLength(8);
  });

  it("renders Markdown fields as Markdown, with no block inside a paragraph", () => {
    const page = loadPage(`${base}critere/1.1/`, fullReferentialSite);
    const implementation = page.querySelectorAll(".rgesn-markdown")[1]!;
    expect(implementation.querySelectorAll("ul > li").length).toBeGreaterThanOrEqual(5);
    expect(implementation.querySelector('a[href="https://sdgs.un.org/fr/goals"]')).not.toBeNull();
    expect(page.querySelectorAll("p ul, p ol, p p, p div")).toHaveLength(0);
    expect([...page.querySelectorAll(".fr-badge")].map(text)).toEqual(["Priorité : prioritaire", "Difficulté : fort"]);
  });

  it("links each criterion to the previous and the next one", () => {
    const pager = loadPage(`${base}critere/1.10/`, fullReferentialSite).querySelector('nav[aria-label="Critères voisins"]');
    expect([...(pager?.querySelectorAll("a") ?? [])].map((a) => a.getAttribute("href"))).toEqual([`${base}critere/1.9/`, `${base}critere/2.1/`]);
  });

  it("offers CSV and JSON downloads that parse back to the 78 criteria", () => {
    const csv = readFileSync(path.join(fullReferentialSite, base, "rgesn.csv"), "utf8");
    const rows = parse(csv, { columns: true }) as { numero: string }[];
    expect(rows).toHaveLength(78);
    expect(rows.map((r) => r.numero)).toContain("9.7");
    expect(JSON.parse(readFileSync(path.join(fullReferentialSite, base, "rgesn.json"), "utf8"))).toHaveLength(78);
    const links = [...loadPage(base, fullReferentialSite).querySelectorAll("a.fr-link--download")].map(text);
    expect(links[0]).toMatch(/CSV – \d+ Ko$/);
    expect(links[1]).toMatch(/JSON – \d+ Ko$/);
  });
});

describe("a broken referential", () => {
  it("fails the build naming the criterion", async () => {
    const site = createFixtureSite();
    site.write("index.md", "---\ntitle: Accueil\n---\n");
    const criteria = JSON.parse(readFileSync("data/rgesn/criteres.json", "utf8")) as Record<string, string>[];
    delete criteria[2]!.controle;
    site.write("../rgesn/criteres.json", JSON.stringify(criteria));
    process.env.RGESN_CRITERIA = path.relative(process.cwd(), path.join(site.root, "rgesn/criteres.json"));
    try {
      await expect(buildSite({ input: site.input, output: site.output })).rejects.toSatisfy((error: unknown) =>
        /critère 4\.1 : champ « controle » manquant/.test(describeBuildError(error)),
      );
    } finally {
      delete process.env.RGESN_CRITERIA;
    }
  });
});
