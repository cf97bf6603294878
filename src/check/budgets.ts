import { existsSync, readFileSync } from "node:fs";
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
}

export function readBudgets(file = "budgets.json"): Budgets | undefined {
  if (!existsSync(file)) return undefined;
  const raw = JSON.parse(readFileSync(file, "utf8")) as Partial<Budgets>;
  return { enforce: raw.enforce === true, pages: raw.pages ?? {} };
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
