import { existsSync, readFileSync } from "node:fs";
import type { PageWeight } from "../bench/pageWeight.ts";
import type { Problem } from "./types.ts";

export interface PageBudget {
  url: string;
  maxKb: number;
  maxRequests: number;
  maxDomElements: number;
  minEcoIndex: number;
  /** Overrides the file's `enforce` for this page (a page type still working towards its budget). */
  enforce?: boolean;
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

/** Compares one measured page with its budget. */
export function compareWithBudget(name: string, budget: PageBudget, measured: PageWeight, enforce: boolean): Problem[] {
  const severity = (budget.enforce ?? enforce) ? "erreur" : "avertissement";
  const overruns = [
    measured.transferredKb > budget.maxKb && `${measured.transferredKb} Ko transférés (budget ${budget.maxKb} Ko)`,
    measured.requests > budget.maxRequests && `${measured.requests} requêtes (budget ${budget.maxRequests})`,
    measured.domElements > budget.maxDomElements && `${measured.domElements} éléments DOM (budget ${budget.maxDomElements})`,
    measured.ecoIndex < budget.minEcoIndex && `EcoIndex ${measured.ecoIndex} (${measured.grade}, minimum ${budget.minEcoIndex})`,
  ].filter(Boolean);
  return overruns.map((overrun) => ({
    severity,
    check: "poids",
    url: budget.url,
    message: `page « ${name} » : ${overrun}. Allégez la page (images, scripts, contenu) ou discutez du budget dans budgets.json.`,
  }));
}
