import { existsSync, readFileSync } from "node:fs";

/**
 * Nunjucks reports a template's mistakes in English, with a line counted from the end of the front matter or no
 * line at all ("unexpected end of file"). For a content file, editors get the file's own line and what to write.
 */

/** Block tags that need their end tag, as content and the engine's shortcodes use them. */
const pairedTags = ["if", "for", "macro", "call", "filter", "raw", "verbatim", "block", "transcription", "js"];

interface OpenTag {
  name: string;
  line: number;
}

/** Lines of the front matter, closing `---` included: what Nunjucks' line numbers leave out. */
export function frontMatterLines(source: string): number {
  const match = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  return match ? match[0].split("\n").length - 1 : 0;
}

function lineOf(source: string, index: number): number {
  return source.slice(0, index).split("\n").length;
}

/** The first block tag left open at the end of the file, with the line it opened on. */
export function firstUnclosedTag(source: string): OpenTag | undefined {
  const stack: OpenTag[] = [];
  for (const match of source.matchAll(/\{%-?\s*(end)?([a-z]+)\b([^%]*)-?%\}/g)) {
    const [, end, name, rest] = match as unknown as [string, string | undefined, string, string];
    const line = lineOf(source, match.index);
    // `{% set x = … %}` is complete; only `{% set x %}…{% endset %}` is a block.
    const paired = pairedTags.includes(name) || (name === "set" && !rest.includes("="));
    if (!paired) continue;
    if (!end) stack.push({ name, line });
    else if (stack.at(-1)?.name === name) stack.pop();
  }
  return stack[0];
}

/** Nunjucks' most frequent rendering messages, in French; any other stays as Nunjucks wrote it. */
function inFrench(detail: string): string {
  const call = /^Unable to call `([^`]+)`, which is undefined or falsey/.exec(detail);
  if (call) return `« ${call[1]} » n'existe pas : aucun filtre, aucune fonction ni aucune donnée de ce nom. Vérifiez son orthographe.`;
  const parse = /^(?:parse\w+: )?(?:expected|unexpected) (.*)$/.exec(detail);
  if (parse) return `Nunjucks ne comprend pas l'expression (${detail}). Vérifiez les parenthèses, les guillemets et les virgules entre {{ }} ou {% %}.`;
  return detail;
}

/** A French explanation of a Nunjucks error in a content file, or undefined when it is not one. */
export function explainTemplateError(messages: string[]): string | undefined {
  const text = messages.join("\n");
  const file = /\((\.?\.?\/?[^()\s]+\.(?:md|njk|html))\)/.exec(text)?.[1];
  if (!file || !existsSync(file)) return undefined;
  const source = readFileSync(file, "utf8");
  const offset = frontMatterLines(source);
  const at = (line: number) => `${file}, ligne ${line}`;

  const comment = /expected end of comment/.exec(text);
  if (comment) {
    const index = source.indexOf("{#", source.split("\n").slice(0, offset).join("\n").length);
    return [
      `Erreur dans ${index >= 0 ? at(lineOf(source, index)) : file} : « {# » ouvre un commentaire Nunjucks qui n'est jamais fermé par « #} ».`,
      "Pour une ancre de titre, écrivez {id=mon-ancre} (par exemple ## Titre {id=mon-ancre}) ; pour afficher « {# » tel quel, écrivez {{ \"{#\" }}.",
    ].join("\n");
  }
  if (/unexpected end of file|expected elif, else, or endif|expected end(?:for|block|macro|call|filter|raw|set)/.test(text)) {
    const open = firstUnclosedTag(source);
    if (open) {
      return [
        `Erreur dans ${at(open.line)} : la balise {% ${open.name} %} ouverte ici n'est jamais fermée.`,
        `Ajoutez {% end${open.name} %} là où son contenu se termine.`,
      ].join("\n");
    }
  }
  const filter = /filter not found: ([\w$]+)/.exec(text)?.[1];
  if (filter) {
    const index = source.search(new RegExp(`\\|\\s*${filter}\\b`));
    return [
      `Erreur dans ${index >= 0 ? at(lineOf(source, index)) : file} : le filtre « ${filter} » n'existe pas.`,
      "Vérifiez son orthographe ; la liste des filtres est dans CONTRIBUTING.md et src/legacy/README.md.",
    ].join("\n");
  }
  // Any other template error: the line Nunjucks gives, counted from the top of the file. It counts from 1 for
  // a mistake found while reading the template ("parseSignature: …"), from 0 for an error while rendering it
  // ("Error: …", "RefusedMemberError: …").
  const position = /\[Line (\d+), Column (\d+)\]\s*([\s\S]*)/.exec(text);
  if (position) {
    const [, line, column, rest] = position as unknown as [string, string, string, string];
    const detail = rest.split("\n")[0]!.trim();
    const whileRendering = /^\w*Error:/.test(detail);
    return `Erreur dans ${at(Number(line) + offset + (whileRendering ? 1 : 0))}, colonne ${column} : ${inFrench(detail.replace(/^\w*Error:\s*/, ""))}`;
  }
  return undefined;
}
