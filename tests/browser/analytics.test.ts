import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build.ts";
import { describeBuildError } from "../../src/build/errors.ts";
import { startBrowserSession } from "../support/browser.ts";
import { createFixtureSite, type FixtureSite } from "../support/fixture-site.ts";
import { htmlFiles } from "../support/crawl.ts";
import { builtSite, readPage } from "../support/site.ts";

const matomoHost = "https://matomo.exemple.fr/";

/** A fixture site with its own copy of _data, where analytics.json says what the test needs. */
function siteWithAnalytics(settings: unknown): FixtureSite {
  const site = createFixtureSite();
  rmSync(path.join(site.root, "_data"));
  cpSync("_data", path.join(site.root, "_data"), { recursive: true });
  cpSync("budgets.json", path.join(site.root, "budgets.json"));
  writeFileSync(path.join(site.root, "_data", "analytics.json"), JSON.stringify(settings));
  site.write("index.md", "---\ntitle: Accueil\n---\nBonjour.\n");
  site.write("donnees-personnelles.md", readFileSync("content/donnees-personnelles.md", "utf8"));
  return site;
}

describe("audience measurement off (the default)", () => {
  it("puts no measurement script on any page and says so on the personal data page", () => {
    for (const file of htmlFiles(builtSite)) expect(readFileSync(file, "utf8"), file).not.toMatch(/matomo/i);
    expect(readPage("/donnees-personnelles/")).toContain("Ce site ne mesure pas son audience.");
  });

  it("fails the build naming the file and the field when it is turned on half-way", async () => {
    const site = siteWithAnalytics({ matomo: { enabled: true, url: matomoHost } });
    const message = await buildSite({ input: site.input, output: site.output }).then(
      () => "",
      (error: unknown) => describeBuildError(error),
    );
    expect(message).toContain("analytics.json");
    expect(message).toContain("« matomo.siteId »");
    expect(message).toContain("par exemple 42");
  });
});

describe("audience measurement on", () => {
  let session: Awaited<ReturnType<typeof startBrowserSession>>;

  beforeAll(async () => {
    const site = siteWithAnalytics({ matomo: { enabled: true, url: matomoHost, siteId: 7 } });
    await buildSite({ input: site.input, output: site.output });
    session = await startBrowserSession(site.output);
  });

  afterAll(async () => {
    await session?.close();
  });

  it("loads Matomo after the page, without cookies, and stops once the visitor refuses it", async () => {
    const context = await session.browser.newContext();
    const loads: string[] = [];
    await context.route(`${matomoHost}**`, (route) => {
      loads.push(route.request().url());
      // A stand-in for matomo.js that records the commands the page queued.
      return route.fulfill({ contentType: "text/javascript", body: "window.queuedForMatomo = JSON.stringify(window._paq);" });
    });
    const page = await context.newPage();
    await page.goto(`${session.url}/`, { waitUntil: "load" });
    await page.waitForFunction(() => "queuedForMatomo" in window);
    const queued = JSON.parse(await page.evaluate(() => (window as unknown as { queuedForMatomo: string }).queuedForMatomo)) as unknown[][];
    expect(queued).toEqual([["disableCookies"], ["setTrackerUrl", `${matomoHost}matomo.php`], ["setSiteId", "7"], ["trackPageView"], ["enableLinkTracking"]]);
    expect(loads).toEqual([`${matomoHost}matomo.js`]);
    expect(await context.cookies()).toEqual([]);

    await page.goto(`${session.url}/donnees-personnelles/`, { waitUntil: "load" });
    expect(await page.textContent("main")).toContain("matomo.exemple.fr");
    const refusal = page.getByLabel("Je refuse la mesure d'audience de ce site");
    // As a keyboard user would (DSFR draws the box on the label, over the input).
    await refusal.focus();
    await page.keyboard.press("Space");
    expect(await refusal.isChecked()).toBe(true);
    loads.length = 0;
    await page.goto(`${session.url}/`, { waitUntil: "networkidle" });
    expect(loads).toEqual([]);
    // The choice shows when the visitor comes back to it, and can be undone.
    await page.goto(`${session.url}/donnees-personnelles/`, { waitUntil: "load" });
    expect(await refusal.isChecked()).toBe(true);
    await context.close();
  });
});
