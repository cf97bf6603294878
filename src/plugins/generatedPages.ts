import { absoluteUrl, convertHtmlToAbsoluteUrls, dateToRfc3339, getNewestCollectionItemDate } from "@11ty/eleventy-plugin-rss";
import type { EleventyConfig } from "../eleventy-types.ts";
import { generatedTemplate } from "./generatedTemplate.ts";
import { keepListsOnTextEdits } from "../patches/listsOnTextEdits.ts";
import { listPageSize, newsFolder, pageUrl, type ListItem, type ListPage, type TagPage } from "../content/lists.ts";
import type { SeriesListPage } from "../content/media.ts";
import { eventsCalendar, splitEvents } from "../content/events.ts";
import { jsonFeed, type FeedPost, type FeedSite } from "../content/feeds.ts";

const feedSize = 20;

/** " – page 2 sur 5" after the title of every page but the first, so that each title is unique. */
function pageSuffix(pageIndex: number, pageCount: number): string {
  return pageIndex > 0 ? ` – page ${pageIndex + 1} sur ${pageCount}` : "";
}

/** Pages the site derives from its content: lists, feeds, sitemap, calendar. Nothing to maintain by hand. */
export default function generatedPagesPlugin(eleventyConfig: EleventyConfig): void {
  const buildDate = new Date();
  eleventyConfig.addGlobalData("buildDate", () => buildDate);

  eleventyConfig.addFilter("absoluteUrl", absoluteUrl);
  eleventyConfig.addFilter("dateToRfc3339", dateToRfc3339);
  eleventyConfig.addFilter("getNewestCollectionItemDate", getNewestCollectionItemDate);
  const toAbsoluteHtml = (html: string, base: string) => convertHtmlToAbsoluteUrls(html, base, { closingSingleTag: "slash" });
  eleventyConfig.addAsyncFilter("htmlToAbsoluteUrls", toAbsoluteHtml);
  eleventyConfig.addAsyncFilter("jsonFeed", (posts: FeedPost[], site: FeedSite, feedPath: string) =>
    jsonFeed(posts, site, feedPath, toAbsoluteHtml),
  );
  // An event is dated by its first day, often months ahead: feeds list what has happened or been published,
  // so that no reader gets an item (and the Atom feed an <updated>) from the future.
  eleventyConfig.addFilter("publishedByBuild", (posts: ListItem[]) => posts.filter((post) => post.date <= buildDate));
  eleventyConfig.addFilter("upcomingEventsCalendar", (posts: FeedPost[], site: FeedSite) =>
    eventsCalendar(splitEvents(posts, buildDate).upcoming, site.url, `${site.name} – Formations et événements`, buildDate),
  );

  const notListed = { eleventyExcludeFromCollections: true, layout: false };
  // Out of collections.all, where Eleventy would put the first page of the first tag (or series) only:
  // sitemap.xml lists the first page of each from the lists themselves.
  const listedBySitemap = { eleventyExcludeFromCollections: true };
  // Feeds and calendars read the posts' rendered content: render them after the posts.
  const afterNews = { eleventyImport: { collections: ["newsPosts"] } };
  eleventyConfig.addTemplate("generated/news-list.njk", generatedTemplate("news-list"), {
    layout: "layouts/landing.njk",
    title: "Actualités",
    description: "Les nouvelles de la mission : événements, formations, vidéos, podcasts et publications.",
    pagination: { data: "collections.newsPosts", size: listPageSize },
    // Permalinks of generated lists are functions: Eleventy works each out three times per page and per build,
    // and a Nunjucks string costs a render each time (at 6,000 posts, ~0.2 s of every build and dev rebuild).
    permalink: ({ pagination }: { pagination: { pageNumber: number } }) => pageUrl("/actualites/", pagination.pageNumber),
    eleventyComputed: {
      title: ({ pagination }: { pagination: { pageNumber: number; pages: unknown[] } }) =>
        `Actualités${pageSuffix(pagination.pageNumber, pagination.pages.length)}`,
    },
    eleventyNavigation: { key: "actualites", title: "Actualités", order: 10 },
  });
  eleventyConfig.addTemplate("generated/tags-index.njk", generatedTemplate("tags-index"), {
    layout: "layouts/landing.njk",
    title: "Étiquettes des actualités",
    description: "Toutes les étiquettes des actualités, avec le nombre d'articles de chacune.",
    permalink: "/actualites/tags/",
  });
  eleventyConfig.addTemplate("generated/tag-page.njk", generatedTemplate("tag-page"), {
    ...listedBySitemap,
    layout: "layouts/landing.njk",
    pagination: { data: "collections.newsTagPages", size: 1, alias: "tagPage" },
    permalink: ({ tagPage }: { tagPage: TagPage }) => tagPage.url,
    eleventyComputed: {
      title: ({ tagPage }: { tagPage: TagPage }) => `Actualités « ${tagPage.tag} »${pageSuffix(tagPage.pageIndex, tagPage.pageCount)}`,
      description: ({ tagPage }: { tagPage: TagPage }) =>
        `Les actualités de l'étiquette « ${tagPage.tag} », de la plus récente à la plus ancienne.`,
    },
  });
  eleventyConfig.addTemplate("generated/series-page.njk", generatedTemplate("series-page"), {
    ...listedBySitemap,
    layout: "layouts/landing.njk",
    pagination: { data: "collections.seriesListPages", size: 1, alias: "seriesPage" },
    permalink: ({ seriesPage }: { seriesPage: SeriesListPage }) => seriesPage.url,
    eleventyComputed: {
      title: ({ seriesPage }: { seriesPage: SeriesListPage }) =>
        `${seriesPage.series.medium.label} : série « ${seriesPage.series.name} »${pageSuffix(seriesPage.pageIndex, seriesPage.pageCount)}`,
      description: ({ seriesPage }: { seriesPage: SeriesListPage }) => `Tous les épisodes de la série « ${seriesPage.series.name} ».`,
    },
  });
  // Their cards show the posts' front matter only: in the dev server, a save that changed no post's front
  // matter leaves them as they are. The feeds and the calendar, which show the posts' text, are not among them.
  keepListsOnTextEdits(eleventyConfig, ["generated/news-list.njk", "generated/tags-index.njk", "generated/tag-page.njk", "generated/series-page.njk"], newsFolder);
  eleventyConfig.addTemplate("generated/feed-atom.njk", generatedTemplate("feed-atom"), {
    ...notListed,
    ...afterNews,
    feedSize,
    permalink: "/feed/feed.xml",
  });
  eleventyConfig.addTemplate("generated/feed-json.njk", generatedTemplate("feed-json"), {
    ...notListed,
    ...afterNews,
    feedSize,
    permalink: "/feed/feed.json",
  });
  eleventyConfig.addTemplate("generated/sitemap.njk", generatedTemplate("sitemap"), { ...notListed, permalink: "/sitemap.xml" });
  eleventyConfig.addTemplate("generated/robots.njk", generatedTemplate("robots"), { ...notListed, permalink: "/robots.txt" });
  eleventyConfig.addTemplate("generated/manifest.njk", generatedTemplate("manifest"), { ...notListed, permalink: "/favicon/manifest.webmanifest" });
  eleventyConfig.addTemplate("generated/events-ics.njk", generatedTemplate("events-ics"), {
    ...notListed,
    ...afterNews,
    permalink: "/calendar.ics",
  });
}
