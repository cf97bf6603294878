import { existsSync } from "node:fs";
import { AxeBuilder } from "@axe-core/playwright";
import { chromiumPath, launchChromium } from "./browser.ts";
import type { Problem } from "./types.ts";

/** axe-core (WCAG 2.1 A and AA) in headless Chromium on the given pages of a site served at `baseUrl`. */
export async function checkAccessibility(baseUrl: string, pages: { url: string; source?: string }[]): Promise<Problem[]> {
  if (!existsSync(chromiumPath)) {
    return [{ severity: "erreur", check: "accessibilité", url: "/", message: `Chromium est introuvable (${chromiumPath}) : l'accessibilité n'a pas pu être vérifiée. Installez-le (apt-get install chromium).` }];
  }
  const browser = await launchChromium();
  const problems: Problem[] = [];
  try {
    for (const page of pages) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.goto(`${baseUrl}${page.url}`, { waitUntil: "load" });
      const results = await new AxeBuilder({ page: tab }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      for (const violation of results.violations) {
        problems.push({
          severity: "erreur",
          check: "accessibilité",
          url: page.url,
          source: page.source,
          message: `${violation.help} (${violation.id}) : ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}. Voir ${violation.helpUrl}`,
        });
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return problems;
}
