import yaml from "js-yaml";
import { FrontMatterError } from "./errors.ts";
import { validateFrontMatter } from "./schema.ts";
import { normaliseLegacyFrontMatter, withTabsAsSpaces } from "../legacy/frontMatter.ts";

function loadYaml(source: string): unknown {
  try {
    return yaml.load(source, { schema: yaml.DEFAULT_SCHEMA });
  } catch (error) {
    // Tabs in the indentation were read by the live site's engine: read them as spaces if that makes sense
    // of the block (npm run check says where they are); otherwise the first error stands.
    const spaced = error instanceof yaml.YAMLException && /tab/i.test(error.reason ?? "") ? withTabsAsSpaces(source) : undefined;
    if (spaced === undefined) throw error;
    try {
      return yaml.load(spaced, { schema: yaml.DEFAULT_SCHEMA });
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
  const frontMatter = data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  normaliseLegacyFrontMatter(frontMatter);
  validateFrontMatter(filePath, frontMatter, { block: true });
  return frontMatter;
}
