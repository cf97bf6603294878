import yaml from "js-yaml";
import { FrontMatterError } from "./errors.ts";
import { validateFrontMatter } from "./schema.ts";

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
    data = yaml.load(source, { schema: yaml.DEFAULT_SCHEMA });
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
  const frontMatter = data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  validateFrontMatter(filePath, frontMatter, { block: true });
  return frontMatter;
}
