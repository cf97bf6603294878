import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build.ts";
import { describeBuildError } from "../../src/build/errors.ts";
import { createFixtureSite } from "../support/fixture-site.ts";

const post = "---\ntitle: Une formation\ndate: 2025-01-10\ntags: [posts, Formation, Vidéo]\nseries: Ma série\n---\nTexte.\n";

/** The message of a build of these content files, which must fail. */
async function buildError(files: Record<string, string>): Promise<string> {
  const site = createFixtureSite();
  for (const [name, source] of Object.entries({ "actualites/une-formation.md": post, ...files })) site.write(name, source);
  try {
    await buildSite({ input: site.input, output: site.output, quiet: true });
  } catch (error) {
    return describeBuildError(error);
  }
  throw new Error("la construction aurait dû échouer");
}

/** The live site's own templates for pages the engine now generates (their shape, not their text). */
const livePagesTheEngineMakes: [string, string, string][] = [
  ["actualites/index.njk", "---\npagination:\n  data: collections.posts\n  size: 6\npermalink: \"/actualites/{% if pagination.pageNumber > 0 %}page-{{ pagination.pageNumber + 1 }}/{% endif %}\"\n---\nx", "/actualites/"],
  ["actualites/tags_index.njk", "---\npermalink: /actualites/tags/\n---\nx", "/actualites/tags/"],
  ["actualites/tags.njk", "---\npermalink: /actualites/tags/formation/\n---\nx", "/actualites/tags/formation/"],
  ["sitemap/sitemap.xml.njk", "---\npermalink: /sitemap.xml\nlayout: false\n---\n<urlset></urlset>", "/sitemap.xml"],
  ["feed/feed.njk", "---\npermalink: /feed/feed.xml\nlayout: false\n---\n<feed></feed>", "/feed/feed.xml"],
  ["feed/json.njk", "---\npermalink: /feed/feed.json\nlayout: false\n---\n{}", "/feed/feed.json"],
  ["calendar/calendar.njk", "---\npermalink: /calendar.ics\nlayout: false\n---\nBEGIN:VCALENDAR", "/calendar.ics"],
  ["ressources/documents-reference/referentiel-general-ecoconception/index.njk", "---\npermalink: /publications/referentiel-general-ecoconception/\n---\nx", "/publications/referentiel-general-ecoconception/"],
  [
    "ressources/documents-reference/referentiel-general-ecoconception/critere.njk",
    "---\npagination:\n  data: referentiel-ecoconception\n  size: 1\n  alias: critere\npermalink: \"/publications/referentiel-general-ecoconception/critere/{{ critere.numero | slug }}/\"\n---\n{{ critere.critere }}",
    "/publications/referentiel-general-ecoconception/critere/1.1/",
  ],
  [
    "ressources/videos/serie.njk",
    "---\npagination:\n  data: collections.parSeries\n  size: 1\n  alias: serie\npermalink: \"/ressources/videos/serie/{{ serie | slugify }}/\"\n---\n{{ serie }}",
    "/ressources/videos/serie/ma-serie/",
  ],
];

describe("a content template that writes a page the engine generates", () => {
  it.each(livePagesTheEngineMakes)("%s stops the build with one French message", async (file, source, url) => {
    const message = await buildError({ [file]: source });
    expect(message).toContain(`${file} écrit l'adresse ${url}, que le moteur produit désormais lui-même`);
    expect(message).toContain("Supprimez ce fichier du contenu");
    expect(message).not.toMatch(/Output conflict|undefined/);
  });

  it("says so when a page stands at an old address that now redirects", async () => {
    const message = await buildError({ "search-results.njk": "---\npermalink: /search-results/\ntitle: Résultats\n---\n{% js \"body\" %}x{% endjs %}" });
    expect(message).toContain("search-results.njk écrit l'adresse /search-results/, une ancienne adresse que le site redirige");
    expect(message).toContain("_data/redirects.json");
  });
});

describe("navigation and links that lead nowhere", () => {
  it("names the page whose navigation parent is no page's key, and the key it probably meant", async () => {
    const message = await buildError({
      "guide/index.md": "---\ntitle: Le guide\neleventyNavigation:\n  key: finUsage\n---\nx",
      "guide/chapitre.md": "---\ntitle: Un chapitre\neleventyNavigation:\n  key: chapitre\n  parent: finusage\n---\nx",
    });
    expect(message).toContain("guide/chapitre.md");
    expect(message).toContain("champ « eleventyNavigation.parent » : trouvé « finusage »");
    expect(message).toMatch(/« finUsage » \(.*guide\/index\.md\)/);
  });

  it("stops at a locale_url link to no page, naming the file and the address", async () => {
    const message = await buildError({ "carte.njk": "---\ntitle: Carte\n---\n<a href=\"{{ '/page-disparue/' | locale_url }}\">x</a>" });
    expect(message).toContain("« /page-disparue/ »");
    expect(message).toContain("carte.njk");
  });
});
