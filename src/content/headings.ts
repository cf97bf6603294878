import { slugify } from "./slug.ts";

export interface Heading {
  id: string;
  text: string;
}

const h2Pattern = /<h2(\s[^>]*)?>([\s\S]*?)<\/h2>/gi;

function plainText(html: string): string {
  return html.replace(/<[^>]*>/g, "").replace(/\s+/g, " ").trim();
}

/**
 * Gives every h2 of a page body a stable id (from its text, numbered on collision, kept when the editor set one)
 * and returns the list for the "Sommaire". Works on raw HTML h2 too, which existing content writes by hand.
 */
export function anchorHeadings(html: string): { html: string; headings: Heading[] } {
  const used = new Set<string>();
  const headings: Heading[] = [];
  const anchored = html.replace(h2Pattern, (whole, attributes: string | undefined = "", inner: string) => {
    if (/class="[^"]*fr-modal__title/.test(attributes)) return whole;
    const text = plainText(inner);
    const existing = /\sid="([^"]+)"/.exec(attributes)?.[1];
    let id = existing ?? (slugify(text) || "section");
    if (!existing) {
      const base = id;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    }
    used.add(id);
    headings.push({ id, text });
    return existing ? whole : `<h2${attributes} id="${id}">${inner}</h2>`;
  });
  return { html: anchored, headings };
}
