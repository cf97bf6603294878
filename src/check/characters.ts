import { isInFontSubset } from "../build/fontSubset.ts";
import type { Problem } from "./types.ts";

/** Text the page draws in Marianne: code is shown in a monospace font, scripts and styles not at all. */
const notInMarianne = "script, style, template, code, pre, kbd, samp";

/**
 * Letters of a page that the site's Marianne files do not draw (src/build/fontSubset.ts), so that the
 * browser borrows them from another font. Most often an accent pasted as a separate mark (e + ◌́).
 */
export function checkCharacters(doc: Document, url: string, source?: string): Problem[] {
  const body = doc.body?.cloneNode(true) as HTMLElement | undefined;
  if (!body) return [];
  for (const element of body.querySelectorAll(notInMarianne)) element.remove();
  const outside = new Set<string>();
  for (const character of body.textContent ?? "") {
    if (/[\p{L}\p{M}]/u.test(character) && !isInFontSubset(character.codePointAt(0)!)) outside.add(character);
  }
  if (outside.size === 0) return [];
  const shown = [...outside].map((c) => `« ${/\p{M}/u.test(c) ? `◌${c}` : c} » (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`);
  return [
    {
      severity: "avertissement",
      check: "caractères",
      url,
      source,
      message:
        `${shown.join(", ")} ${outside.size > 1 ? "ne sont pas dessinés" : "n'est pas dessiné"} par la police Marianne du site et ${outside.size > 1 ? "s'afficheront" : "s'affichera"} dans une autre police. ` +
        "Un accent séparé de sa lettre vient souvent d'un copier-coller : retapez la lettre accentuée.",
    },
  ];
}
