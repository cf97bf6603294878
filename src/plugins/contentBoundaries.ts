import path from "node:path";
import type { EleventyConfig } from "../eleventy-types.ts";
import { FrontMatterError } from "../content/errors.ts";
import { refuseCodeAccessInTemplates } from "../patches/nunjucksMemberLookup.ts";

/**
 * A permalink such as `../x.html` makes Eleventy write beside the output folder: a file of the project, or
 * anything else the build can reach, replaced by page HTML. Every address must stay inside the output folder;
 * checked once the addresses are known and before any page is written.
 */
export function escapesOutput(url: string): boolean {
  // Joined under a folder, not the root: at the root, ".." would stay at the root.
  const written = path.posix.join("/output", url.replace(/\\/g, "/"));
  return written !== "/output" && !written.startsWith("/output/");
}

/** What content may reach (docs/security.md): files inside the output folder only, and no JavaScript of the build. */
export default function contentBoundariesPlugin(eleventyConfig: EleventyConfig): void {
  refuseCodeAccessInTemplates();
  eleventyConfig.on("eleventy.contentMap", ({ inputPathToUrl }: { inputPathToUrl: Record<string, unknown[]> }) => {
    for (const [inputPath, urls] of Object.entries(inputPathToUrl)) {
      const escaping = urls.find((url): url is string => typeof url === "string" && escapesOutput(url));
      if (!escaping) continue;
      throw new FrontMatterError(inputPath, {
        field: "permalink",
        found: `« ${escaping} », une adresse qui sort du dossier du site`,
        expected: "une adresse à partir de la racine du site, sans « .. » (par exemple /publications/mon-guide/)",
      });
    }
  });
}
