import { cpSync, readFileSync } from "node:fs";
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import type { Browser, Page } from "playwright-core";
import { buildSite } from "../../src/build/build.ts";
import { fileForUrl } from "../../src/check/links.ts";
import { serveSite } from "../../src/check/staticServer.ts";
import { launchChromium } from "../support/browser.ts";
import { htmlFiles } from "../support/crawl.ts";
import { createFixtureSite, type FixtureSite } from "../support/fixture-site.ts";

/**
 * The project's site built with PATH_PREFIX, as a pull request's preview is, then served from that sub-folder
 * of a host, as GitHub Pages serves a project or a preview host does (and as `npm run preview` does).
 */
const prefix = "/apercu/pr-42/";
let site: FixtureSite;
let server: { url: string; close: () => Promise<void> };
let browser: Browser;

beforeAll(async () => {
  site = createFixtureSite();
  cpSync("content", site.input, { recursive: true });
  process.env.PATH_PREFIX = prefix;
  try {
    await buildSite({ input: site.input, output: site.output, quiet: true });
  } finally {
    delete process.env.PATH_PREFIX;
  }
  server = await serveSite(site.output, { prefix });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every address of the site a page holds: attributes, srcset candidates, and the redirects' script and refresh. */
function addressesOf(html: string): string[] {
  const { document } = parseHTML(html);
  const addresses: string[] = [];
  for (const element of document.querySelectorAll("*")) {
    for (const { name, value } of element.attributes) {
      if (name === "srcset" || name === "imagesrcset") addresses.push(...value.split(",").map((candidate) => candidate.trim().split(/\s+/)[0]!));
      else if (value.startsWith("/")) addresses.push(value);
    }
  }
  for (const [, target] of html.matchAll(/location\.replace\("([^"]+)"/g)) addresses.push(target!);
  for (const [, target] of html.matchAll(/content="0; url=([^"]+)"/g)) addresses.push(target!);
  return addresses.filter((address) => address.startsWith("/") && !address.startsWith("//"));
}

describe("a build under a path prefix (pull-request previews)", () => {
  it("holds no address outside the prefix, and each one leads to a file of the build", () => {
    const outside: string[] = [];
    const missing: string[] = [];
    const files = [...htmlFiles(site.output), path.join(site.output, "admin/index.html")];
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const page = path.relative(site.output, file);
      for (const address of addressesOf(readFileSync(file, "utf8"))) {
        if (!address.startsWith(prefix)) outside.push(`${page} → ${address}`);
        else if (!fileForUrl(site.output, `/${address.slice(prefix.length)}`)) missing.push(`${page} → ${address}`);
      }
    }
    expect(outside).toEqual([]);
    expect(missing).toEqual([]);
  });

  it("serves its pages from the sub-folder with the site's styles, links, images and search", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page: Page = await context.newPage();
    const failed: string[] = [];
    page.on("response", (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    // Requests cut short by the next navigation (the favicon, often) are not failures.
    page.on("requestfailed", (request) => {
      if (request.failure()?.errorText !== "net::ERR_ABORTED") failed.push(`échec ${request.url()} ${request.failure()?.errorText}`);
    });
    page.on("pageerror", (error) => failed.push(`erreur ${error.message}`));
    await page.goto(`${server.url}${prefix}`);
    // The stylesheet and its fonts load: DSFR's Marianne is the body's font.
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain("Marianne");
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => [...document.fonts].some((font) => font.family.includes("Marianne") && font.status === "loaded"))).toBe(true);
    // A link of the header leads to a page of the preview.
    await page.locator("header").getByRole("link", { name: "Actualités" }).first().click();
    await page.waitForURL(`${server.url}${prefix}actualites/`);
    // The team's photos (public/img/, resized by the build) load from the preview.
    await page.goto(`${server.url}${prefix}a-propos/`);
    const photos = page.locator("main img");
    expect(await photos.count()).toBeGreaterThan(0);
    for (const photo of await photos.all()) {
      await photo.scrollIntoViewIfNeeded();
      await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
      expect(await photo.evaluate((img: HTMLImageElement) => img.currentSrc)).toContain(prefix);
    }
    // The search form, the index and the results stay inside the preview.
    const box = page.locator("#champ-recherche");
    await box.fill("Vallet");
    await box.press("Enter");
    await page.waitForURL(`${server.url}${prefix}recherche/?q=Vallet`);
    await page.waitForFunction(() => /résultat/.test(document.querySelector("#resultats-statut")?.textContent ?? ""));
    const result = page.locator(".search-results .fr-card__title a").first();
    expect(await result.getAttribute("href")).toMatch(new RegExp(`^${prefix}actualites/`));
    await result.click();
    await page.waitForURL(new RegExp(`^${server.url}${prefix}actualites/.+/$`));
    expect(await page.locator("h1").count()).toBe(1);
    expect(failed).toEqual([]);
    await context.close();
  }, 60_000);

  it("is served at its sub-folder by npm run preview, which finds the prefix in the build itself", async () => {
    const preview = spawn(process.execPath, ["src/build/preview.ts", site.output, "--port=0"], { stdio: ["ignore", "pipe", "inherit"] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        preview.stdout.on("data", (chunk: Buffer) => {
          const found = /(http:\/\/127\.0\.0\.1:\d+\S*)/.exec(chunk.toString());
          if (found) resolve(found[1]!);
        });
        preview.on("exit", (code) => reject(new Error(`npm run preview s'est arrêté (${code})`)));
      });
      expect(url).toMatch(new RegExp(`${prefix}$`));
      const home = await fetch(url);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain(`href="${prefix}actualites/"`);
      expect((await fetch(url.replace(prefix, "/"))).status).toBe(404);
    } finally {
      preview.kill();
    }
  });

  it("leaves a build without prefix as it was: every address from the domain root", () => {
    const html = readFileSync(".cache/test-site/index.html", "utf8");
    expect(addressesOf(html).length).toBeGreaterThan(10);
    expect(addressesOf(html).filter((address) => address.startsWith("/apercu/"))).toEqual([]);
  });
});
