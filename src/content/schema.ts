import { z } from "zod";
import { layoutNames } from "./layouts.ts";
import { slugify } from "./slug.ts";
import { FrontMatterError, type FrontMatterProblem } from "./errors.ts";

const text = z.string().trim().min(1);

const imageMap = z.object({
  path: text,
  alt: z.string().optional(),
});

const navigation = z.looseObject({
  key: text.optional(),
  parent: text.optional(),
  title: text.optional(),
  order: z.number().optional(),
  image: text.optional(),
});

/**
 * The front matter editors write. Keys not listed here are Eleventy's own or older ones:
 * they pass through untouched so that existing content builds unchanged.
 */
/** A tag names its page (/actualites/tags/<slug>/): one with no letter or digit would have no address of its own. */
const tagText = z.string().refine((tag) => slugify(tag) !== "", {
  message: "une étiquette qui contient au moins une lettre ou un chiffre : son adresse en est faite (/actualites/tags/<étiquette>/) ; un emoji ou du HTML seul n'en donne pas",
});

export const frontMatterSchema = z.looseObject({
  title: text,
  description: z.string().optional(),
  date: z.date().optional(),
  // false (or null): no layout, as Eleventy reads it (feeds, calendars written as content).
  layout: z.union([z.enum(layoutNames as [string, ...string[]]), z.literal(false), z.null()]).optional(),
  tags: z.union([tagText, z.array(tagText)]).optional(),
  series: text.optional(),
  image: z.union([text, imageMap]).optional(),
  eleventyNavigation: navigation.optional(),
  eleventyExcludeFromCollections: z.union([z.boolean(), z.array(z.string())]).optional(),
  showBreadcrumb: z.boolean().optional(),
  focus: z.boolean().optional(),
  draft: z.boolean().optional(),
  type: z.string().optional(),
  category: z.string().optional(),
  // A function when folder data computes it (the live site's news folder does).
  permalink: z
    .union([z.string(), z.literal(false), z.record(z.string(), z.string()), z.custom<(data: unknown) => unknown>((v) => typeof v === "function")])
    .optional(),
  extrajs: z.string().optional(),
  endDate: z.date().optional(),
  location: text.optional(),
  listTag: text.optional(),
  groupBy: z.enum(["series", "year", "events"]).optional(),
  search: z.boolean().optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

/** What each field should look like, in the words an editor understands (the web editor shows them as hints). */
export const expectations: Record<string, string> = {
  title: 'un titre non vide, par exemple title: "Mon titre"',
  description: "une phrase de présentation (texte)",
  date: "une date au format AAAA-MM-JJ, par exemple date: 2026-03-16",
  layout: `l'un des gabarits connus : ${layoutNames.join(", ")}`,
  tags: "une étiquette ou une liste d'étiquettes (texte)",
  series: "le nom de la série (texte)",
  image: 'un chemin (/img/x.png) ou une carte { path: ./vignette.svg, alt: "description" }',
  "image.path": "le chemin de l'image, relatif au fichier Markdown (./vignette.svg) ou absolu (/img/x.png)",
  "image.alt": 'un texte alternatif (alt: "" si l\'image est décorative)',
  eleventyNavigation: "une carte { key, parent, title, order }",
  "eleventyNavigation.order": "un nombre, par exemple order: 10",
  eleventyExcludeFromCollections: "true ou false",
  showBreadcrumb: "true ou false",
  focus: "true ou false",
  draft: "true ou false",
  endDate: "la date de fin de l'événement au format AAAA-MM-JJ",
  location: "le lieu de l'événement (texte)",
  search: "false pour garder la page hors de la recherche",
  listTag: "l'étiquette des actualités à lister sur la page, par exemple listTag: Vidéo",
  groupBy: "series (par série), year (par année) ou events (à venir et passés)",
};

/** Edits (insertions, deletions, substitutions) from one text to the other. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** The known layout a misspelt one most likely meant (`layout/post.njk`, `layouts/posts.njk`, `post`), if one is close. */
export function nearestLayout(written: string): string | undefined {
  const wanted = written.trim().toLowerCase();
  const candidates = layoutNames.map((name) => {
    const bare = name.replace(/^layouts\//, "").replace(/\.njk$/, "");
    return { name, distance: Math.min(editDistance(wanted, name.toLowerCase()), editDistance(wanted.replace(/^layouts?\//, "").replace(/\.njk$/, ""), bare)) };
  });
  const best = candidates.sort((x, y) => x.distance - y.distance)[0];
  return best && best.distance <= 3 ? best.name : undefined;
}

function describe(value: unknown): string {
  if (value === undefined) return "rien (champ absent)";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "une date invalide" : value.toISOString().slice(0, 10);
  // What YAML would have read as a date, had the day existed (2025-02-30, 2024-13-45: src/content/yaml.ts).
  if (typeof value === "string" && /^\d{4}-\d\d?-\d\d?([Tt ]|$)/.test(value.trim())) return `« ${value} », un jour (ou une heure) qui n'existe pas`;
  if (typeof value === "string") return `« ${value} »`;
  if (typeof value === "function") return "une fonction";
  return JSON.stringify(value) ?? String(value);
}

function valueAt(data: Record<string, unknown>, path: PropertyKey[]): unknown {
  let value: unknown = data;
  for (const key of path) {
    value = value && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return value;
}

/**
 * The front matter block on its own, checked as soon as it is parsed, before Eleventy reads `date` or `layout`
 * (its own messages for those do not say what to write). `title` may still come from folder data.
 */
const frontMatterBlockSchema = frontMatterSchema.partial({ title: true });

/** Validates one page's data; throws a FrontMatterError listing every problem. */
export function validateFrontMatter(
  filePath: string,
  data: Record<string, unknown>,
  { block = false }: { block?: boolean } = {},
): FrontMatter {
  const result = (block ? frontMatterBlockSchema : frontMatterSchema).safeParse(data);
  if (result.success) return result.data as FrontMatter;
  const problems: FrontMatterProblem[] = result.error.issues.map((issue) => {
    const [first, position] = issue.path;
    const field = first === "tags" && typeof position === "number" ? `tags (étiquette n° ${position + 1})` : issue.path.map(String).join(".");
    const fallback = field.startsWith("eleventyNavigation.") ? "un texte" : issue.message;
    const found = valueAt(data, issue.path);
    const nearest = field === "layout" && typeof found === "string" ? nearestLayout(found) : undefined;
    return {
      field: field || "(racine)",
      found: describe(found),
      expected: nearest ? `vouliez-vous dire ${nearest} ? Sinon, ${expectations.layout}` : (expectations[field] ?? fallback),
    };
  });
  throw new FrontMatterError(filePath, problems);
}
