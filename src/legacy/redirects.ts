import { listPageSize, pageUrl } from "../content/lists.ts";
import { escapeAttribute } from "../content/html.ts";
import { withPathPrefix } from "../content/pathPrefix.ts";

/**
 * Old addresses of the live site that now answer elsewhere. A static host has no redirects of its own, so each
 * is a page of the site (src/legacy/plugin.ts) with, in its head, a script that keeps the query (renamed where
 * the new page reads another name) and the fragment, a meta refresh for browsers without JavaScript, noindex
 * and a canonical link to the new address; its text is a link there.
 */
export interface Redirect {
  from: string;
  to: string;
  /** query parameters carried over, old name → new name (`/search-results/?term=x` → `/recherche/?q=x`) */
  query?: Record<string, string>;
}

/** The live site cut its news and tag lists into pages of six. */
export const livePageSize = 6;

/**
 * The pages of a list the live site had (six items a page) beyond those it has now: each leads to the page that
 * now holds the first item it showed.
 */
export function listPageRedirects(base: string, itemCount: number, oldSize = livePageSize, newSize = listPageSize): Redirect[] {
  const oldPages = Math.ceil(itemCount / oldSize);
  const newPages = Math.max(1, Math.ceil(itemCount / newSize));
  const redirects: Redirect[] = [];
  for (let page = newPages + 1; page <= oldPages; page++) {
    redirects.push({ from: pageUrl(base, page - 1), to: pageUrl(base, Math.floor(((page - 1) * oldSize) / newSize)) });
  }
  return redirects;
}

const seriesFolders = ["/ressources/videos/serie/", "/ressources/podcasts/serie/"];

/**
 * The live site gave every series a page under both /ressources/videos/serie/ and /ressources/podcasts/serie/;
 * the engine makes one, under its medium. The other address leads to it, unless a page is there.
 */
export function seriesRedirects(seriesUrls: string[]): Redirect[] {
  const existing = new Set(seriesUrls);
  return seriesUrls.flatMap((url) => {
    const folder = seriesFolders.find((f) => url.startsWith(f));
    if (!folder) return [];
    return seriesFolders
      .filter((other) => other !== folder)
      .map((other) => ({ from: other + url.slice(folder.length), to: url }))
      .filter((redirect) => !existing.has(redirect.from));
  });
}

/** Redirects with the same old address: the first one given wins (the data file comes first). */
export function uniqueRedirects(redirects: Redirect[]): Redirect[] {
  const seen = new Set<string>();
  return redirects.filter((redirect) => !seen.has(redirect.from) && seen.add(redirect.from));
}

/**
 * What the old address's page adds to its <head>: noindex, the script that goes on, the meta refresh, to the
 * new address under the build's path prefix (a preview's sub-folder; "/" for the site).
 */
export function redirectHead(redirect: Redirect, prefix = "/"): string {
  const to = withPathPrefix(redirect.to, prefix);
  const target = escapeAttribute(to);
  const script = `(function(){var o=new URLSearchParams(location.search),n=new URLSearchParams(),m=${JSON.stringify(redirect.query ?? {})};` +
    `for(var k in m){var v=o.get(k);if(v!==null)n.set(m[k],v)}var q=n.toString();` +
    `location.replace(${JSON.stringify(to).replace(/</g, "\\u003c")}+(q?"?"+q:"")+location.hash)})()`;
  return `<meta name="robots" content="noindex">\n<script>${script}</script>\n<meta http-equiv="refresh" content="0; url=${target}">`;
}
