import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createFixtureSite } from "../support/fixture-site.ts";
import { startDevServer } from "../../src/bench/devServerEdit.ts";
import { launchChromium } from "../support/browser.ts";

/** The text of every page in the site's Pagefind index (each fragment is gzipped JSON after a signature). */
function indexedText(output: string): string {
  const folder = path.join(output, "pagefind/fragment");
  return readdirSync(folder)
    .map((name) => gunzipSync(readFileSync(path.join(folder, name))).toString("utf8"))
    .join("\n");
}

describe("the dev server", () => {
  it("updates every list that shows a post when its title changes (home, news list, section page, tag page), then, when a page asks for it, the search index", async () => {
    const site = createFixtureSite();
    cpSync("content", site.input, { recursive: true });
    const server = startDevServer(site.input, site.output, { port: 8095 });
    try {
      await server.waitForBuild(1, 60);
      const post = path.join(site.input, "actualites/evenements/formation-ecoconception-2027.md");
      const pages = ["index.html", "actualites/index.html", "formations/index.html", "actualites/tags/formation/index.html"];
      for (const page of pages) expect(readFileSync(path.join(site.output, page), "utf8"), page).not.toContain("Titre changé pendant l'aperçu");
      // Let the watcher settle: Eleventy ignores changes made while it writes.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      writeFileSync(post, readFileSync(post, "utf8").replace(/^title: .*$/m, `title: "Titre changé pendant l'aperçu"`));
      await server.waitForBuild(2, 60);
      for (const page of pages) expect(readFileSync(path.join(site.output, page), "utf8"), page).toContain("Titre changé pendant l&#39;aperçu");
      // The index is made when a page asks for it, and that request waits for it.
      expect(existsSync(path.join(site.output, "pagefind"))).toBe(false);
      const entry = await fetch("http://127.0.0.1:8095/pagefind/pagefind-entry.json");
      expect(entry.status).toBe(200);
      expect(indexedText(site.output)).toContain("Titre changé pendant l'aperçu");
    } finally {
      server.stop();
    }
  }, 120_000);

  it("leaves the news lists as they are after a save that cannot change them, and writes them again after one that can", async () => {
    const site = createFixtureSite();
    site.write("actualites/actualites.11tydata.json", readFileSync("content/actualites/actualites.11tydata.json", "utf8"));
    site.write("contact.md", "---\ntitle: Contact\n---\nÉcrivez-nous.\n");
    site.write("plan-du-site.njk", readFileSync("content/plan-du-site.njk", "utf8"));
    for (let i = 1; i <= 23; i++) {
      const day = String(i).padStart(2, "0");
      site.write(`actualites/billet-${day}.md`, `---\ntitle: Billet ${day}\ndate: 2025-03-${day}\ntags: ["Commun"]\n---\nTexte.\n`);
    }
    const lists = ["actualites/index.html", "actualites/page-2/index.html", "actualites/tags/index.html", "actualites/tags/commun/index.html"];
    const written = () => lists.map((list) => statSync(path.join(site.output, list)).mtimeMs);
    const read = (page: string) => readFileSync(path.join(site.output, page), "utf8");
    const server = startDevServer(site.input, site.output, { port: 8094 });
    let builds = 1;
    const save = async (change: () => void) => {
      // Let the watcher settle: Eleventy ignores changes made while it writes.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      change();
      await server.waitForBuild(++builds, 60);
    };
    try {
      await server.waitForBuild(1, 60);
      const before = written();
      // Only a post's text, then a page outside the news: the lists show neither.
      await save(() => appendFileSync(path.join(site.input, "actualites/billet-23.md"), "\nTexte ajouté pendant la relecture.\n"));
      expect(read("actualites/billet-23/index.html")).toContain("Texte ajouté pendant la relecture.");
      await save(() => appendFileSync(path.join(site.input, "contact.md"), "\nNouvelle ligne.\n"));
      expect(read("contact/index.html")).toContain("Nouvelle ligne.");
      expect(written()).toEqual(before);
      // The pages that list every page, written again, still list them.
      for (const url of ["/actualites/", "/actualites/tags/", "/actualites/tags/commun/", "/actualites/billet-01/"]) expect(read("sitemap.xml")).toContain(`${url}<`);
      expect(read("plan-du-site/index.html")).toContain('href="/actualites/tags/"');
      // A post's title, then a new post: every list shows them.
      await save(() => writeFileSync(path.join(site.input, "actualites/billet-23.md"), readFileSync(path.join(site.input, "actualites/billet-23.md"), "utf8").replace("title: Billet 23", "title: Billet renommé")));
      for (const list of ["actualites/index.html", "actualites/tags/commun/index.html"]) expect(read(list), list).toContain("Billet renommé");
      await save(() => site.write("actualites/billet-24.md", "---\ntitle: Billet nouveau\ndate: 2025-03-24\ntags: [\"Commun\", \"Neuf\"]\n---\nTexte.\n"));
      expect(read("actualites/index.html")).toContain("Billet nouveau");
      expect(read("actualites/tags/index.html")).toContain("Neuf");
    } finally {
      server.stop();
    }
  }, 120_000);

  it("starts on a site with a broken page: says what to fix, and serves the site once it is saved fixed", async () => {
    const site = createFixtureSite();
    site.write("index.md", "---\ntitle: Accueil\n---\nBienvenue.\n");
    const broken = path.join(site.input, "actualites/cassee.md");
    site.write("actualites/cassee.md", "---\ntitle: Cassée\ndate: demain\n---\nTexte.\n");
    const server = startDevServer(site.input, site.output, { port: 8096 });
    try {
      // Before, the server stopped here (Eleventy's watcher only starts after a first build that succeeds).
      await server.waitForOutput("Corrigez puis enregistrez", 1, 60);
      await server.waitForOutput("champ « date » : trouvé « demain »", 1, 5);
      // The browser gets the same message at the site's address, not a refused connection.
      const errorPage = await fetch("http://127.0.0.1:8096/actualites/");
      expect(errorPage.status).toBe(500);
      const errorText = await errorPage.text();
      expect(errorText).toContain("Le site ne se construit pas");
      expect(errorText).toContain("cassee.md");
      expect(errorText).toContain("champ « date » : trouvé « demain »");
      writeFileSync(broken, "---\ntitle: Réparée\ndate: 2026-03-16\n---\nTexte.\n");
      await server.waitForBuild(1, 60);
      await server.waitForOutput("Server at", 1, 30);
      const response = await fetch("http://127.0.0.1:8096/actualites/cassee/");
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("Réparée");
    } finally {
      server.stop();
    }
  }, 120_000);

  it("shows a save that breaks a page as the French error in the browser, in place of the stale page, until the next good save", async () => {
    const site = createFixtureSite();
    site.write("index.md", "---\ntitle: Accueil\n---\nBienvenue.\n");
    const page = path.join(site.input, "contact.md");
    site.write("contact.md", "---\ntitle: Contact\n---\nÉcrivez-nous.\n");
    const server = startDevServer(site.input, site.output, { port: 8097 });
    const browser = await launchChromium();
    try {
      await server.waitForBuild(1, 60);
      await server.waitForOutput("Server at", 1, 30);
      const tab = await browser.newPage();
      await tab.goto("http://127.0.0.1:8097/contact/");
      expect(await tab.locator("h1").textContent()).toContain("Contact");
      await new Promise((resolve) => setTimeout(resolve, 1500));
      writeFileSync(page, "---\ntitle: Contact\nlayout: layouts/pages.njk\n---\nÉcrivez-nous.\n");
      // The tab reloads by itself and shows why, with the file, the field and the fix.
      await tab.getByText("Le site ne se construit pas").waitFor({ timeout: 60_000 });
      const message = await tab.locator("pre").textContent();
      expect(message).toContain("contact.md");
      expect(message).toContain("vouliez-vous dire layouts/page.njk ?");
      expect(await tab.locator(".fr-alert--error").count()).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      writeFileSync(page, "---\ntitle: Contact réparé\nlayout: layouts/page.njk\n---\nÉcrivez-nous.\n");
      await tab.getByRole("heading", { level: 1, name: "Contact réparé" }).waitFor({ timeout: 60_000 });
      expect(await tab.getByText("Le site ne se construit pas").count()).toBe(0);
    } finally {
      await browser.close();
      server.stop();
    }
  }, 150_000);
});
