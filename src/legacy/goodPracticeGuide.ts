import type { GuideMenu, MenuLink } from "../content/navigationTree.ts";

/**
 * The good-practice guide's side menu. The live layouts wrote it by hand, with fixed addresses: its home, an
 * "À propos" group of six pages, then "Bonnes pratiques". Seven of its pages have no `eleventyNavigation`, so
 * the menu cannot come from the navigation tree: it is made from the pages that use the guide's layouts, by the
 * last segment of their address, and an entry whose page does not exist is left out (never a dead link).
 */
export const goodPracticeLayouts = ["layouts/bonne-pratique/default.njk", "layouts/bonne-pratique/thematique.njk"];

const aboutSlugs = ["introduction", "synthese", "glossaire", "bibliographie", "webographie", "journal-des-modifications"];
const practicesSlug = "bonnes-pratiques";

export interface GuidePage {
  url: string | false;
  data: { title?: string; layout?: string; eleventyNavigation?: { order?: number } };
}

const lastSegment = (url: string) => url.split("/").filter(Boolean).at(-1) ?? "";

function link(page: { url: string; data: GuidePage["data"] }, currentUrl: string, children: MenuLink[] = []): MenuLink {
  const current = page.url === currentUrl;
  return { title: page.data.title ?? lastSegment(page.url), url: page.url, current, active: current || children.some((child) => child.active), children };
}

export function isGoodPracticeLayout(layout: unknown): boolean {
  return typeof layout === "string" && goodPracticeLayouts.includes(layout);
}

/** The menu for a page of the guide, or undefined when the guide has no home page (no page at all). */
export function goodPracticeMenu(items: readonly GuidePage[], currentUrl: string): GuideMenu | undefined {
  const pages = items.filter(
    (item): item is { url: string; data: GuidePage["data"] } => typeof item.url === "string" && isGoodPracticeLayout(item.data.layout),
  );
  // Its home: the page every other one sits under (the shortest address).
  const home = [...pages].sort((a, b) => a.url.length - b.url.length || a.url.localeCompare(b.url))[0];
  if (!home) return undefined;
  const bySlug = new Map(pages.filter((page) => page !== home).map((page) => [lastSegment(page.url), page]));
  const about = aboutSlugs.flatMap((slug) => {
    const page = bySlug.get(slug);
    return page ? [link(page, currentUrl)] : [];
  });
  const entries: MenuLink[] = [];
  if (about.length) entries.push({ title: "À propos", url: "", current: false, active: about.some((entry) => entry.active), children: about });
  const practices = bySlug.get(practicesSlug);
  if (practices) {
    // The thematic pages belong under "Bonnes pratiques" (the live breadcrumb says so); the live menu had no room for them.
    const themes = pages
      .filter((page) => page.data.layout === goodPracticeLayouts[1])
      .sort((a, b) => (a.data.eleventyNavigation?.order ?? 0) - (b.data.eleventyNavigation?.order ?? 0) || (a.data.title ?? "").localeCompare(b.data.title ?? "", "fr"))
      .map((page) => link(page, currentUrl));
    entries.push(link(practices, currentUrl, themes));
  }
  // Headed by the guide's title, as the engine's other guides are (the live menu said "Accueil", as the site's header does).
  return { root: { ...link(home, currentUrl), active: true }, items: entries };
}
