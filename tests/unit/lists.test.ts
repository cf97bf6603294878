import { describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { groupByYear, paginate, paginationItems, seriesOf, tagIndex, tagPages, type ListItem } from "../../src/content/lists.ts";
import { seriesPages, seriesUrl } from "../../src/content/media.ts";
import { eventsCalendar, splitEvents } from "../../src/content/events.ts";
import { buildSiteTree } from "../../src/content/siteTree.ts";

const post = (name: string, date: string, tags: string[] = [], extra: Record<string, unknown> = {}): ListItem => ({
  inputPath: `./content/actualites/${name}.md`,
  url: `/actualites/${name}/`,
  date: new Date(date),
  data: { title: name, tags, ...extra },
});

describe("paginate", () => {
  const items = Array.from({ length: 21 }, (_, i) => i);
  it("cuts exactly N per page, with the remainder on the last page", () => {
    const pages = paginate(items, "/actualites/", 10);
    expect(pages.map((p) => p.items.length)).toEqual([10, 10, 1]);
    expect(pages[2]!.pageUrls).toEqual(["/actualites/", "/actualites/page-2/", "/actualites/page-3/"]);
    expect(pages.map((p) => p.url)).toEqual(pages[0]!.pageUrls);
  });
  it("gives a single page for a short or empty list", () => {
    expect(paginate([1, 2], "/x/", 10)).toHaveLength(1);
    expect(paginate([], "/x/", 10)).toMatchObject([{ items: [], pageCount: 1 }]);
  });
});

describe("paginationItems", () => {
  const urls = Array.from({ length: 10 }, (_, i) => (i === 0 ? "/a/" : `/a/page-${i + 1}/`));
  it("shows every page when there are few, the current one without a link", () => {
    const items = paginationItems(urls.slice(0, 3), 1);
    expect(items).toEqual([
      { kind: "page", number: 1, url: "/a/", current: false },
      { kind: "page", number: 2, url: undefined, current: true },
      { kind: "page", number: 3, url: "/a/page-3/", current: false },
    ]);
  });
  it("keeps the first, the last and the neighbours of the current page when there are many", () => {
    const numbers = paginationItems(urls, 4).map((item) => (item.kind === "gap" ? "…" : item.number));
    expect(numbers).toEqual([1, "…", 4, 5, 6, "…", 10]);
  });
});

describe("tags", () => {
  const posts = [post("a", "2025-01-01", ["Événement", "IA et Data"]), post("b", "2025-02-01", ["Lettre d'information", "IA et Data"])];
  it("gives stable slugs to tags with accents, spaces and apostrophes", () => {
    expect(tagIndex(posts).map((t) => [t.tag, t.url, t.count])).toEqual([
      ["Événement", "/actualites/tags/evenement/", 1],
      ["IA et Data", "/actualites/tags/ia-et-data/", 2],
      ["Lettre d'information", "/actualites/tags/lettre-d-information/", 1],
    ]);
  });
  it("paginates each tag on its own", () => {
    const many = Array.from({ length: 12 }, (_, i) => post(`p${i}`, "2025-01-01", ["Vidéo"]));
    expect(tagPages(many, 10).map((p) => p.url)).toEqual(["/actualites/tags/video/", "/actualites/tags/video/page-2/"]);
  });
});

describe("series", () => {
  const posts = [
    post("v1", "2025-01-01", ["Vidéo"], { series: "Saison 1" }),
    post("v2", "2025-03-01", ["Vidéo"], { series: "Saison 1" }),
    post("v3", "2025-02-01", ["Vidéo"], { series: "Saison 2" }),
    post("p1", "2025-02-01", ["Podcast"], { series: "Saison 1" }),
    post("n", "2025-02-01", ["Vidéo"]),
  ];
  it("lists episodes newest first, series by their latest episode, none without episodes", () => {
    const series = seriesOf(posts.filter((p) => p.data.tags?.includes("Vidéo")), "/ressources/videos/");
    expect(series.map((s) => [s.name, s.url, s.episodes.map((e) => e.data.title)])).toEqual([
      ["Saison 1", "/ressources/videos/serie/saison-1/", ["v2", "v1"]],
      ["Saison 2", "/ressources/videos/serie/saison-2/", ["v3"]],
    ]);
  });
  it("separates videos and podcasts of the same series name", () => {
    expect(seriesPages(posts).map((s) => s.url)).toEqual([
      "/ressources/videos/serie/saison-1/",
      "/ressources/videos/serie/saison-2/",
      "/ressources/podcasts/serie/saison-1/",
    ]);
    expect(seriesUrl("Saison 1", ["Podcast"])).toBe("/ressources/podcasts/serie/saison-1/");
    expect(seriesUrl("Saison 1", ["MiNumEco"])).toBeUndefined();
  });
});

describe("groupByYear", () => {
  it("groups consecutive items by year", () => {
    const groups = groupByYear([post("a", "2026-01-01"), post("b", "2025-06-01"), post("c", "2025-01-01")]);
    expect(groups.map((g) => [g.year, g.items.length])).toEqual([
      [2026, 1],
      [2025, 2],
    ]);
  });
});

describe("events", () => {
  const now = new Date("2026-11-23T10:00:00Z");
  const posts = [
    post("futur", "2027-02-10", ["Formation"], { location: "Paris, salle 1", description: "Une journée ; pour tous" }),
    post("aujourdhui", "2026-11-23", ["Événement"]),
    post("passe", "2025-11-20", ["Événement"], { endDate: new Date("2025-11-21") }),
    post("long", "2026-11-20", ["Événement"], { endDate: new Date("2026-11-24") }),
    post("autre", "2027-01-01", ["Vidéo"]),
  ];
  it("splits upcoming (soonest first) from past events as of the build day", () => {
    const { upcoming, past } = splitEvents(posts, now);
    expect(upcoming.map((e) => e.data.title)).toEqual(["long", "aujourdhui", "futur"]);
    expect(past.map((e) => e.data.title)).toEqual(["passe"]);
  });
  it("writes an iCalendar file that a real parser reads back", () => {
    const ics = eventsCalendar(splitEvents(posts, now).upcoming, "https://example.gouv.fr", "Agenda", now);
    expect(ics).toContain("\r\n");
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual(["long", "aujourdhui", "futur"]);
    const future = events[2]!;
    expect(future.location).toBe("Paris, salle 1");
    expect(future.description).toBe("Une journée ; pour tous");
    expect(future.startDate.toString()).toBe("2027-02-10");
    expect(future.endDate.toString()).toBe("2027-02-11");
    expect(future.component.getFirstPropertyValue("url")).toBe("https://example.gouv.fr/actualites/futur/");
    expect(events[0]!.endDate.toString()).toBe("2026-11-25");
  });
  it("folds long lines at 75 octets", () => {
    const long = post("x", "2027-01-01", ["Formation"], { title: "É".repeat(80) });
    const ics = eventsCalendar([long], "https://example.gouv.fr", "Agenda", now);
    for (const line of ics.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")!);
    expect(event.summary).toBe("É".repeat(80));
  });
});

describe("buildSiteTree", () => {
  it("nests pages under the nearest page whose URL contains theirs", () => {
    const tree = buildSiteTree([
      { title: "Accueil", url: "/" },
      { title: "Publications", url: "/publications/" },
      { title: "Sous-page", url: "/publications/guide/etape/" },
      { title: "Guide", url: "/publications/guide/" },
      { title: "Orpheline", url: "/perdue/sous/page/" },
    ]);
    expect(tree.map((n) => n.title)).toEqual(["Orpheline", "Publications"]);
    expect(tree[1]!.children[0]!.children[0]!.title).toBe("Sous-page");
  });
});

describe("the news collections", () => {
  /** The collections plugin on a stand-in configuration that keeps what it registers. */
  async function registeredCollections() {
    const { default: collectionsPlugin } = await import("../../src/plugins/collections.ts");
    const collections = new Map<string, (api: unknown) => unknown>();
    const ignore = () => undefined;
    const config = { directories: { input: "./content/" }, addCollection: (name: string, make: (api: unknown) => unknown) => collections.set(name, make), addFilter: ignore, addGlobalData: ignore };
    collectionsPlugin(config as never);
    return collections;
  }
  const fakeApi = (posts: ListItem[]) => {
    const api = { reads: 0, getFilteredByGlob: () => (api.reads++, [...posts]) };
    return api;
  };

  it("reads and sorts the news once per build for all five collections, each getting its own list", async () => {
    const collections = await registeredCollections();
    const api = fakeApi([post("b", "2025-01-01", ["Vidéo"], { series: "S" }), post("a", "2025-02-01", ["Vidéo"], { series: "S" })]);
    const lists = ["newsPosts", "newsTags", "newsTagPages", "seriesPages", "seriesListPages"].map((name) => collections.get(name)!(api));
    expect(api.reads).toBe(1);
    const news = lists[0] as ListItem[];
    expect(news.map((p) => p.url)).toEqual(["/actualites/a/", "/actualites/b/"]);
    news.reverse();
    expect((collections.get("newsPosts")!(api) as ListItem[])[0]!.url).toBe("/actualites/a/");
    // A later build (a new api) reads the posts again: a post added meanwhile is in it.
    const next = fakeApi([post("c", "2025-03-01")]);
    expect((collections.get("newsPosts")!(next) as ListItem[]).map((p) => p.url)).toEqual(["/actualites/c/"]);
    expect(next.reads).toBe(1);
  });
});
