import { readFileSync } from "node:fs";
import { FrontMatterError } from "./errors.ts";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The first line (counted from 1) whose bytes are not UTF-8, or undefined when the whole text is UTF-8. */
export function firstNonUtf8Line(bytes: Uint8Array): number | undefined {
  if (isUtf8(bytes)) return undefined;
  let line = 1;
  let start = 0;
  for (let index = 0; index <= bytes.length; index++) {
    if (index < bytes.length && bytes[index] !== 0x0a) continue;
    if (!isUtf8(bytes.subarray(start, index))) return line;
    line++;
    start = index + 1;
  }
  return line;
}

/** Text readers replace what they cannot decode with U+FFFD; a NUL never appears in a text page. */
export function looksUndecoded(text: unknown): boolean {
  return typeof text === "string" && (text.includes("\uFFFD") || text.includes("\u0000"));
}

/**
 * Stops the build when the page's file is not UTF-8 text: a Latin-1 (or Windows-1252) file would be published
 * with "Mont�e" in it, a binary file named .md as garbage. Called only when the text read shows the signs.
 */
export function assertUtf8Text(filePath: string): void {
  const bytes = readFileSync(filePath);
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new FrontMatterError(filePath, {
      field: "(fichier)",
      found: "un fichier binaire (une image, un PDF ou un document de traitement de texte ?), pas du texte",
      expected: "un fichier texte Markdown ; une image ou un document se range à part (public/img/, public/docs/ ou à côté de l'actualité) et la page y renvoie",
    });
  }
  const line = firstNonUtf8Line(bytes);
  if (line === undefined) return;
  throw new FrontMatterError(filePath, {
    field: "(encodage du fichier)",
    found: `un texte qui n'est pas en UTF-8 (premier caractère illisible ligne ${line} : probablement Latin-1 ou Windows-1252)`,
    expected: "un fichier enregistré en UTF-8 : dans l'éditeur, « Enregistrer avec l'encodage » → UTF-8, ou en ligne de commande : iconv -f WINDOWS-1252 -t UTF-8 page.md -o page-utf8.md",
  });
}
