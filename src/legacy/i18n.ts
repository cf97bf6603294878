/**
 * The live site's `i18n` filter read `_data/i18n/` (French only). The labels its shared includes used are
 * here, in French; a key that is not known prints itself, as live, and is reported once.
 */
export const translations: Readonly<Record<string, string>> = {
  previous: "Précédent",
  next: "Suivant",
  first: "Première page",
  last: "Dernière page",
  page: "Page",
  pagination: "Pagination",
  tags: "Étiquettes",
  all_tags: "Toutes les étiquettes",
  news: "Actualités",
  latest_news: "Dernières actualités",
  published_on: "Publié le",
  updated_on: "Dernière mise à jour le",
  read_more: "Lire la suite",
  search: "Rechercher",
  search_results: "Résultats de recherche",
  back_to_top: "Haut de page",
  share: "Partager la page",
  home: "Accueil",
  breadcrumb: "Fil d'Ariane",
  series: "Série",
};

/** `translations[key]` with `{{name}}` placeholders filled from `data`; the key itself when unknown. */
export function translate(key: unknown, data: Record<string, unknown> = {}, warn: (key: string) => void = () => {}): string {
  const name = String(key ?? "");
  const text = translations[name];
  if (text === undefined) {
    warn(name);
    return name;
  }
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, variable: string) => String(data?.[variable] ?? ""));
}
