import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface FixtureSite {
  root: string;
  input: string;
  output: string;
  /** Writes a content file, creating its folders. */
  write(file: string, source: string): void;
}

/**
 * A throwaway site using the project's layouts and data. It lives under .cache/ inside the project
 * because Eleventy finds folder data files by globbing relative to the working directory.
 */
export function createFixtureSite(): FixtureSite {
  mkdirSync(".cache/fixtures", { recursive: true });
  const root = mkdtempSync(path.resolve(".cache/fixtures/site-"));
  const input = path.join(root, "content");
  mkdirSync(input);
  symlinkSync(path.resolve("_includes"), path.join(root, "_includes"));
  symlinkSync(path.resolve("_data"), path.join(root, "_data"));
  return {
    root,
    input,
    output: path.join(root, "_site"),
    write(file, source) {
      mkdirSync(path.dirname(path.join(input, file)), { recursive: true });
      writeFileSync(path.join(input, file), source);
    },
  };
}
