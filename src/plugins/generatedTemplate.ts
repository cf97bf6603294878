import { readFileSync } from "node:fs";
import path from "node:path";

/** The body of a page generated from code, kept as a Nunjucks file in _includes/generated/. */
export function generatedTemplate(name: string): string {
  return readFileSync(path.resolve("_includes/generated", `${name}.njk`), "utf8");
}
