export type Severity = "erreur" | "avertissement";

/** One thing an editor must fix (erreur) or should look at (avertissement), where it shows and where it comes from. */
export interface Problem {
  severity: Severity;
  check: string;
  url: string;
  source?: string;
  message: string;
}

/** What the build knows of a page, to trace a problem back to its Markdown file. */
export interface PageRecord {
  url: string;
  inputPath: string;
  layout?: string;
  date?: Date;
  draft?: boolean;
  tags: string[];
  image?: unknown;
}
