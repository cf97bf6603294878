import { convertHtmlToAbsoluteUrls } from "@11ty/eleventy-plugin-rss";
import { readFileSync } from "node:fs";
import path from "node:path";
import { inputDirectory, type CollectionApi, type CollectionItem, type EleventyConfig, type RenderContext } from "../eleventy-types.ts";
import { newsFolder, tagIndex, type ListItem } from "../content/lists.ts";
import { seriesPages } from "../content/media.ts";
import { sitePathPrefix } from "../content/pathPrefix.ts";
import { listPageRedirects, redirectHead, seriesRedirects, uniqueRedirects, type Redirect } from "./redirects.ts";
import { readCommonJsFolderData } from "./commonJsData.ts";
import {
  filterCollectionLang,
  filterTagList,
  getAllTags,
  getPostsForYear,
  getYears,
  htmlDateString,
  inSeries,
  isFutureDate,
  limit,
  noSeries,
  readableDate,
} from "./filters.ts";
import { eleventyNavigationByKeys, eleventyNavigationExtended } from "./navigation.ts";
import { translate } from "./i18n.ts";
import { goodPracticeMenu, isGoodPracticeLayout, type GuidePage } from "./goodPracticeGuide.ts";
import { liveMetadata } from "./metadata.ts";
import { addStaticFiles } from "../plugins/staticFiles.ts";

type LangContext = RenderContext & { ctx?: { page?: { lang?: string } }; page?: { lang?: string; url?: string } };

function pageLang(context: LangContext): string {
  return context.page?.lang ?? context.ctx?.page?.lang ?? "fr";
}

/** True when a page answers at the URL as written, or at the same URL with its trailing slash. */
function pageAnswersAt(urls: Set<string>, url: string): boolean {
  return urls.has(url) || (!url.endsWith("/") && urls.has(`${url}/`));
}

/**
 * The live site's template API (its Eleventy 2 filters, data and collections), so that its content folder
 * builds unchanged. Everything the layer adds is listed, with the choices made, in src/legacy/README.md.
 */
export default function legacyTemplateApiPlugin(eleventyConfig: EleventyConfig): void {
  readCommonJsFolderData();
  // The live site's Nunjucks: a block tag alone on its line leaves no blank line behind. Its content relies on
  // it (block tags indented inside HTML: the leftover whitespace line would end the HTML block in Markdown).
  eleventyConfig.setNunjucksEnvironmentOptions({ trimBlocks: true, lstripBlocks: true });
  // The HtmlBase filters, for a site served at the domain root. Not Eleventy's HtmlBase plugin: it registers an
  // HTML transform that re-serialises every page (and costs a parse of each), even when it has nothing to do.
  const withBase = (url: unknown, base?: string) => {
    const link = String(url ?? "");
    return base && base !== "/" && link.startsWith("/") ? new URL(link, base).href : link;
  };
  eleventyConfig.addFilter("htmlBaseUrl", withBase);
  eleventyConfig.addFilter("addPathPrefixToFullUrl", (url: unknown) => String(url ?? ""));
  eleventyConfig.addAsyncFilter("transformWithHtmlBase", (html: string, base?: string) =>
    base && base !== "/" ? convertHtmlToAbsoluteUrls(html, base, { closingSingleTag: "slash" }) : html,
  );
  // `{% js "body" %}…{% endjs %}`: the page's script, printed by the base layout at the end of <body> (the page's
  // content renders before its layout). Not Eleventy's bundle plugin: it re-serialises every page's HTML.
  const bodyScripts = new Map<string, string[]>();
  eleventyConfig.addPairedShortcode("js", function (this: LangContext, code: string) {
    const url = this.page?.url;
    if (url && code.trim()) bodyScripts.set(url, [...new Set([...(bodyScripts.get(url) ?? []), code])]);
    return "";
  });
  eleventyConfig.addFilter("bodyScripts", (url: string) => {
    const code = bodyScripts.get(url);
    bodyScripts.delete(url);
    return code ? `<script>${code.join("\n")}</script>` : "";
  });

  eleventyConfig.addGlobalData("pagePrefix", "page-");
  eleventyConfig.addGlobalData("metadata", () => liveMetadata((eleventyConfig.directories as { data: string }).data));

  eleventyConfig.addFilter("htmlDateString", htmlDateString);
  eleventyConfig.addFilter("readableDate", function (this: LangContext, date: unknown, format?: string, zone?: string) {
    return readableDate(date, format, zone, pageLang(this));
  });
  eleventyConfig.addFilter("isFutureDate", (date: unknown) => isFutureDate(date));
  eleventyConfig.addFilter("getYears", getYears);
  eleventyConfig.addFilter("getPostsForYear", getPostsForYear);
  eleventyConfig.addFilter("limit", limit);
  eleventyConfig.addFilter("series", inSeries);
  eleventyConfig.addFilter("noSeries", noSeries);
  eleventyConfig.addFilter("filterTagList", filterTagList);
  eleventyConfig.addFilter("getAllTags", getAllTags);
  eleventyConfig.addFilter("filterCollectionLang", function (this: LangContext, items: CollectionItem[], lang?: string) {
    return filterCollectionLang(items, lang ?? pageLang(this));
  });
  eleventyConfig.addFilter("eleventyNavigationExtended", eleventyNavigationExtended);
  eleventyConfig.addFilter("eleventyNavigationByKeys", eleventyNavigationByKeys);
  eleventyConfig.addFilter("isGoodPracticeLayout", isGoodPracticeLayout);
  eleventyConfig.addFilter("goodPracticeMenu", (all: GuidePage[], url: string) => goodPracticeMenu(all, url));

  const unknownKeys = new Set<string>();
  eleventyConfig.addFilter("i18n", (key: unknown, data?: Record<string, unknown>) =>
    translate(key, data, (name) => {
      if (unknownKeys.has(name)) return;
      unknownKeys.add(name);
      console.warn(`[compatibilité] i18n : clé « ${name} » inconnue, affichée telle quelle (src/legacy/i18n.ts).`);
    }),
  );

  // locale_url: the URL unchanged, provided a page answers there. A link to no page stops the build, as live,
  // once every page is rendered, with all such links in one message (thrown from the filter, Nunjucks would
  // keep only "Error in Nunjucks Filter").
  let urls = new Set<string>();
  let deadLinks: string[] = [];
  eleventyConfig.on("eleventy.before", () => {
    deadLinks = [];
  });
  eleventyConfig.on("eleventy.contentMap", ({ urlToInputPath }: { urlToInputPath: Record<string, unknown> }) => {
    urls = new Set(Object.keys(urlToInputPath));
  });
  eleventyConfig.addFilter("locale_url", function (this: LangContext, url: unknown) {
    const link = String(url ?? "");
    if (!link.startsWith("/") || link.startsWith("//")) return link;
    const pathOnly = link.split(/[?#]/, 1)[0]!;
    if (!pageAnswersAt(urls, pathOnly)) deadLinks.push(`  - ${this.page?.inputPath ?? "(gabarit)"} : « ${link} »`);
    return link;
  });
  eleventyConfig.on("eleventy.after", () => {
    if (!deadLinks.length) return;
    throw new Error(
      `Liens vers des pages qui n'existent pas (filtre locale_url) :\n${[...new Set(deadLinks)].join("\n")}\n` +
        "Corrigez chaque adresse, ou retirez le lien si la page a été supprimée.",
    );
  });

  // The live site's own collections, under their names.
  eleventyConfig.addCollection("allSortedByPathAsc", (api: CollectionApi) =>
    api.getAll().sort((a, b) => a.inputPath.localeCompare(b.inputPath)),
  );
  eleventyConfig.addCollection("parSeries", (api: CollectionApi) => {
    const bySeries: Record<string, CollectionItem[]> = {};
    for (const item of api.getAllSorted()) {
      const name = item.data.series;
      if (typeof name === "string" && name) (bySeries[name] ??= []).push(item);
    }
    return bySeries;
  });

  // Every old address answers: the redirects of _data/redirects.json, then those that follow from the content
  // (list pages past the last one, series under the other medium's folder).
  const dataDirectory = () => (eleventyConfig.directories as { data: string }).data;
  const newsGlob = `${inputDirectory(eleventyConfig)}${newsFolder}/**/*.md`;
  eleventyConfig.addCollection("legacyRedirects", (api: CollectionApi) => {
    const listed = JSON.parse(readFileSync(path.join(dataDirectory(), "redirects.json"), "utf8")) as Redirect[];
    const posts = api.getFilteredByGlob(newsGlob) as ListItem[];
    return uniqueRedirects([
      ...listed,
      ...listPageRedirects("/actualites/", posts.length),
      ...tagIndex(posts).flatMap((tag) => listPageRedirects(tag.url, tag.count)),
      ...seriesRedirects(seriesPages(posts).map((series) => series.url)),
    ]);
  });
  // A page of the site (header, footer, a link to follow), which the base layout turns into a redirect.
  eleventyConfig.addFilter("redirectHead", (redirect: Redirect) => redirectHead(redirect, sitePathPrefix()));
  eleventyConfig.addTemplate(
    "generated/redirect.njk",
    '<div class="fr-container fr-my-8w"><h1>Cette page a changé d\'adresse</h1><p><a class="fr-link" href="{{ legacyRedirect.to }}">Aller à la nouvelle adresse de la page</a></p></div>',
    {
      layout: "layouts/base.njk",
      eleventyExcludeFromCollections: true,
      pagination: { data: "collections.legacyRedirects", size: 1, alias: "legacyRedirect" },
      permalink: ({ legacyRedirect }: { legacyRedirect: Redirect }) => legacyRedirect.from,
      eleventyComputed: { title: ({ legacyRedirect }: { legacyRedirect: Redirect }) => `Page déplacée : ${legacyRedirect.from}` },
    },
  );
  // DSFR's artwork at the live site's address (its 404 page shows it from there).
  addStaticFiles(eleventyConfig, [{ from: "node_modules/@gouvfr/dsfr/dist/artwork", to: "artwork" }]);
}
