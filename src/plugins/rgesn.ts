import { readFileSync } from "node:fs";
import path from "node:path";
import type { EleventyConfig } from "../eleventy-types.ts";
import { generatedTemplate } from "./generatedTemplate.ts";
import { dateGeneratedPagesBy } from "./sitemap.ts";
import {
  humanSize,
  loadReferential,
  referentialCsv,
  referentialJson,
  referentialUrl,
  type Criterion,
  type Referential,
  type Theme,
} from "../content/rgesn.ts";

/** Where the referential's data sits; the full 2024 edition can be dropped in place of the sample, or pointed to. */
export function referentialSources(env = process.env): { criteria: string; themes: string } {
  return {
    criteria: env.RGESN_CRITERIA ?? "data/rgesn/criteres.json",
    themes: env.RGESN_THEMES ?? "data/rgesn/thematiques.json",
  };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(path.resolve(file), "utf8"));
  } catch (error) {
    throw new Error(`Référentiel : impossible de lire ${file} (${(error as Error).message}).`);
  }
}

/**
 * The eco-design referential (RGESN) as pages: an index with filters, one page per criterion, CSV and JSON exports.
 * The data is read and validated once per build.
 */
export default function rgesnPlugin(eleventyConfig: EleventyConfig): void {
  const sources = referentialSources();
  eleventyConfig.addWatchTarget(path.dirname(sources.criteria));
  for (const template of ["generated/rgesn-index.njk", "generated/rgesn-theme.njk", "generated/rgesn-criterion.njk"]) dateGeneratedPagesBy(eleventyConfig, template, sources.criteria);
  // Read once per build, for both names the templates know it by.
  let current: ReturnType<typeof readReferential> | undefined;
  eleventyConfig.on("eleventy.before", () => {
    current = undefined;
  });
  const readReferential = () => {
    const referential = loadReferential(readJson(sources.criteria), readJson(sources.themes), sources);
    const csv = referentialCsv(referential.criteria);
    const json = referentialJson(referential.criteria);
    return {
      ...referential,
      exports: {
        csv: { content: csv, url: `${referentialUrl}rgesn.csv`, size: humanSize(Buffer.byteLength(csv)) },
        json: { content: json, url: `${referentialUrl}rgesn.json`, size: humanSize(Buffer.byteLength(json)) },
      },
    };
  };
  eleventyConfig.addGlobalData("rgesn", () => (current ??= readReferential()));
  // The live site's name for the criteria: its content paginates over it (src/legacy/README.md).
  eleventyConfig.addGlobalData("referentiel-ecoconception", () => (current ??= readReferential()).criteria);
  // Side menu: the themes (anchors of the index), then the publication's own pages (about, change log…).
  eleventyConfig.addFilter(
    "referentialMenu",
    (referential: Referential, subpages: { title: string; url: string }[], currentUrl: string, criterion?: Criterion, openTheme?: Theme) => [
      ...referential.themes.map((theme) => ({
        title: `${theme.name} (${theme.criteria.length})`,
        url: `${referential.url}#${theme.slug}`,
        current: false,
        active: (criterion?.themeSlug ?? openTheme?.slug) === theme.slug,
        children: [],
      })),
      ...subpages.map(({ title, url }) => ({ title, url, current: url === currentUrl, active: url === currentUrl, children: [] })),
    ],
  );
  // Priority at a glance, by colour and by word (the word carries the meaning).
  eleventyConfig.addFilter("priorityBadgeClass", (priority: string) =>
    ({ Prioritaire: "fr-badge--pink-tuile", Recommandé: "fr-badge--yellow-tournesol", Modéré: "fr-badge--green-menthe" })[priority] ?? "",
  );
  eleventyConfig.addFilter("criterionNeighbours", (criteria: Criterion[], numero: string) => {
    const index = criteria.findIndex((c) => c.numero === numero);
    const link = (c: Criterion | undefined) => (c ? { title: `${c.numero} ${c.critere}`, url: c.url } : undefined);
    return { previous: link(criteria[index - 1]), next: link(criteria[index + 1]) };
  });

  eleventyConfig.addTemplate("generated/rgesn-index.njk", generatedTemplate("rgesn-index"), {
    layout: "layouts/referentiel-ecoconception.njk",
    permalink: referentialUrl,
    type: "publication",
    focus: true,
    // What the publications' cards show (they read the page's data before it is computed); the page says the counts.
    description: "Les critères du référentiel, par thématique, pour concevoir des services numériques plus sobres.",
    eleventyComputed: {
      title: ({ rgesn }: { rgesn: { title: string } }) => rgesn.title,
      description: ({ rgesn }: { rgesn: { criteria: unknown[]; themes: unknown[] } }) =>
        `Les ${rgesn.criteria.length} critères du référentiel, en ${rgesn.themes.length} thématiques, pour concevoir des services numériques plus sobres.`,
    },
    eleventyNavigation: { key: "rgesn", parent: "publications", title: "Référentiel général d'écoconception (RGESN)", order: 5 },
  });
  eleventyConfig.addTemplate("generated/rgesn-theme.njk", generatedTemplate("rgesn-theme"), {
    layout: "layouts/referentiel-ecoconception.njk",
    pagination: { data: "rgesn.themes", size: 1, alias: "rgesnTheme" },
    permalink: ({ rgesnTheme: thematique }: { rgesnTheme: Theme }) => thematique.url,
    eleventyComputed: {
      title: ({ rgesnTheme: thematique }: { rgesnTheme: Theme }) => `Thématique ${thematique.name}`,
      description: ({ rgesnTheme: thematique }: { rgesnTheme: Theme }) => `Les ${thematique.criteria.length} critères de la thématique « ${thematique.name} » du référentiel d'écoconception.`,
    },
  });
  eleventyConfig.addTemplate("generated/rgesn-criterion.njk", generatedTemplate("rgesn-criterion"), {
    layout: "layouts/referentiel-ecoconception.njk",
    pagination: { data: "rgesn.criteria", size: 1, alias: "critere" },
    permalink: "{{ critere.url }}",
    eleventyComputed: {
      title: ({ critere }: { critere: Criterion }) => `Critère ${critere.numero} : ${critere.critere}`,
      description: ({ critere }: { critere: Criterion }) => `${critere.thematique} – priorité ${critere.priorite.toLowerCase()}, difficulté ${critere.difficulte.toLowerCase()}.`,
    },
  });
  const download = { layout: false, eleventyExcludeFromCollections: true };
  eleventyConfig.addTemplate("generated/rgesn-csv.njk", "{{ rgesn.exports.csv.content | safe }}", { ...download, permalink: `${referentialUrl}rgesn.csv` });
  eleventyConfig.addTemplate("generated/rgesn-json.njk", "{{ rgesn.exports.json.content | safe }}", { ...download, permalink: `${referentialUrl}rgesn.json` });
}
