import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import type { Problem } from "./types.ts";

/**
 * html-validate with the project's .htmlvalidate.mjs (rules fit for DSFR markup), one page at a time:
 * the checks read the site page by page so that a large site never sits in memory whole.
 */
export function htmlChecker(): (page: { url: string; source?: string; html: string }) => Promise<Problem[]> {
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  return async (page) => {
    // The name must sit inside the project for the project's configuration to apply.
    const report = await validator.validateString(page.html, "_site/page.html");
    return report.results.flatMap((result) =>
      result.messages.map((message): Problem => ({
        severity: message.severity === 2 ? "erreur" : "avertissement",
        check: "html",
        url: page.url,
        source: page.source,
        message: `${message.message} (règle ${message.ruleId}, ligne ${message.line} du HTML produit)`,
      })),
    );
  };
}
