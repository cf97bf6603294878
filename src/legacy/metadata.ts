import { readFileSync } from "node:fs";
import path from "node:path";

interface Site {
  name: string;
  tagline: string;
  description: string;
  url: string;
  author: string;
}

/**
 * The live site's `metadata` global, made from the engine's own `_data/site.json` (one place for the site's name,
 * description and address); the keys the live content reads that the engine has no use for are set here.
 * Values the live site left undefined (data.gouv.fr links of the referential) stay undefined and print nothing.
 */
export function liveMetadata(dataDirectory: string): Record<string, unknown> {
  const site = JSON.parse(readFileSync(path.join(dataDirectory, "site.json"), "utf8")) as Site;
  return {
    title: site.name,
    description: site.description,
    language: "fr",
    // With its trailing slash, as content writes `{{ metadata.url }}actualites/`.
    url: `${site.url.replace(/\/$/, "")}/`,
    subtitle: site.tagline,
    service: site.tagline,
    author: { name: site.author, url: `${site.url.replace(/\/$/, "")}/a-propos/` },
    guideBonnesPratiques: { version: "v1", versionTitle: "1" },
    referentielEcoconception: { versionTitle: "2" },
  };
}
