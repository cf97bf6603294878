import { serveSite } from "./src/check/staticServer.ts";
import { launchChromium } from "./src/check/browser.ts";
const server = await serveSite("_site");
const browser = await launchChromium();
const url = process.argv[2]!;
for (const [width, colorScheme] of [[375, "light"], [1280, "dark"]] as const) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
  const page = await context.newPage();
  await page.goto(`${server.url}${url}`);
  await page.screenshot({ path: `/tmp/p-${width}-${colorScheme}.png`, fullPage: true });
  await context.close();
}
await browser.close(); await server.close();
