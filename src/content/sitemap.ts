import path from "node:path";

/** What sitemap.xml needs of one written page. */
export interface WrittenPage {
  /** The page's canonical address, absolute (its `<link rel="canonical">`). */
  location: string;
  inputPath: string;
  /** Eleventy's date of the page: its front matter's, or its file's creation time when it has none. */
  date: Date;
  /** The dates the page shows (`<time datetime>`), as times: a list's posts. */
  shownDates: number[];
}

const noIndex = /<meta name="robots" content="[^"]*noindex/;
const canonical = /<link rel="canonical" href="([^"]+)"/;
const shownDates = /<time datetime="(\d{4}-\d{2}-\d{2})/g;

/**
 * A page as sitemap.xml lists it, or nothing for a page search engines are told to leave out (an old address that
 * redirects, the editor, the search results) or that names no canonical address (not a page of the site's layout).
 */
export function sitemapPage(html: string, page: { inputPath: string; date: Date }): WrittenPage | undefined {
  if (noIndex.test(html)) return undefined;
  const location = canonical.exec(html)?.[1];
  if (!location) return undefined;
  const dates = [...html.matchAll(shownDates)].map((match) => Date.parse(`${match[1]}T00:00:00Z`));
  return { location, inputPath: page.inputPath, date: page.date, shownDates: dates };
}

/**
 * When the page last changed: its file's last commit (the front-matter date is when it was published, and a file
 * without one is dated by its creation, which a fresh clone sets to the clone's time); for a page generated from
 * code, the last commit of the data it shows, or its newest date shown; outside git, its own date. Never after the
 * build: search engines ignore a date to come (an event's page is dated by the event).
 */
export function lastChange(page: WrittenPage, commitDates: Map<string, Date>, builtAt: Date, generatedFrom: Map<string, string> = new Map()): Date {
  const file = path.normalize(page.inputPath);
  const source = [...generatedFrom].find(([template]) => file.endsWith(path.normalize(template)))?.[1];
  const committed = commitDates.get(path.normalize(source ?? file));
  const past = page.shownDates.filter((time) => time <= builtAt.getTime());
  const shown = past.length ? new Date(Math.max(...past)) : undefined;
  const date = committed ?? shown ?? page.date;
  return date > builtAt ? builtAt : date;
}

const xmlText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** sitemap.xml of the written pages, each address once, sorted. */
export function sitemapXml(pages: Iterable<WrittenPage>, commitDates: Map<string, Date>, builtAt: Date, generatedFrom?: Map<string, string>): string {
  const byLocation = new Map<string, Date>();
  for (const page of pages) {
    const date = lastChange(page, commitDates, builtAt, generatedFrom);
    const known = byLocation.get(page.location);
    if (!known || date > known) byLocation.set(page.location, date);
  }
  const entries = [...byLocation].sort(([a], [b]) => a.localeCompare(b));
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...entries.map(([location, date]) => `  <url>\n    <loc>${xmlText(location)}</loc>\n    <lastmod>${date.toISOString().slice(0, 10)}</lastmod>\n  </url>`),
    "</urlset>",
    "",
  ].join("\n");
}
