import type { Problem } from "./types.ts";

export function counts(problems: Problem[]): { errors: number; warnings: number } {
  const errors = problems.filter((p) => p.severity === "erreur").length;
  return { errors, warnings: problems.length - errors };
}

function where(problem: Problem): string {
  return problem.source ? `${problem.url} (fichier ${problem.source.replace(/^\.\//, "")})` : problem.url;
}

/** For the terminal: grouped by page, errors first. */
export function terminalReport(problems: Problem[]): string {
  const { errors, warnings } = counts(problems);
  const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? where(a).localeCompare(where(b)) : a.severity === "erreur" ? -1 : 1));
  const lines = sorted.map((p) => `${p.severity === "erreur" ? "✗ erreur" : "! avertissement"} [${p.check}] ${where(p)} : ${p.message}`);
  lines.push("", errors === 0 ? `Vérification réussie : 0 erreur, ${warnings} avertissement(s).` : `Vérification échouée : ${errors} erreur(s), ${warnings} avertissement(s).`);
  return lines.join("\n");
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** For the pull request's job summary. */
export function markdownReport(problems: Problem[]): string {
  const { errors, warnings } = counts(problems);
  const title = errors === 0 ? `## ✅ Vérification du site : aucune erreur` : `## ❌ Vérification du site : ${errors} erreur(s) à corriger`;
  if (problems.length === 0) return `${title}\n\nAucun problème trouvé.\n`;
  const rows = problems
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "erreur" ? -1 : 1))
    .map((p) => `| ${p.severity} | ${p.check} | ${cell(p.url)} | ${cell(p.source?.replace(/^\.\//, "") ?? "")} | ${cell(p.message)} |`);
  return `${title}\n\n${errors} erreur(s), ${warnings} avertissement(s).\n\n| gravité | vérification | page | fichier | problème et correction |\n| --- | --- | --- | --- | --- |\n${rows.join("\n")}\n`;
}
