import { sourceKey, writeContentFile } from "./contentFile.ts";
import { FrontMatterError } from "../content/errors.ts";
import { validateFrontMatter } from "../content/schema.ts";
import { parseFrontMatterYaml } from "../content/yaml.ts";

/**
 * What the build would say of the file the editor is about to save, in its own words (file, field, fix),
 * or undefined when it would build. The file checked is the one written: the same text, the same parser.
 */
export function problemsBeforeSaving(data: Record<string, unknown>, file = "cette page"): string | undefined {
  const text = writeContentFile(data);
  const damage = damageToTheFile(data[sourceKey], text, file);
  if (damage) return damage;
  const yamlText = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/.exec(text)?.[1];
  if (yamlText === undefined) return undefined;
  try {
    // With the opening line's break, as the build hands it over: lines are counted from the top of the file.
    validateFrontMatter(file, parseFrontMatterYaml(`\n${yamlText}`, { filePath: file }) as Record<string, unknown>);
    return undefined;
  } catch (error) {
    if (error instanceof FrontMatterError) return error.message;
    throw error;
  }
}

/** The site's tags in a text: Nunjucks (`{% … %}`, `{{ … }}`) and the HTML editors write by hand. */
function siteTags(text: string): string[] {
  return text.match(/\{%-?[\s\S]*?-?%\}|\{\{[\s\S]*?\}\}|<\/?[A-Za-z][^>]*>/g) ?? [];
}

/**
 * What the save would lose of the file as it was read: its front matter, or tags the rich-text mode cannot
 * show (it rewrites the text through its own Markdown, and a Nunjucks tag or a block of HTML may not survive).
 */
function damageToTheFile(original: unknown, text: string, file: string): string | undefined {
  if (typeof original !== "string") return undefined;
  if (original.trim() && !text.trim()) return `Erreur dans ${file} : l'enregistrement viderait le fichier. Rien n'a été enregistré ; rouvrez la page.`;
  if (/^---\r?\n/.test(original) && !/^---\r?\n/.test(text)) {
    return `Erreur dans ${file} : l'en-tête (entre les lignes ---) a disparu du texte. Rien n'a été enregistré : repassez en mode « Markdown » et rétablissez les deux lignes ---.`;
  }
  const kept = siteTags(text);
  const lost = siteTags(original).filter((tag) => {
    const at = kept.indexOf(tag);
    if (at < 0) return true;
    kept.splice(at, 1);
    return false;
  });
  if (lost.length === 0) return undefined;
  return `Erreur dans ${file} : le texte a perdu ${lost.length === 1 ? "une balise" : `${lost.length} balises`} du site (${lost.slice(0, 3).map((tag) => `« ${tag.length > 60 ? `${tag.slice(0, 57)}…` : tag} »`).join(", ")}). Le mode « texte enrichi » ne les conserve pas toujours : rien n'a été enregistré ; repassez en mode « Markdown » (ou rouvrez la page) et modifiez le texte là.`;
}
