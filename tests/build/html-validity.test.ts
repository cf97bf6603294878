import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { builtSite } from "../support/site.ts";
import { htmlFiles } from "../support/crawl.ts";

const validator = new HtmlValidate(new FileSystemConfigLoader());

describe("valid HTML on every page", () => {
  // The web editor's page too: htmlFiles lists the site's pages only.
  it.each([...htmlFiles(builtSite), path.join(builtSite, "admin/index.html")].map((file) => [path.relative(builtSite, file), file]))("%s", async (_name, file) => {
    // The file name must sit in the project so that .htmlvalidate.mjs applies.
    const report = await validator.validateString(readFileSync(file, "utf8"), "_site/page.html");
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} l.${m.line}: ${m.message}`));
    expect(messages).toEqual([]);
  });
});
