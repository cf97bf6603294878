import { describe, expect, it } from "vitest";
import { lastChange, sitemapPage, sitemapXml } from "../../src/content/sitemap.ts";

const day = (date: string) => new Date(`${date}T12:00:00Z`);
const builtAt = day("2026-11-30");
const site = "https://exemple.gouv.fr";
const html = (url: string, body = "", head = "") => `<html><head>${head}<link rel="canonical" href="${site}${url}"></head><body>${body}</body></html>`;
const page = (url: string, inputPath: string, date: string, body = "") => sitemapPage(html(url, body), { inputPath, date: day(date) })!;
const shown = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>\n\s+<lastmod>([^<]+)/g)].map((m) => `${m[1]!.slice(site.length)} ${m[2]}`);

describe("sitemap.xml", () => {
  it("leaves out a page that tells robots noindex (an old address, the editor) and one with no canonical address", () => {
    expect(sitemapPage(html("/ancienne/", "", '<meta name="robots" content="noindex">'), { inputPath: "x", date: builtAt })).toBeUndefined();
    expect(sitemapPage(html("/admin/", "", '<meta name="robots" content="noindex, nofollow">'), { inputPath: "x", date: builtAt })).toBeUndefined();
    expect(sitemapPage("<html><body>x</body></html>", { inputPath: "x", date: builtAt })).toBeUndefined();
  });

  it("lists each canonical address once, sorted, dated by its file's last commit rather than its creation on a fresh clone", () => {
    const commits = new Map([["content/a.md", day("2026-03-04")], ["content/b.md", day("2025-01-01")]]);
    const pages = [page("/b/", "content/b.md", "2026-11-30"), page("/a/", "content/a.md", "2026-11-30"), page("/a/", "content/a.md", "2026-11-30")];
    expect(shown(sitemapXml(pages, commits, builtAt))).toEqual(["/a/ 2026-03-04", "/b/ 2025-01-01"]);
  });

  it("dates a page not in the history by its own date, never after the build (an event's page is dated by the event)", () => {
    expect(shown(sitemapXml([page("/nouvelle/", "content/nouvelle.md", "2026-10-10"), page("/formation/", "content/formation.md", "2027-02-10")], new Map(), builtAt))).toEqual([
      "/formation/ 2026-11-30",
      "/nouvelle/ 2026-10-10",
    ]);
  });

  it("dates a generated list by the newest date it shows that has come, and a page generated from a data file by that file's commit", () => {
    const cards = '<time datetime="2026-05-01">1er mai</time><time datetime="2027-01-15">15 janvier 2027</time><time datetime="2026-09-12">12 septembre</time>';
    const list = page("/actualites/tags/formation/", "./generated/tag-page.njk", "2026-11-30", cards);
    const criterion = page("/referentiel/critere/1.1/", "./generated/rgesn-criterion.njk", "2026-11-30");
    const commits = new Map([["data/rgesn/criteres.json", day("2026-02-02")]]);
    const sources = new Map([["generated/rgesn-criterion.njk", "data/rgesn/criteres.json"]]);
    expect(lastChange(list, commits, builtAt, sources).toISOString().slice(0, 10)).toBe("2026-09-12");
    expect(lastChange(criterion, commits, builtAt, sources).toISOString().slice(0, 10)).toBe("2026-02-02");
  });

  it("writes XML-safe addresses", () => {
    expect(sitemapXml([page("/a&b/", "c.md", "2026-01-01")], new Map(), builtAt)).toContain("<loc>https://exemple.gouv.fr/a&amp;b/</loc>");
  });
});
