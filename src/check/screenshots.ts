// `npm run screenshots [-- --site=_site --out=.cache/screenshots /adresse/ …]`: every page type (budgets.json), or the
// addresses given, as PNG files at a phone's and a desktop's width, in the light and the dark theme, for a person to
// look at: a test that measures overflow does not see an empty grey box or an image over its neighbour.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { launchChromium } from "./browser.ts";
import { readBudgets } from "./budgets.ts";
import { serveSite } from "./staticServer.ts";

const args = process.argv.slice(2);
const option = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const site = path.resolve(option("site") ?? "_site");
const out = path.resolve(option("out") ?? ".cache/screenshots");
const given = args.filter((arg) => arg.startsWith("/"));
const urls = given.length ? given : Object.values(readBudgets()?.pages ?? {}).map((budget) => budget.url);
const widths = [375, 1280];
const themes = ["light", "dark"] as const;

/** "/publications/x/?q=a" → "publications-x-q-a". */
const fileName = (url: string) => url.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "accueil";

mkdirSync(out, { recursive: true });
const server = await serveSite(site);
const browser = await launchChromium();
try {
  for (const theme of themes) {
    for (const width of widths) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: theme });
      // The site's own choice, as the display settings store it: the same page in the other theme.
      await context.addInitScript((scheme) => localStorage.setItem("scheme", scheme), theme);
      const page = await context.newPage();
      for (const url of urls) {
        await page.goto(`${server.url}${url}`, { waitUntil: "networkidle" });
        const file = path.join(out, `${fileName(url)}-${width}-${theme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(path.relative(process.cwd(), file));
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
