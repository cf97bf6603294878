import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import type { PageWeight } from "../bench/pageWeight.ts";
import type { Problem } from "./types.ts";

/** The four limits of a page type (first visit, empty cache, gzip). */
export interface Limits {
  maxKb: number;
  maxRequests: number;
  maxDomElements: number;
  minEcoIndex: number;
}

export interface PageBudget extends Limits {
  url: string;
  /** Overrides the file's `enforce` for this page (a page type still working towards its budget). */
  enforce?: boolean;
  /**
   * For a page type whose budget is still a target: limits it must not pass meanwhile (an error even then),
   * so that it cannot get heavier unnoticed. The ones not given are the budget's own.
   */
  ceiling?: Partial<Limits>;
}

export interface Budgets {
  /** When false, an overrun is a warning: the budget is a target the site does not meet yet. */
  enforce: boolean;
  pages: Record<string, PageBudget>;
  /** Budgets of the benchmark's live-shaped site (`npm run bench`). */
  liveShaped?: { pages: Record<string, PageBudget> };
}

/** What to write, said by every check of a field (its type and its bounds alike). */
const expecting = (error: string) => ({ error });
const count = expecting("un nombre entier positif");
const kilobytes = expecting("un nombre de Ko positif");
const score = expecting("un score entre 0 et 100");
const pageUrl = expecting("l'adresse d'une page du site, commençant par « / »");
const trueOrFalse = expecting("true ou false, sans guillemets");
const limitsShape = {
  maxKb: z.number(kilobytes).positive(kilobytes),
  maxRequests: z.number(count).int(count).positive(count),
  maxDomElements: z.number(count).int(count).positive(count),
  minEcoIndex: z.number(score).min(0, score).max(100, score),
};
const limitNames = Object.keys(limitsShape) as (keyof Limits)[];

/** A ceiling stricter than its own target would never be reported (compareWithBudget only looks past the target). */
function isLooser(limit: keyof Limits, ceiling: number, target: number): boolean {
  return limit === "minEcoIndex" ? ceiling <= target : ceiling >= target;
}

const pageBudgetSchema = z
  .strictObject({
    url: z.string(pageUrl).startsWith("/", pageUrl),
    // The page type as the déclaration d'écoconception names it to readers.
    label: z.string(expecting("le nom du type de page, en français")).min(1, expecting("le nom du type de page, en français")).optional(),
    ...limitsShape,
    enforce: z.boolean(trueOrFalse).optional(),
    ceiling: z.strictObject(limitsShape).partial().optional(),
  })
  .superRefine((budget, context) => {
    for (const limit of limitNames) {
      const ceiling = budget.ceiling?.[limit];
      if (ceiling === undefined || isLooser(limit, ceiling, budget[limit])) continue;
      const side = limit === "minEcoIndex" ? "au plus" : "au moins";
      context.addIssue({ code: "custom", path: ["ceiling", limit], message: `${side} le budget visé (${budget[limit]}) : un plafond plus strict que le budget ne serait jamais signalé` });
    }
  });

const budgetsSchema = z.strictObject({
  $comment: z.string().optional(),
  enforce: z.boolean(trueOrFalse),
  pages: z.record(z.string(), pageBudgetSchema, { error: "un objet : pour chaque type de page, son adresse et ses limites" }),
  // The same page types on the site `npm run bench` builds in the live site's shapes and size.
  liveShaped: z
    .strictObject({ pages: z.record(z.string(), pageBudgetSchema, { error: "un objet : pour chaque type de page, son adresse et ses limites" }) })
    .optional(),
});

function fieldsAt(path: PropertyKey[]): string {
  if (path.length === 0) return "$comment, enforce, pages et liveShaped";
  if (path.at(-1) === "ceiling") return limitNames.join(", ");
  return `url, label, ${limitNames.join(", ")}, enforce et ceiling`;
}

/**
 * Reads budgets.json (undefined when there is none). A mistake throws, naming the file, the field and what to
 * write: a misspelt limit would otherwise never be checked.
 */
export function readBudgets(file = "budgets.json"): Budgets | undefined {
  if (!existsSync(file)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${file} : JSON invalide (${(error as Error).message}).`);
  }
  const parsed = budgetsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const field = issue.path.map(String).join(".") || "(racine)";
    const expected = issue.code === "unrecognized_keys" ? `aucun champ « ${issue.keys.join(" », « ")} » ; les champs possibles sont ${fieldsAt(issue.path)}` : issue.message;
    return `champ « ${field} » : attendu ${expected}`;
  });
  throw new Error(`${file} : ${problems.join(" ; ")}.`);
}

/** How each limit reads a measure, and says it and its value. */
const metrics: { limit: keyof Limits; isOver: (measured: PageWeight, value: number) => boolean; measure: (measured: PageWeight) => string; value: (value: number) => string }[] = [
  { limit: "maxKb", isOver: (m, v) => m.transferredKb > v, measure: (m) => `${m.transferredKb} Ko transférés`, value: (v) => `${v} Ko` },
  { limit: "maxRequests", isOver: (m, v) => m.requests > v, measure: (m) => `${m.requests} requêtes`, value: String },
  { limit: "maxDomElements", isOver: (m, v) => m.domElements > v, measure: (m) => `${m.domElements} éléments DOM`, value: String },
  { limit: "minEcoIndex", isOver: (m, v) => m.ecoIndex < v, measure: (m) => `EcoIndex ${m.ecoIndex}, note ${m.grade}`, value: (v) => `minimum ${v}` },
];

/**
 * Compares one measured page with its budget: an overrun is an error when the budget is enforced, a warning
 * while it is a target; passing a target's ceiling is an error either way.
 */
export function compareWithBudget(name: string, budget: PageBudget, measured: PageWeight, enforce: boolean): Problem[] {
  const enforced = budget.enforce ?? enforce;
  const ceiling = enforced ? {} : (budget.ceiling ?? {});
  return metrics
    .filter(({ limit, isOver }) => isOver(measured, budget[limit]))
    .map(({ limit, isOver, measure, value }) => {
      const cap = ceiling[limit];
      const overCap = cap !== undefined && isOver(measured, cap);
      const limits = enforced ? `budget ${value(budget[limit])}` : `${overCap ? `plafond ${value(cap)}, ` : ""}budget visé ${value(budget[limit])}`;
      return {
        severity: enforced || overCap ? "erreur" : "avertissement",
        check: "poids",
        url: budget.url,
        message: `page « ${name} » : ${measure(measured)} (${limits}). Allégez la page (images, scripts, contenu) ou discutez du budget dans budgets.json.`,
      };
    });
}
