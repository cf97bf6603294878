import { describe, expect, it } from "vitest";
import { filterTagList, getAllTags, getPostsForYear, getYears, htmlDateString, inSeries, isFutureDate, limit, noSeries, readableDate } from "../../src/legacy/filters.ts";
import { eleventyNavigationByKeys, eleventyNavigationExtended } from "../../src/legacy/navigation.ts";
import { calendarDay, normaliseLegacyFrontMatter, withTabsAsSpaces } from "../../src/legacy/frontMatter.ts";
import { listPageRedirects, redirectHead, seriesRedirects } from "../../src/legacy/redirects.ts";
import { lenientFrontMatter, legacyConstructs } from "../../src/legacy/usage.ts";
import { asEsModule, isCommonJsSource } from "../../src/legacy/commonJsDataHooks.mjs";
import { translate } from "../../src/legacy/i18n.ts";
import { goodPracticeLayouts, goodPracticeMenu } from "../../src/legacy/goodPracticeGuide.ts";
import { liveMetadata } from "../../src/legacy/metadata.ts";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const item = (iso: string, data: Record<string, unknown> = {}) => ({ date: day(iso), data });

describe("the live site's date filters", () => {
  it("formats like Luxon did: zero-padded day, French, UTC", () => {
    expect(readableDate(day("2024-07-01"))).toBe("01 juillet 2024");
    expect(readableDate(day("2024-07-01"), "dd/MM/yyyy")).toBe("01/07/2024");
    expect(htmlDateString(day("2024-07-01"))).toBe("2024-07-01");
  });
  it("prints nothing for what is not a date, where the live site printed « Invalid DateTime »", () => {
    expect(readableDate(undefined)).toBe("");
    expect(htmlDateString("pas une date")).toBe("");
  });
  it("counts today as the future, from local midnight", () => {
    const now = new Date(2026, 11, 2, 15, 0);
    expect(isFutureDate(new Date(2026, 11, 2, 1, 0), now)).toBe(true);
    expect(isFutureDate(new Date(2026, 11, 1, 23, 0), now)).toBe(false);
    expect(isFutureDate("2027-01-01", now)).toBe(true);
  });
  it("groups by year, newest first, keeping the order within a year", () => {
    const items = [item("2024-01-02"), item("2025-05-01"), item("2024-06-01")];
    expect(getYears(items)).toEqual([2025, 2024]);
    expect(getPostsForYear(items, 2024)).toEqual([items[0], items[2]]);
    expect(getYears(undefined)).toEqual([]);
  });
});

describe("the live site's list filters", () => {
  it("limit gives the newest items of an oldest-first collection, newest first", () => {
    const oldestFirst = [item("2024-01-01"), item("2024-02-01"), item("2024-03-01"), item("2024-04-01")];
    expect(limit(oldestFirst, 2)).toEqual([oldestFirst[3], oldestFirst[2]]);
    expect(limit([3, 2, 1], 2)).toEqual([3, 2]);
  });
  it("keeps a series by its exact name, or the items in none", () => {
    const items = [item("2024-01-01", { series: "A" }), item("2024-01-02", {}), item("2024-01-03", { series: "AB" })];
    expect(inSeries(items, "A")).toEqual([items[0]]);
    expect(noSeries(items)).toEqual([items[1]]);
  });
  it("hides technical tags and the names given, and lists tags in the order first seen", () => {
    expect(filterTagList(["posts", "Vidéo", "all", "Podcast"], "Podcast")).toEqual(["Vidéo"]);
    expect(getAllTags([item("2024-01-01", { tags: ["B", "A"] }), item("2024-01-02", { tags: "C" })])).toEqual(["B", "A", "C"]);
  });
});

describe("the live site's navigation filters", () => {
  const pages = [
    { url: "/g/", data: { title: "Guide", eleventyNavigation: { key: "g" } } },
    { url: "/g/b/", data: { title: "B", eleventyNavigation: { key: "b", parent: "g", order: 2 } } },
    { url: "/g/a/", data: { title: "A", eleventyNavigation: { key: "a", parent: "g" } } },
    { url: "/g/a/x/", data: { title: "X", eleventyNavigation: { key: "x", parent: "a", title: "Détail" } } },
  ];
  it("sorts a missing order as 0, nests children and keeps the page data", () => {
    const [guide] = eleventyNavigationExtended(pages);
    expect(guide!.children.map((c) => c.key)).toEqual(["a", "b"]);
    expect(guide!.children[0]!.children[0]).toMatchObject({ title: "Détail", url: "/g/a/x/", parentKey: "a", data: { title: "X" } });
    expect(eleventyNavigationExtended(pages, "a").map((e) => e.key)).toEqual(["x"]);
  });
  it("finds pages by key, in the keys' order, skipping unknown keys", () => {
    expect(eleventyNavigationByKeys(pages, ["b", "inconnue", "g"]).map((e) => e.title)).toEqual(["B", "Guide"]);
  });
});

describe("front matter the live site's engine accepted", () => {
  it("reads tabs as two spaces, a quoted day as a date, serie as series, an empty image as none", () => {
    expect(withTabsAsSpaces("tags:\n\t- a\n")).toBe("tags:\n  - a\n");
    expect(withTabsAsSpaces("tags:\n  - a\n")).toBeUndefined();
    const data: Record<string, unknown> = { date: "2025-12-05", serie: "S", image: null };
    normaliseLegacyFrontMatter(data);
    expect(data).toEqual({ date: day("2025-12-05"), serie: "S", series: "S" });
    expect(calendarDay("2025-02-30")).toBeUndefined();
  });
  it("is named by npm run check with the line and the fix", () => {
    const file = { path: "c.md", source: "---\ntitle: T\ndate: '2025-01-02'\ntags:\n\t- a\nimage:\nserie: S\n---\n" };
    expect(lenientFrontMatter(file).map((p) => p.message.split(" :")[0])).toEqual(["ligne 3", "ligne 5", "ligne 6", "ligne 7"]);
    expect(lenientFrontMatter({ path: "d.md", source: "---\ntitle: T\nimage:\n  path: ./x.svg\n---\n" })).toEqual([]);
  });
  it("counts each legacy construct and names the engine's equivalent", () => {
    const [warning] = legacyConstructs([{ path: "a.md", source: "{{ d | readableDate }} {{ e | readableDate('yyyy') }}" }, { path: "b.md", source: "x" }]);
    expect(warning!.message).toContain("filtre readableDate : 2 emploi(s) dans 1 fichier(s) (a.md)");
    expect(warning!.message).toContain("dateFr");
  });
});

describe("CommonJS folder data", () => {
  it("is told from ES modules and wrapped as one", () => {
    expect(isCommonJsSource("module.exports = { a: 1 };")).toBe(true);
    expect(isCommonJsSource("export default { a: 1 };")).toBe(false);
    expect(isCommonJsSource('import x from "y";\nmodule.exports = x;')).toBe(false);
    const wrapped = asEsModule("module.exports = { tags: ['posts'] };");
    expect(wrapped).toContain("export default module.exports;");
  });
});

describe("redirects from the live site's addresses", () => {
  it("leads old list pages of six to the page of nine that holds their first item", () => {
    // 120 posts: the live site's 20 pages, this site's 14; old page n starts with post 6(n-1)+1.
    expect(listPageRedirects("/actualites/", 120)).toEqual(
      Array.from({ length: 6 }, (_, i) => ({ from: `/actualites/page-${i + 15}/`, to: `/actualites/page-${Math.floor(((i + 14) * 6) / 9) + 1}/` })),
    );
    expect(listPageRedirects("/actualites/tags/x/", 7)).toEqual([{ from: "/actualites/tags/x/page-2/", to: "/actualites/tags/x/" }]);
    expect(listPageRedirects("/actualites/tags/x/", 4)).toEqual([]);
  });
  it("leads a series under the other medium's folder to its page", () => {
    // a series with pages under both folders keeps both
    expect(seriesRedirects(["/ressources/videos/serie/a/", "/ressources/podcasts/serie/b/", "/ressources/podcasts/serie/a/"])).toEqual([
      { from: "/ressources/videos/serie/b/", to: "/ressources/podcasts/serie/b/" },
    ]);
  });
  it("keeps the query and the fragment, with a fallback for browsers without JavaScript", () => {
    const head = redirectHead({ from: "/search-results/", to: "/recherche/", query: { term: "q" } });
    expect(head).toContain('<meta name="robots" content="noindex">');
    expect(head).toContain('<meta http-equiv="refresh" content="0; url=/recherche/">');
    expect(head).toContain('m={"term":"q"}');
    expect(head).toContain("location.hash");
  });
});

describe("i18n", () => {
  it("gives the French label, fills placeholders, and prints an unknown key as itself", () => {
    const unknown: string[] = [];
    expect(translate("previous")).toBe("Précédent");
    expect(translate("absente", {}, (key) => unknown.push(key))).toBe("absente");
    expect(unknown).toEqual(["absente"]);
  });
});

describe("DSFR icon utilities", () => {
  it("keep the rules of the icons the sources name, and every rule that names no icon", async () => {
    const { usedIconRules } = await import("../../src/build/purgeStyles.ts");
    const css = "/*! DSFR */.fr-icon-a:before,.fr-icon-a:after{mask:url(a.svg)}.fr-fi-b:before{mask:url(b.svg)}.fr-icon--sm:before{width:1rem}@media (min-width:36em){.fr-icon-c:before{x:1}.fr-icon--lg{y:2}}";
    expect(usedIconRules(css, new Set(["fr-icon-a", "fr-fi-x"]))).toBe(
      "/*! DSFR */.fr-icon-a:before,.fr-icon-a:after{mask:url(a.svg)}.fr-icon--sm:before{width:1rem}@media (min-width:36em){.fr-icon--lg{y:2}}",
    );
  });
});

describe("the good-practice guide's menu", () => {
  const guide = "/guide/";
  const at = (url: string, title: string, layout = goodPracticeLayouts[0]) => ({ url, data: { title, layout } });
  const pages = [
    at(`${guide}glossaire/`, "Glossaire"),
    at(`${guide}`, "Le guide"),
    at(`${guide}introduction/`, "Introduction"),
    at(`${guide}bonnes-pratiques/`, "Les pratiques"),
    at(`${guide}reseau/`, "Réseau", goodPracticeLayouts[1]),
    at(`${guide}lecture/`, "Lecture"),
    { url: "/ailleurs/introduction/", data: { title: "Une autre introduction", layout: "layouts/page.njk" } },
  ];

  it("heads it with the guide's home, then About in the live order, then the practices with their themes", () => {
    const menu = goodPracticeMenu(pages, `${guide}reseau/`)!;
    expect(menu.root).toMatchObject({ title: "Le guide", url: guide, current: false });
    expect(menu.items.map((item) => [item.title, item.url, item.active, item.children.map((child) => child.url)])).toEqual([
      ["À propos", "", false, [`${guide}introduction/`, `${guide}glossaire/`]],
      ["Les pratiques", `${guide}bonnes-pratiques/`, true, [`${guide}reseau/`]],
    ]);
  });

  it("leaves out what does not exist, and answers nothing for a site without the guide", () => {
    expect(goodPracticeMenu([at(guide, "Le guide")], guide)!.items).toEqual([]);
    expect(goodPracticeMenu([pages[6]!], "/")).toBeUndefined();
  });
});

describe("the metadata global", () => {
  it("takes the owners' values from _data/metadata.json over its own", () => {
    const data = mkdtempSync(path.join(tmpdir(), "metadata-"));
    writeFileSync(path.join(data, "site.json"), JSON.stringify({ name: "Site", tagline: "T", description: "D", url: "https://exemple.gouv.fr", author: "A" }));
    expect(liveMetadata(data)).toMatchObject({ url: "https://exemple.gouv.fr/", guideBonnesPratiques: { versionTitle: "1" } });
    writeFileSync(path.join(data, "metadata.json"), JSON.stringify({ guideBonnesPratiques: { versionTitle: "2", documentUrl: "/docs/g.pdf" } }));
    expect(liveMetadata(data)).toMatchObject({ title: "Site", guideBonnesPratiques: { version: "v1", versionTitle: "2", documentUrl: "/docs/g.pdf" } });
  });
});
