import { describe, expect, it } from "vitest";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { readPage, seedPages } from "../support/site.ts";

const validator = new HtmlValidate(new FileSystemConfigLoader());

describe("valid HTML", () => {
  it.each([["home", "/"], ...Object.entries(seedPages), ["404", "/404.html"]])("%s", async (_name, url) => {
    // The file name must sit in the project so that .htmlvalidate.json applies.
    const report = await validator.validateString(readPage(url), "_site/page.html");
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} l.${m.line}: ${m.message}`));
    expect(messages).toEqual([]);
  });
});
