import type { Problem } from "./types.ts";

type Doc = Document;

/** Structure checks on one page: the ones that broke the old site most often. */
export function checkDom(doc: Doc, url: string, source?: string): Problem[] {
  const problems: Problem[] = [];
  const add = (message: string, severity: Problem["severity"] = "erreur") =>
    problems.push({ severity, check: "structure", url, source, message });

  if (!doc.documentElement.getAttribute("lang")) add("la langue de la page (lang) n'est pas indiquée.");
  if (!doc.title.trim()) add("la page n'a pas de titre (<title>).");
  const h1 = doc.querySelectorAll("h1");
  if (h1.length !== 1) add(`la page a ${h1.length} titres de niveau 1 (h1) au lieu d'un seul : gardez un seul titre principal.`);

  // Heading levels in the content must not skip one (h2 then h4).
  const main = doc.querySelector("main");
  let previous = 1;
  for (const heading of main?.querySelectorAll("h1, h2, h3, h4, h5, h6") ?? []) {
    if (heading.closest("dialog")) continue;
    const level = Number(heading.tagName[1]);
    if (level > previous + 1) {
      add(`le titre « ${heading.textContent?.trim()} » est de niveau ${level} juste après un niveau ${previous} : n'en sautez pas (utilisez ${"#".repeat(previous + 1)} en Markdown).`);
    }
    previous = level;
  }
  for (const img of doc.querySelectorAll("img:not([alt])")) {
    add(`l'image ${img.getAttribute("src")} n'a pas d'attribut alt : décrivez-la, ou écrivez alt="" si elle est décorative.`);
  }
  for (const iframe of doc.querySelectorAll("iframe:not([title])")) {
    add(`le cadre ${iframe.getAttribute("src")} n'a pas de titre (title) : indiquez ce qu'il contient.`);
  }
  const seen = new Set<string>();
  for (const element of doc.querySelectorAll("[id]")) {
    if (seen.has(element.id)) add(`l'identifiant « ${element.id} » est utilisé plusieurs fois dans la page : chaque id doit être unique.`);
    seen.add(element.id);
  }
  return problems;
}

/** Titles must differ from page to page, so that tabs, bookmarks and search results can be told apart. */
export function checkUniqueTitles(titles: { url: string; source?: string; title: string }[]): Problem[] {
  const byTitle = new Map<string, string[]>();
  for (const { url, title } of titles) byTitle.set(title, [...(byTitle.get(title) ?? []), url]);
  return titles
    .filter(({ title }) => (byTitle.get(title)?.length ?? 0) > 1)
    .map(({ url, source, title }) => ({
      severity: "erreur" as const,
      check: "structure",
      url,
      source,
      message: `le titre « ${title} » est aussi celui de ${byTitle.get(title)!.filter((u) => u !== url).join(", ")} : donnez un titre distinct.`,
    }));
}
