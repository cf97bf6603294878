import type { Browser } from "playwright-core";
import { launchChromium } from "../../src/check/browser.ts";

// Failing, not skipping, when Chromium is missing: a browser suite that silently does not run would pass for nothing.
export { launchChromium };

/** The built site on 127.0.0.1 and a Chromium to visit it, for one test file. */
export async function startBrowserSession(root: string): Promise<{ browser: Browser; url: string; close: () => Promise<void> }> {
  const { serveSite } = await import("../../src/check/staticServer.ts");
  const site = await serveSite(root);
  const browser = await launchChromium();
  return {
    browser,
    url: site.url,
    close: async () => {
      await browser.close();
      await site.close();
    },
  };
}
