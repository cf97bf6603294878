import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { buildSite } from "../../src/build/build.ts";
import { startLocalBackend, type LocalBackend } from "../../src/admin/localBackend.ts";
import { serveSite } from "../../src/check/staticServer.ts";
import { parseFrontMatterYaml } from "../../src/content/yaml.ts";
import { launchChromium } from "../support/browser.ts";
import { createFixtureSite, type FixtureSite } from "../support/fixture-site.ts";

/**
 * The web editor for real: the project's content in a throwaway working copy, decap-server's local backend
 * writing into it, the built site served on 127.0.0.1, and an editor using /admin/ in Chromium.
 */
let site: FixtureSite;
let backend: LocalBackend;
let server: { url: string; close: () => Promise<void> };
let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  site = createFixtureSite();
  cpSync("content", site.input, { recursive: true });
  backend = await startLocalBackend({ repository: site.root, port: 0 });
  process.env.CMS_LOCAL_PORT = new URL(backend.url).port;
  await buildSite({ input: site.input, output: site.output, quiet: true });
  server = await serveSite(site.output);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  delete process.env.CMS_LOCAL_PORT;
  await browser?.close();
  await server?.close();
  await backend?.close();
});

/** /admin/ signed in to the local backend, at `route` (the editor's own #/ address). */
async function openEditor(route: string, { watchErrors = true } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  if (watchErrors) page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    if (watchErrors && message.type() === "error") pageErrors.push(message.text());
  });
  await page.goto(`${server.url}/admin/`);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.getByText("Actualités").first().waitFor();
  await page.goto(`${server.url}/admin/#${route}`);
  await page.reload();
  return page;
}

async function publish(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Publier" }).first().click();
  await page.getByText("Publier maintenant").click();
  await page.getByText("Publiée").first().waitFor();
}

function contentFile(relative: string): string {
  return readFileSync(path.join(site.input, relative), "utf8");
}

describe("the web editor at /admin/", () => {
  it("creates a news post with its thumbnail: the file and the image land beside each other, the site builds and shows it", async () => {
    const page = await openEditor("/collections/post/new");
    await page.getByLabel("Titre", { exact: true }).fill("Une actualité écrite dans l'éditeur");
    await page.getByLabel(/^Date/).fill("2026-03-16");
    await page.getByRole("button", { name: "Choisir une image" }).click();
    await page.locator('input[type="file"]').setInputFiles("tests/fixtures/admin/vignette.png");
    await page.getByRole("button", { name: "Choisir les éléments sélectionnés" }).click();
    await page.getByLabel("Texte alternatif").fill("Couverture d'un plan d'action");
    await page.getByLabel(/^Étiquettes/).fill("Formation");
    await page.keyboard.press("Enter");
    // The preview shows the page in the site's own style, with the date as the site writes it.
    const preview = page.frameLocator("iframe").first();
    await expect.poll(() => preview.locator("h1").textContent()).toBe("Une actualité écrite dans l'éditeur");
    expect(await preview.getByText("Publié le 16 mars 2026").count()).toBe(1);
    await publish(page);
    await page.close();

    const file = "actualites/2026/une-actualite-ecrite-dans-lediteur.md";
    await expect.poll(() => existsSync(path.join(site.input, file))).toBe(true);
    const source = contentFile(file);
    expect(source).toBe(
      [
        "---",
        "title: Une actualité écrite dans l'éditeur",
        "description: Une phrase qui résume l'actualité.",
        "date: 2026-03-16",
        "image:",
        "  path: ./vignette.png",
        "  alt: Couverture d'un plan d'action",
        "tags:",
        "  - MiNumEco",
        "  - Formation",
        "---",
        "",
        "Écrivez ici le texte de l'actualité.",
        "",
      ].join("\n"),
    );
    expect(parseFrontMatterYaml(source.split("---\n")[1]!, { filePath: file })).toMatchObject({ date: new Date("2026-03-16T00:00:00Z") });
    expect(readFileSync(path.join(site.input, "actualites/2026/vignette.png"))).toEqual(readFileSync("tests/fixtures/admin/vignette.png"));

    await buildSite({ input: site.input, output: site.output, quiet: true });
    const html = readFileSync(path.join(site.output, "actualites/une-actualite-ecrite-dans-lediteur/index.html"), "utf8");
    expect(html).toContain("<h1");
    expect(html).toContain("Une actualité écrite dans l&#39;éditeur");
    // Its card on the news list, with the thumbnail and its text alternative.
    const list = readFileSync(path.join(site.output, "actualites/index.html"), "utf8");
    expect(list).toContain('href="/actualites/une-actualite-ecrite-dans-lediteur/"');
    expect(list).toMatch(/<img[^>]+alt="Couverture d&#39;un plan d&#39;action"/);
  }, 120_000);

  it("changes one field of an existing post, and only that line of its file", async () => {
    const file = "actualites/videos/parolesdexperts-episode12-jeremievallet.md";
    const before = contentFile(file);
    const page = await openEditor("/collections/video/entries/parolesdexperts-episode12-jeremievallet");
    const title = page.getByLabel("Titre", { exact: true });
    await expect.poll(() => title.inputValue()).toBe("Épisode #12 : Animation interministérielle du Numérique responsable");
    // Its shortcodes show in the preview as the blocks they make, not as tags.
    const preview = page.frameLocator("iframe").first();
    await expect.poll(() => preview.locator(".fr-callout__title").first().textContent()).toBe("Vidéo Dailymotion");
    expect(await preview.getByText("Transcription : Jérémie Vallet").count()).toBe(1);
    expect(await preview.locator("body").innerText()).not.toContain("{%");
    await title.fill("Épisode #12 : un titre corrigé");
    await publish(page);
    await page.close();
    await expect.poll(() => contentFile(file)).not.toBe(before);
    expect(contentFile(file)).toBe(before.replace("Animation interministérielle du Numérique responsable", "un titre corrigé"));
  }, 60_000);

  it("refuses, on the field and before saving, a page the build would refuse (no title)", async () => {
    const folder = path.join(site.input, "actualites/evenements");
    const { readdirSync } = await import("node:fs");
    const before = readdirSync(folder);
    // Decap rejects the refused save with a bare value, which the page reports as an error: not watched here.
    const page = await openEditor("/collections/event/new", { watchErrors: false });
    await page.getByLabel(/^Date \(/).fill("2026-05-12");
    await page.getByRole("button", { name: "Publier" }).first().click();
    await page.getByText("Publier maintenant").click();
    await expect.poll(() => page.getByText(/Titre.{0,20}requis/i).count()).toBeGreaterThan(0);
    expect(readdirSync(folder)).toEqual(before);
    await page.close();
  }, 60_000);

  it("refuses to save a page the build would refuse, with the build's own message, and leaves its file as it was", async () => {
    // Written after the site was built (it would not build): an editor opens it to mend it.
    const file = "actualites/conseils/en-tete-casse.md";
    const broken = "---\ntitle: Épisode 12 : le titre\ndate: 2026-03-16\n---\nLe texte.\n";
    writeFileSync(path.join(site.input, file), broken);
    const page = await openEditor("/collections/post/entries/conseils/en-tete-casse", { watchErrors: false });
    // The front matter the build refuses opens as the text of the page (src/admin/contentFile.ts).
    const text = page.locator('[role="textbox"][contenteditable="true"]').last();
    await expect.poll(() => text.textContent()).toContain("title: Épisode 12 : le titre");
    // The form's own check wants a title; the build's check, before saving, sees the text still broken.
    await page.getByLabel("Titre", { exact: true }).fill("Épisode 12 : le titre");
    await text.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" Une phrase ajoutée.");
    await page.getByRole("button", { name: "Publier" }).first().click();
    await page.getByText("Publier maintenant").click();
    await page.getByText(/mettez-la entre guillemets/).first().waitFor();
    const notice = await page.getByText(/mettez-la entre guillemets/).first().textContent();
    expect(notice).toMatch(/Erreur dans content\/actualites\/conseils\/en-tete-casse\.md :\s+- champ « front matter \(YAML\) » : trouvé ligne 2/);
    expect(notice).not.toContain("Error:");
    // The text stays in Markdown mode, as written (the rich-text mode would rewrite it).
    expect(await text.textContent()).toContain("---");
    expect(contentFile(file)).toBe(broken);
    await page.close();
  }, 60_000);

  it("runs without a script error", () => {
    expect(pageErrors).toEqual([]);
  });
});
