import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { Problem } from "./types.ts";

/** The file a site URL is served from, as a static host resolves it; undefined when there is none. */
export function fileForUrl(root: string, url: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.split(/[?#]/)[0]!);
  } catch {
    return undefined;
  }
  const file = path.join(root, pathname);
  if (!file.startsWith(root)) return undefined;
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = path.join(file, "index.html");
  return existsSync(index) ? index : undefined;
}

export interface PageLinks {
  url: string;
  source?: string;
  /** [element, attribute value] of every link, image, script, stylesheet and download of the page */
  references: { tag: string; value: string }[];
  ids: Set<string>;
}

const labels: Record<string, string> = { a: "lien", img: "image", script: "script", link: "feuille de style ou icône", use: "pictogramme", iframe: "cadre" };

/**
 * Internal references that resolve to nothing are errors (with anchors checked against the target page's ids);
 * links to "#" and to plain http: are warnings. External links are not fetched.
 */
export function checkLinks(root: string, pages: PageLinks[]): Problem[] {
  const idsByFile = new Map(pages.map((page) => [fileForUrl(root, page.url), page.ids]));
  const problems: Problem[] = [];
  for (const page of pages) {
    for (const { tag, value } of page.references) {
      const at = { url: page.url, source: page.source, check: "liens" };
      if (value === "#") {
        problems.push({ ...at, severity: "avertissement", message: `le ${labels[tag] ?? tag} « ${value} » ne mène nulle part : indiquez l'adresse de la page ou du document.` });
        continue;
      }
      if (value.startsWith("http:")) {
        problems.push({ ...at, severity: "avertissement", message: `le ${labels[tag] ?? tag} ${value} n'est pas sécurisé : utilisez https:// si le site le permet.` });
        continue;
      }
      if (/^(https?:|mailto:|tel:|data:|javascript:)/.test(value) || value.startsWith("//")) continue;
      const target = new URL(value, `http://site${page.url}`);
      const file = fileForUrl(root, target.pathname);
      if (!file) {
        problems.push({ ...at, severity: "erreur", message: `le ${labels[tag] ?? tag} « ${value} » ne mène à aucune page ni fichier du site : corrigez l'adresse ou retirez le lien.` });
        continue;
      }
      const anchor = target.hash.slice(1);
      const ids = idsByFile.get(file);
      if (anchor && ids && !ids.has(decodeURIComponent(anchor))) {
        problems.push({ ...at, severity: "erreur", message: `l'ancre « #${anchor} » du lien « ${value} » n'existe pas dans la page visée : vérifiez l'identifiant du titre.` });
      }
    }
  }
  return problems;
}
