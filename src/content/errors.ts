export interface FrontMatterProblem {
  field: string;
  found: string;
  expected: string;
}

/** A content error an editor can act on: the file, the field, what was found, what to write instead. */
export class FrontMatterError extends Error {
  readonly filePath: string;
  readonly problems: FrontMatterProblem[];

  constructor(filePath: string, problems: FrontMatterProblem | FrontMatterProblem[]) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(formatProblems(filePath, list));
    this.name = "FrontMatterError";
    this.filePath = filePath;
    this.problems = list;
  }
}

export function formatProblems(filePath: string, problems: FrontMatterProblem[]): string {
  const lines = problems.map(
    (p) => `  - champ « ${p.field} » : trouvé ${p.found}. Attendu : ${p.expected}`,
  );
  return `Erreur dans ${filePath} :\n${lines.join("\n")}`;
}
