import yaml from "js-yaml";
import { FrontMatterError } from "./errors.ts";
import { validateFrontMatter } from "./schema.ts";
import { normaliseLegacyFrontMatter, withTabsAsSpaces } from "../legacy/frontMatter.ts";

/**
 * js-yaml reads `2024-13-45` as a timestamp and hands it to Date.UTC, which rolls it over to 14 February 2025.
 * A day or time that does not exist is not a timestamp here: it stays text, which the schema refuses with the
 * file, the field and the fix (as it does for a quoted one).
 */
// js-yaml's own types (its typings do not declare them).
const types = (yaml as unknown as { types: Record<"timestamp" | "merge" | "binary" | "omap" | "pairs" | "set", yaml.Type> }).types;

const existingTimestamp = new yaml.Type("tag:yaml.org,2002:timestamp", {
  kind: "scalar",
  resolve: (text: string) => types.timestamp.resolve(text) && timestampExists(text),
  construct: (text: string) => types.timestamp.construct(text) as Date,
  instanceOf: Date,
  represent: (date: object) => (date as Date).toISOString(),
});

/** True when the date (and time, if any) of a YAML timestamp names a real day and hour: no 30 February, no 25:00. */
export function timestampExists(text: string): boolean {
  const [, year, month, day, hour, minute, second] = /^(\d{4})-(\d\d?)-(\d\d?)(?:(?:[Tt]|[ \t]+)(\d\d?):(\d\d):(\d\d))?/.exec(text) ?? [];
  if (!year) return false;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const dayExists = date.getUTCFullYear() === Number(year) && date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
  return dayExists && (hour === undefined || (Number(hour) <= 23 && Number(minute) <= 59 && Number(second) <= 60));
}

// js-yaml's default schema with that timestamp in place of its own.
const schema = yaml.CORE_SCHEMA.extend({
  implicit: [existingTimestamp, types.merge],
  explicit: [types.binary, types.omap, types.pairs, types.set],
});

/** The YAML as the build reads it (its timestamps, its tolerance of tabs), without the schema's checks. */
export function loadYaml(source: string): unknown {
  try {
    return yaml.load(source, { schema });
  } catch (error) {
    // Tabs in the indentation were read by the live site's engine: read them as spaces if that makes sense
    // of the block (npm run check says where they are); otherwise the first error stands.
    const spaced = error instanceof yaml.YAMLException && /tab/i.test(error.reason ?? "") ? withTabsAsSpaces(source) : undefined;
    if (spaced === undefined) throw error;
    try {
      return yaml.load(spaced, { schema });
    } catch {
      throw error;
    }
  }
}

/** Hints for the YAML mistakes editors actually make in the web editor. */
function hintFor(reason: string, line: string): string {
  if (/\t/.test(line) || /tab/i.test(reason)) {
    return "Remplacez les tabulations par des espaces pour indenter le front matter (deux espaces par niveau).";
  }
  if (/mapping|colon|:/.test(reason)) {
    return 'Si la valeur contient « : », mettez-la entre guillemets, par exemple title: "Épisode 12 : le titre".';
  }
  return "Vérifiez l'indentation et mettez entre guillemets les valeurs qui contiennent des caractères spéciaux.";
}

/**
 * Front-matter engine for gray-matter: js-yaml, then the schema, with errors that name the file, the line or field, and the fix.
 * Line numbers count from the top of the file (the opening `---` is line 1).
 */
export function parseFrontMatterYaml(source: string, options?: { filePath?: string }): object {
  const filePath = options?.filePath ?? "(fichier inconnu)";
  let data: unknown;
  try {
    data = loadYaml(source);
  } catch (error) {
    if (!(error instanceof yaml.YAMLException)) throw error;
    const lineIndex = error.mark?.line ?? 0;
    const lineText = source.split("\n")[lineIndex] ?? "";
    // gray-matter hands over the text after the opening `---`, newline included, so line indexes match the file.
    const fileLine = lineIndex + 1;
    throw new FrontMatterError(filePath, {
      field: "front matter (YAML)",
      found: `ligne ${fileLine} : « ${lineText.replace(/\t/g, "→").trim()} » (${error.reason})`,
      expected: hintFor(error.reason ?? "", lineText),
    });
  }
  if (data !== null && data !== undefined && (typeof data !== "object" || Array.isArray(data))) {
    throw new FrontMatterError(filePath, {
      field: "front matter (YAML)",
      found: Array.isArray(data) ? "une liste (des lignes qui commencent par « - »)" : `un texte seul (« ${String(data).slice(0, 60)} »)`,
      expected: "des lignes « clé: valeur », par exemple title: \"Mon titre\" puis date: 2026-03-16",
    });
  }
  const frontMatter = (data ?? {}) as Record<string, unknown>;
  normaliseLegacyFrontMatter(frontMatter);
  validateFrontMatter(filePath, frontMatter, { block: true });
  return frontMatter;
}
