import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Debian's Chromium here and in CI; GitHub's runners point CHROMIUM_PATH at their preinstalled Chrome. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    // Failing, not skipping: a browser suite that silently does not run would pass for nothing.
    throw new Error(`Chromium est introuvable (${chromiumPath}) : installez-le avec « apt-get install chromium ».`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

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
