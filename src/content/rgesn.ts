import { z } from "zod";
import { slugify } from "./slug.ts";

/** One criterion as published (fields as in the referential's JSON). */
const criterionSchema = z.object({
  numero: z.string().regex(/^\d+\.\d+$/, "un numéro de la forme 4.2"),
  thematique: z.string().min(1),
  critere: z.string().min(1),
  difficulte: z.string().min(1),
  priorite: z.string().min(1),
  cible: z.string().min(1),
  metiers: z.string().min(1),
  objectif: z.string().min(1),
  miseEnOeuvre: z.string().min(1),
  controle: z.string().min(1),
});

const themesSchema = z.object({
  title: z.string().min(1),
  version: z.string().min(1),
  updatedAt: z.string().min(1),
  publisher: z.string().optional(),
  sample: z.boolean().optional(),
  themes: z.record(z.string(), z.string()),
});

export type RawCriterion = z.infer<typeof criterionSchema>;

export interface Criterion extends RawCriterion {
  slug: string;
  url: string;
  themeSlug: string;
  /** its theme's page, in its breadcrumb */
  themeUrl: string;
  /** the professions, one by one ("Développeur", "Architecte Logiciel"…) */
  professions: string[];
}

export interface Theme {
  name: string;
  slug: string;
  /** Its own page: its criteria, readable without JavaScript, which the index loads as the reader reaches them. */
  url: string;
  description: string;
  criteria: Criterion[];
}

export interface Referential {
  title: string;
  version: string;
  updatedAt: string;
  publisher?: string;
  sample: boolean;
  url: string;
  themes: Theme[];
  themeNames: string[];
  criteria: Criterion[];
  priorities: string[];
  difficulties: string[];
  professions: string[];
}

export const referentialUrl = "/publications/referentiel-general-ecoconception/";

/** "UX/UI" and the themes file's key "uxui" name the same theme. */
export function themeKey(name: string): string {
  return slugify(name).replace(/-/g, "");
}

/** The order the referential's own levels are read in, not alphabetical. */
const priorityOrder = ["Prioritaire", "Recommandé", "Modéré"];
const difficultyOrder = ["Faible", "Moyen", "Fort"];

function ordered(values: Iterable<string>, order: string[]): string[] {
  const rank = (value: string) => (order.includes(value) ? order.indexOf(value) : order.length);
  return [...new Set(values)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, "fr"));
}

function compareNumbers(a: string, b: string): number {
  const [a1, a2] = a.split(".").map(Number);
  const [b1, b2] = b.split(".").map(Number);
  return a1! - b1! || a2! - b2!;
}

/** Validates the referential; every problem names the criterion, the field and the fix. */
export function loadReferential(rawCriteria: unknown, rawThemes: unknown, source: { criteria: string; themes: string }): Referential {
  const themesResult = themesSchema.safeParse(rawThemes);
  if (!themesResult.success) {
    const issue = themesResult.error.issues[0]!;
    throw new Error(`Référentiel (${source.themes}) : champ « ${issue.path.join(".")} » invalide : ${issue.message}.`);
  }
  if (!Array.isArray(rawCriteria)) throw new Error(`Référentiel (${source.criteria}) : une liste de critères est attendue.`);
  const meta = themesResult.data;
  const descriptions = new Map(Object.entries(meta.themes));

  const problems: string[] = [];
  const criteria: Criterion[] = [];
  const seen = new Set<string>();
  rawCriteria.forEach((raw, index) => {
    const label = typeof raw?.numero === "string" ? `critère ${raw.numero}` : `critère n° ${index + 1} de la liste`;
    const result = criterionSchema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path.join(".");
        const missing = raw?.[field] === undefined;
        problems.push(`${label} : champ « ${field} » ${missing ? "manquant" : `invalide (${issue.message})`}`);
      }
      return;
    }
    const criterion = result.data;
    if (!descriptions.has(themeKey(criterion.thematique))) {
      problems.push(
        `${label} : thématique inconnue « ${criterion.thematique} » (thématiques connues : ${[...descriptions.keys()].join(", ")})`,
      );
      return;
    }
    if (seen.has(criterion.numero)) problems.push(`${label} : numéro en double`);
    seen.add(criterion.numero);
    // "1.7", with its dot: the address the live site gave each criterion (Eleventy's `slug` keeps dots).
    const slug = criterion.numero.toLowerCase().replace(/[^a-z0-9.]+/g, "-");
    criteria.push({
      ...criterion,
      slug,
      url: `${referentialUrl}critere/${slug}/`,
      themeSlug: slugify(criterion.thematique),
      themeUrl: `${referentialUrl}thematique/${slugify(criterion.thematique)}/`,
      professions: criterion.metiers.split(",").map((p) => p.trim()).filter(Boolean),
    });
  });
  if (problems.length) {
    throw new Error(`Référentiel (${source.criteria}) :\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }

  criteria.sort((a, b) => compareNumbers(a.numero, b.numero));
  const themes: Theme[] = [];
  for (const criterion of criteria) {
    let theme = themes.find((t) => t.name === criterion.thematique);
    if (!theme) {
      theme = {
        name: criterion.thematique,
        slug: criterion.themeSlug,
        url: criterion.themeUrl,
        description: descriptions.get(themeKey(criterion.thematique)) ?? "",
        criteria: [],
      };
      themes.push(theme);
    }
    theme.criteria.push(criterion);
  }
  return {
    title: meta.title,
    version: meta.version,
    updatedAt: meta.updatedAt,
    publisher: meta.publisher,
    sample: meta.sample === true,
    url: referentialUrl,
    themes,
    themeNames: themes.map((theme) => theme.name),
    criteria,
    priorities: ordered(criteria.map((c) => c.priorite), priorityOrder),
    difficulties: ordered(criteria.map((c) => c.difficulte), difficultyOrder),
    professions: ordered(criteria.flatMap((c) => c.professions), []),
  };
}

const csvColumns = ["numero", "thematique", "critere", "difficulte", "priorite", "cible", "metiers", "objectif", "miseEnOeuvre", "controle"] as const;

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RFC 4180 CSV (comma, CRLF, UTF-8), one row per criterion, the referential's own field names as header. */
export function referentialCsv(criteria: RawCriterion[]): string {
  const rows = [csvColumns.join(","), ...criteria.map((c) => csvColumns.map((column) => csvCell(c[column])).join(","))];
  return `${rows.join("\r\n")}\r\n`;
}

export function referentialJson(criteria: RawCriterion[]): string {
  return `${JSON.stringify(
    criteria.map((c) => Object.fromEntries(csvColumns.map((column) => [column, c[column]]))),
    null,
    2,
  )}\n`;
}

/** "12 Ko", "1,2 Mo": sizes as DSFR download links show them. */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} octets`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} Ko`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} Mo`;
}
