/**
 * Eleventy stops when two templates write the same file, with an English message listing them. Editors get
 * instead the address, the files, and what to do: most often, a page the live site kept as a content file
 * that this engine now generates itself (its news list, tag pages, feeds, sitemap, referential…).
 */

/** What each page generated from code (src/plugins/*.ts, `addTemplate`) is, for the reader of the message. */
const generatedPages: Record<string, string> = {
  "news-list": "la liste des actualités et ses pages",
  "tags-index": "l'index des étiquettes",
  "tag-page": "les pages des étiquettes",
  "series-page": "les pages des séries de vidéos et de podcasts",
  "feed-atom": "le flux Atom des actualités",
  "feed-json": "le flux JSON des actualités",
  sitemap: "sitemap.xml",
  robots: "robots.txt",
  manifest: "le manifeste web du site (icônes, nom, couleurs)",
  "events-ics": "le calendrier des événements",
  "rgesn-index": "la page du référentiel d'écoconception (RGESN)",
  "rgesn-theme": "les pages des thématiques du référentiel d'écoconception",
  "rgesn-criterion": "les pages des critères du référentiel d'écoconception",
  "rgesn-csv": "l'export CSV du référentiel",
  "rgesn-json": "l'export JSON du référentiel",
  "search-page": "la page de recherche",
  redirect: "une redirection depuis une ancienne adresse du site",
};

const generatedFolder = /[\\/]generated[\\/]([\w-]+)\.njk$/;

/** The address a conflicting output file answers at, from its path in the (staging) output folder. */
function addressOf(outputPath: string): string {
  const inSite = outputPath.replace(/\\/g, "/").replace(/^.*?\/_site[^/]*\//, "/").replace(/^.*\.partial-\d+\//, "/");
  return inSite.replace(/index\.html$/, "");
}

/** A French explanation of Eleventy's "Output conflict" message, or undefined for any other message. */
export function explainOutputConflict(message: string): string | undefined {
  const target = /writing to `([^`]+)`/.exec(message)?.[1];
  if (!target) return undefined;
  const files = [...message.matchAll(/^\s+\d+\. (.+)$/gm)].map((match) => match[1]!.trim());
  const address = addressOf(target);
  const generated = files.flatMap((file) => {
    const name = generatedFolder.exec(file)?.[1];
    return name ? [name] : [];
  });
  const contentFiles = files.filter((file) => !generatedFolder.test(file));
  if (generated[0] === "redirect" && contentFiles.length) {
    return [
      `${contentFiles.join(" et ")} écrit l'adresse ${address}, une ancienne adresse que le site redirige vers sa nouvelle (_data/redirects.json, ou une redirection que le moteur déduit des listes et des séries).`,
      "Supprimez ce fichier si la page a été remplacée (la recherche du site est à /recherche/), ou retirez la redirection de _data/redirects.json pour garder la page.",
    ].join("\n");
  }
  if (generated.length && contentFiles.length) {
    const what = generatedPages[generated[0]!] ?? "une page";
    return [
      `${contentFiles.join(" et ")} écrit l'adresse ${address}, que le moteur produit désormais lui-même (${what}).`,
      `Supprimez ce fichier du contenu : la page est générée à partir des actualités et des données du site.`,
      `(CONTRIBUTING.md, « Reprendre le contenu du site actuel », liste les fichiers concernés.)`,
    ].join("\n");
  }
  return [
    `Plusieurs fichiers écrivent la même adresse ${address} :`,
    ...files.map((file) => `  - ${file}`),
    "Donnez à chacun un permalink différent (ou retirez celui qui est en trop).",
  ].join("\n");
}
