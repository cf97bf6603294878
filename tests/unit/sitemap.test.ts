import { describe, expect, it } from "vitest";
import { sitemapEntries, type SitemapItem } from "../../src/content/sitemap.ts";
import { paginate, type ListItem } from "../../src/content/lists.ts";

const day = (date: string) => new Date(`${date}T12:00:00Z`);
const builtAt = day("2026-11-30");
const page = (url: string, date: string, data: SitemapItem["data"] = {}): SitemapItem => ({ url, inputPath: `content${url}index.md`, date: day(date), data });
const post = (slug: string, date: string): ListItem => ({ url: `/actualites/${slug}/`, inputPath: `content/actualites/${slug}.md`, date: day(date), data: {} });
const shown = (entries: { url: string; lastModified: Date }[]) => entries.map((entry) => `${entry.url} ${entry.lastModified.toISOString().slice(0, 10)}`);

describe("sitemap.xml entries", () => {
  it("list the public pages, sorted, without the 404, other outputs or drafts", () => {
    const pages = [page("/b/", "2026-01-02"), page("/a/", "2026-01-01"), page("/404.html", "2026-01-01"), page("/flux.xml", "2026-01-01"), page("/brouillon/", "2026-01-01", { draft: true })];
    expect(shown(sitemapEntries(pages, [], new Map(), builtAt))).toEqual(["/a/ 2026-01-01", "/b/ 2026-01-02"]);
  });

  it("date a page by its last commit when that is later than its own date", () => {
    const commits = new Map([["content/a/index.md", day("2026-03-04")], ["content/b/index.md", day("2025-01-01")]]);
    expect(shown(sitemapEntries([page("/a/", "2026-01-01"), page("/b/", "2026-01-01")], [], commits, builtAt))).toEqual(["/a/ 2026-03-04", "/b/ 2026-01-01"]);
  });

  it("never date a page after the build, such as an event's page dated by the event", () => {
    expect(shown(sitemapEntries([page("/formation/", "2027-02-10")], [], new Map(), builtAt))).toEqual(["/formation/ 2026-11-30"]);
  });

  it("list the first page of each list only, dated by its newest post", () => {
    const posts = Array.from({ length: 12 }, (_, i) => post(`billet-${i}`, `2026-0${(i % 9) + 1}-01`));
    const commits = new Map([["content/actualites/billet-0.md", day("2026-10-01")]]);
    const lists = [...paginate(posts, "/actualites/tags/commun/", 10), ...paginate(posts.slice(1, 3), "/ressources/videos/serie/une/", 10)];
    expect(shown(sitemapEntries([], lists, commits, builtAt))).toEqual(["/actualites/tags/commun/ 2026-10-01", "/ressources/videos/serie/une/ 2026-03-01"]);
  });
});
