import { existsSync, readFileSync } from "node:fs";
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
 * The owners' own values (the guides' document addresses and weights, data.gouv.fr links) go in an optional
 * `_data/metadata.json`, merged over these.
 */
export function liveMetadata(dataDirectory: string): Record<string, unknown> {
  const site = JSON.parse(readFileSync(path.join(dataDirectory, "site.json"), "utf8")) as Site;
  const ownersFile = path.join(dataDirectory, "metadata.json");
  const owners = existsSync(ownersFile) ? (JSON.parse(readFileSync(ownersFile, "utf8")) as Record<string, unknown>) : {};
  return mergeDeep(defaults(site), owners);
}

type Tree = Record<string, unknown>;
const isTree = (value: unknown): value is Tree => typeof value === "object" && value !== null && !Array.isArray(value);

function mergeDeep(base: Tree, over: Tree): Tree {
  const merged: Tree = { ...base };
  for (const [key, value] of Object.entries(over)) merged[key] = isTree(value) && isTree(base[key]) ? mergeDeep(base[key], value) : value;
  return merged;
}

function defaults(site: Site): Tree {
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
