import { cpSync } from "node:fs";
import path from "node:path";
import { buildSite } from "../../src/build/build.ts";
import { createFixtureSite, type FixtureSite } from "./fixture-site.ts";

/** Content written in the live site's shapes (its layouts, front matter, folder data, includes), not its text. */
export const liveSiteFixture = path.resolve("tests/fixtures/live-site");

/**
 * The live-shaped content folder dropped in place of the project's content, as the owners would do, with its
 * `public/` files beside the project's. `files` adds or replaces content files for one test.
 */
export async function buildLiveShapedSite(files: Record<string, string> = {}): Promise<FixtureSite> {
  const site = createFixtureSite();
  cpSync(path.join(liveSiteFixture, "content"), site.input, { recursive: true });
  for (const [name, source] of Object.entries(files)) site.write(name, source);
  await buildSite({
    input: site.input,
    output: site.output,
    quiet: true,
    extraConfig: (eleventyConfig) => eleventyConfig.addPassthroughCopy({ [path.join(liveSiteFixture, "public")]: "/" }),
  });
  return site;
}
