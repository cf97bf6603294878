import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { builtSite, loadPage, readPage } from "../support/site.ts";

describe("the web editor's page, /admin/", () => {
  const page = loadPage("/admin/");

  it("is kept out of search engines, the sitemap, the feeds and the search index", () => {
    expect(page.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex, nofollow");
    expect(readFileSync(path.join(builtSite, "robots.txt"), "utf8")).toMatch(/^Disallow: \/admin\/$/m);
    expect(readFileSync(path.join(builtSite, "sitemap.xml"), "utf8")).not.toContain("/admin/");
    expect(readFileSync(path.join(builtSite, "feed/feed.xml"), "utf8")).not.toContain("/admin/");
    expect(page.querySelector("[data-pagefind-body]")).toBeNull();
  });

  it("loads the editor from the site itself, and no public page loads it", () => {
    const script = page.querySelector("script[src]")!.getAttribute("src")!;
    expect(script).toMatch(/^\/admin\/cms-[0-9a-f]{10}\.js$/);
    expect(statSync(path.join(builtSite, script)).size).toBeGreaterThan(1_000_000);
    for (const url of ["/", "/actualites/", "/publications/guide-exemple/"]) expect(readPage(url)).not.toContain("/admin/");
  });

  it("carries the configuration written from the schema, and its own policy for the editor's needs", () => {
    const config = JSON.parse(page.getElementById("editor-settings")!.textContent!);
    expect(config.collections.map((c: { name: string }) => c.name)).toContain("post");
    const tags = config.collections.find((c: { name: string }) => c.name === "post").fields.find((f: { name: string }) => f.name === "tags").options;
    expect(tags).toEqual(expect.arrayContaining(["MiNumEco", "Vidéo", "Podcast"]));
    const policies = page.querySelectorAll('meta[http-equiv="Content-Security-Policy"]');
    expect(policies).toHaveLength(1);
    expect(policies[0]!.getAttribute("content")).toContain("connect-src 'self' blob: data: https://api.github.com http://127.0.0.1:");
    expect(page.getElementById("editor-settings")!.dataset.stylesheet).toMatch(/^\/assets\/styles-.+\.css$/);
    expect(existsSync(path.join(builtSite, page.getElementById("editor-settings")!.dataset.stylesheet!))).toBe(true);
  });

  it("holds only the page and its one script", () => {
    expect(readdirSync(path.join(builtSite, "admin")).sort()).toEqual(["index.html", path.basename(page.querySelector("script[src]")!.getAttribute("src")!)].sort());
  });
});
