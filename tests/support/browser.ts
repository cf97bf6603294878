import { afterAll, beforeAll } from "vitest";
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

/**
 * The session for the whole test file: started before its tests, closed after them. Read `browser` and `url`
 * inside the tests (they exist once the file's beforeAll has run).
 */
export function browserSessionForFile(root: string): { readonly browser: Browser; readonly url: string } {
  let session: Awaited<ReturnType<typeof startBrowserSession>> | undefined;
  beforeAll(async () => {
    session = await startBrowserSession(root);
  });
  afterAll(async () => {
    await session?.close();
  });
  return {
    get browser() {
      return session!.browser;
    },
    get url() {
      return session!.url;
    },
  };
}
