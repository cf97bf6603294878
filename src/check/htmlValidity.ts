import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import type { Problem } from "./types.ts";

/** html-validate with the project's .htmlvalidate.mjs (rules fit for DSFR markup). */
export async function checkHtml(pages: { url: string; source?: string; html: string }[]): Promise<Problem[]> {
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const problems: Problem[] = [];
  for (const page of pages) {
    // The name must sit inside the project for the project's configuration to apply.
    const report = await validator.validateString(page.html, "_site/page.html");
    for (const result of report.results) {
      for (const message of result.messages) {
        problems.push({
          severity: message.severity === 2 ? "erreur" : "avertissement",
          check: "html",
          url: page.url,
          source: page.source,
          message: `${message.message} (règle ${message.ruleId}, ligne ${message.line} du HTML produit)`,
        });
      }
    }
  }
  return problems;
}
