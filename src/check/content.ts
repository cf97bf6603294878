import { resolveImage } from "../content/images.ts";
import { isEvent } from "../content/events.ts";
import { fileForUrl } from "./links.ts";
import type { PageRecord, Problem } from "./types.ts";
import { readFileSync } from "node:fs";
import { exampleTexts } from "../scaffold/templates.ts";

/** The first example text of `npm run new` (or of the web editor) still in a page's file. */
function exampleLeftOver(inputPath: string): string | undefined {
  let source: string;
  try {
    source = readFileSync(inputPath, "utf8");
  } catch {
    return undefined;
  }
  return exampleTexts.find((text) => source.includes(text));
}

/**
 * Front-matter facts the schema cannot know: files that must exist, dates that must not be in the future,
 * example texts of a new page that were never replaced.
 */
export function checkContent(root: string, pages: PageRecord[], inputDir: string, today: Date): Problem[] {
  const problems: Problem[] = [];
  for (const page of pages) {
    if (!page.url.endsWith("/") && !page.url.endsWith(".html")) continue;
    const at = { url: page.url, source: page.inputPath, check: "contenu" };
    const image = resolveImage(page.image, page.inputPath, inputDir);
    if (image && !/^(https?:)?\/\//.test(image.src) && !fileForUrl(root, image.src)) {
      problems.push({ ...at, severity: "erreur", message: `l'image du champ « image » (${image.src}) n'existe pas : ajoutez le fichier ou corrigez le chemin.` });
    }
    if (page.draft) {
      problems.push({ ...at, severity: "erreur", message: "un brouillon (draft: true) a été publié : retirez draft ou ne publiez pas la page." });
    }
    const leftOver = exampleLeftOver(page.inputPath);
    if (leftOver) {
      problems.push({ ...at, severity: "avertissement", message: `la page contient encore le texte d'exemple de « npm run new » : « ${leftOver} ». Remplacez-le par le vrai texte.` });
    }
    const isPost = page.inputPath.includes("/actualites/");
    if (isPost && page.date && page.date > today && !isEvent({ inputPath: page.inputPath, url: page.url, date: page.date, data: { tags: page.tags } })) {
      problems.push({ ...at, severity: "erreur", message: `la date ${page.date.toISOString().slice(0, 10)} est dans le futur : une actualité est datée du jour de sa publication (seuls les événements et formations peuvent être à venir).` });
    }
  }
  return problems;
}
