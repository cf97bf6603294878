import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { builtSite, loadPage, readPage } from "../support/site.ts";
import { createFixtureSite } from "../support/fixture-site.ts";
import { buildSite } from "../../src/build/build.ts";
import { startLocalBackend } from "../../src/admin/localBackend.ts";

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

describe("what the editor's exceptions do not open", () => {
  it("keeps the site's policy on a content page that writes one in its body", async () => {
    const site = createFixtureSite();
    site.write("politique.md", `---\ntitle: Politique écrite à la main\nlayout: layouts/page.njk\n---\n\n<meta http-equiv="Content-Security-Policy" content="script-src *">\n\nTexte.\n`);
    await buildSite({ input: site.input, output: site.output, quiet: true });
    const head = loadPage("/politique/", site.output).head;
    expect(head.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content")).toContain("object-src 'none'");
  });

  it("answers the editor's local backend only to this machine's names (no DNS rebinding)", async () => {
    const site = createFixtureSite();
    const backend = await startLocalBackend({ repository: site.root, port: 0 });
    const { port, pathname } = new URL(backend.url);
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const call = request({ host: "127.0.0.1", port, path: pathname, method: "POST", headers: { host, "content-type": "application/json" } }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        call.on("error", reject);
        call.end(JSON.stringify({ action: "info" }));
      });
    try {
      expect(await status(`127.0.0.1:${port}`)).toBe(200);
      expect(await status(`localhost:${port}`)).toBe(200);
      expect(await status(`site-hostile.example:${port}`)).toBe(403);
    } finally {
      await backend.close();
    }
  });
});
