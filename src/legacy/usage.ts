import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { isCommonJsSource } from "./commonJsDataHooks.mjs";
import { calendarDay } from "./frontMatter.ts";
import type { Problem } from "../check/types.ts";

/**
 * What `npm run check` says of the live site's constructs found in content: each one still works (this layer
 * keeps it working), and each warning gives its count and what the engine offers instead, so editors can move
 * at their own pace. Front matter the build reads leniently is named with its file and line.
 */

interface Construct {
  name: string;
  pattern: RegExp;
  instead: string;
}

const constructs: Construct[] = [
  { name: "filtre readableDate", pattern: /\|\s*readableDate\b/g, instead: "le filtre dateFr (« 1 juillet 2024 », sans zéro devant le jour)" },
  { name: "filtre htmlDateString", pattern: /\|\s*htmlDateString\b/g, instead: "le filtre dateIso" },
  { name: "filtre isFutureDate", pattern: /\|\s*isFutureDate\b/g, instead: "le gabarit landing avec groupBy: events (à venir et passés, sans rien écrire)" },
  { name: "filtres getYears / getPostsForYear", pattern: /\|\s*(?:getYears|getPostsForYear)\b/g, instead: "le gabarit landing avec listTag et groupBy: year" },
  { name: "filtre limit", pattern: /\|\s*limit\b/g, instead: "le filtre head (les plus récents d'abord avec collections.newsPosts)" },
  { name: "filtres series / noSeries", pattern: /\|\s*(?:series|noSeries)\b/g, instead: "le gabarit landing avec listTag et groupBy: series, et les pages de séries générées" },
  { name: "filtres filterTagList / getAllTags / filterCollectionLang", pattern: /\|\s*(?:filterTagList|getAllTags|filterCollectionLang)\b/g, instead: "collections.newsTags (les étiquettes des actualités, avec leur page)" },
  { name: "filtres eleventyNavigationExtended / eleventyNavigationByKeys", pattern: /\|\s*eleventyNavigation(?:Extended|ByKeys)\b/g, instead: "le menu latéral et les cartes que les gabarits guide et publications tirent de eleventyNavigation" },
  { name: "filtres i18n / locale_url", pattern: /\|\s*(?:i18n|locale_url)\b/g, instead: "le texte en français et l'adresse telle quelle (npm run check vérifie les liens)" },
  { name: "collection posts", pattern: /collections\.posts\b/g, instead: "collections.newsPosts (toutes les actualités, les plus récentes d'abord)" },
  { name: "collection parSeries", pattern: /collections\.parSeries\b/g, instead: "les pages de séries que le moteur génère (/ressources/videos/serie/…)" },
  { name: "collection allSortedByPathAsc", pattern: /collections\.allSortedByPathAsc\b/g, instead: "le plan du site que le moteur génère" },
  { name: "inclusion postslist.njk", pattern: /\{%-?\s*include\s+["']postslist(?:-2cols)?\.njk["']/g, instead: "la macro postCards de components/post-cards.njk, ou le gabarit landing avec listTag" },
  { name: "macro component (components/component.njk)", pattern: /components\/component\.njk/g, instead: "la macro card de components/card.njk" },
  { name: "inclusion components/breadcrumb.njk", pattern: /\{%-?\s*include\s+["']components\/breadcrumb\.njk["']/g, instead: "un gabarit (page, landing, guide…), qui affiche le fil d'Ariane lui-même" },
  { name: "inclusions taggroup, pagination, back_to_top", pattern: /\{%-?\s*include\s+["'](?:components\/taggroup|templates\/pagination|components\/back_to_top)\.njk["']/g, instead: "les macros tagLinks et paginationNav de components/" },
  { name: "balise {% js %}", pattern: /\{%-?\s*js\b/g, instead: "un script du site dans src/client/ (chargé par les seules pages qui en ont besoin)" },
  { name: "données metadata", pattern: /\bmetadata\.\w+/g, instead: "les données site (_data/site.json)" },
  { name: "{{ image }} dans le texte", pattern: /\{\{\s*image\s*\}\}/g, instead: "une image Markdown au chemin du fichier (![texte](./vignette.png))" },
];

export interface ContentFile {
  /** path as shown to editors (relative to the project) */
  path: string;
  source: string;
}

/** The content files to scan: templates and folder data files. */
export function contentFiles(inputDir: string): ContentFile[] {
  const files: ContentFile[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(md|njk|html)$|\.11tydata\.js$/.test(entry.name)) files.push({ path: full, source: readFileSync(full, "utf8") });
    }
  };
  walk(inputDir);
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** The front matter's lines, numbered as in the file (the opening `---` is line 1). */
function frontMatterLines(source: string): { line: number; text: string }[] {
  const lines = source.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines[0]?.trim() !== "---") return [];
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === "---");
  return lines.slice(1, end < 0 ? undefined : end).map((text, index) => ({ line: index + 2, text }));
}

/** Front matter the build reads the live site's way: one warning each, with the line and the fix. */
export function lenientFrontMatter(file: ContentFile): Problem[] {
  const at = { severity: "avertissement" as const, check: "compatibilité", url: "/", source: file.path };
  const problems: Problem[] = [];
  const lines = frontMatterLines(file.source);
  for (const [index, { line, text }] of lines.entries()) {
    if (/^[ ]*\t/.test(text)) {
      problems.push({ ...at, message: `ligne ${line} : une tabulation indente le front matter ; elle est lue comme deux espaces. Remplacez-la par des espaces.` });
    }
    const mapFollows = /^[ \t]+\S/.test(lines[index + 1]?.text ?? "");
    if (/^image:\s*(?:""|'')?\s*$/.test(text) && !mapFollows) {
      problems.push({ ...at, message: `ligne ${line} : « image: » est vide ; la page est publiée sans vignette. Indiquez une image ou retirez la ligne.` });
    }
    const quoted = /^date:\s*(["'])(\d{4}-\d{2}-\d{2})\1\s*$/.exec(text);
    if (quoted && calendarDay(quoted[2]!)) {
      problems.push({ ...at, message: `ligne ${line} : la date est entre guillemets (${quoted[1]}${quoted[2]}${quoted[1]}) ; elle est lue comme une date. Retirez les guillemets : date: ${quoted[2]}` });
    }
    if (/^serie:/.test(text)) {
      problems.push({ ...at, message: `ligne ${line} : « serie: » est lu comme « series: ». Écrivez series: pour que la série s'affiche partout.` });
    }
  }
  return problems;
}

/** Every legacy construct found, with its count, the files that use it and the engine's equivalent. */
export function legacyConstructs(files: ContentFile[]): Problem[] {
  const problems: Problem[] = [];
  const commonJs = files.filter((file) => file.path.endsWith(".11tydata.js") && isCommonJsSource(file.source));
  if (commonJs.length) {
    problems.push({
      severity: "avertissement",
      check: "compatibilité",
      url: "/",
      source: commonJs[0]!.path,
      message: `données de dossier en CommonJS (module.exports) dans ${commonJs.length} fichier(s) : ${commonJs.map((f) => f.path).join(", ")}. Elles sont lues ; l'équivalent du moteur est un fichier .11tydata.json (ou export default).`,
    });
  }
  for (const construct of constructs) {
    const uses = files
      .map((file) => ({ file, count: file.source.match(construct.pattern)?.length ?? 0 }))
      .filter(({ count }) => count > 0);
    if (!uses.length) continue;
    const total = uses.reduce((sum, { count }) => sum + count, 0);
    const shown = uses.slice(0, 3).map(({ file }) => file.path).join(", ") + (uses.length > 3 ? ", …" : "");
    problems.push({
      severity: "avertissement",
      check: "compatibilité",
      url: "/",
      source: uses[0]!.file.path,
      message: `${construct.name} : ${total} emploi(s) dans ${uses.length} fichier(s) (${shown}). Il fonctionne toujours ; le moteur propose ${construct.instead}.`,
    });
  }
  return problems;
}

/** The warnings of `npm run check` for content written for the live site's engine. */
export function checkLegacyUsage(inputDir: string): Problem[] {
  const files = contentFiles(inputDir);
  return [...files.flatMap(lenientFrontMatter), ...legacyConstructs(files)];
}
