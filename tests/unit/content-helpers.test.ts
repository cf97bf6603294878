import { describe, expect, it } from "vitest";
import { anchorHeadings } from "../../src/content/headings.ts";
import { resolveImage } from "../../src/content/images.ts";
import { slugify } from "../../src/content/slug.ts";
import { dateFr, dateIso } from "../../src/content/dates.ts";
import { seriesNeighbours } from "../../src/content/series.ts";
import { isDraftVisible } from "../../src/content/drafts.ts";
import { numberFr } from "../../src/content/numbers.ts";

describe("anchorHeadings", () => {
  it("gives h2 stable, unique ids and keeps ids set by the editor", () => {
    const { html, headings } = anchorHeadings(
      '<h2>L’équipe</h2><p>x</p><h2 class="a">L’équipe</h2><h2 id="garde">Gardé</h2><h3>Non</h3>',
    );
    expect(headings).toEqual([
      { id: "l-equipe", text: "L’équipe" },
      { id: "l-equipe-2", text: "L’équipe" },
      { id: "garde", text: "Gardé" },
    ]);
    expect(html).toContain('<h2 class="a" id="l-equipe-2">');
    expect(html).toContain("<h3>Non</h3>");
  });
});

describe("resolveImage", () => {
  it("resolves a map relative to the Markdown file", () => {
    expect(resolveImage({ path: "./vignette.svg", alt: "" }, "./content/actualites/videos/ep.md", "./content/")).toEqual({
      src: "/actualites/videos/vignette.svg",
      alt: "",
    });
  });
  it("keeps absolute paths and never returns [object Object]", () => {
    expect(resolveImage("/img/x.png", "./content/a.md")).toEqual({ src: "/img/x.png", alt: "" });
    expect(resolveImage({ alt: "x" }, "./content/a.md")).toBeUndefined();
    expect(resolveImage(undefined, "./content/a.md")).toBeUndefined();
  });
});

describe("small helpers", () => {
  it("slugifies French text", () => {
    expect(slugify("Paroles d'experts saison 1")).toBe("paroles-d-experts-saison-1");
    expect(slugify("Événement & Œuvre")).toBe("evenement-oeuvre");
  });
  it("formats calendar dates in French, in UTC", () => {
    expect(dateFr(new Date("2026-03-16"))).toBe("16 mars 2026");
    expect(dateIso(new Date("2026-03-16"))).toBe("2026-03-16");
    expect(dateFr("pas une date")).toBe("");
  });
  it("shows drafts only in the dev server", () => {
    expect(isDraftVisible("serve")).toBe(true);
    expect(isDraftVisible("build")).toBe(false);
  });
});

describe("seriesNeighbours", () => {
  const post = (inputPath: string, date: string, series?: string) => ({
    inputPath,
    url: `/${inputPath}/`,
    date: new Date(date),
    data: { title: inputPath, series },
  });
  const posts = [post("c", "2025-03-01", "S"), post("a", "2025-01-01", "S"), post("x", "2025-02-01"), post("b", "2025-02-01", "S")];
  it("links the previous and next episodes of the same series by date", () => {
    expect(seriesNeighbours(posts, "b")).toEqual({ previous: { title: "a", url: "/a/" }, next: { title: "c", url: "/c/" } });
    expect(seriesNeighbours(posts, "a").previous).toBeUndefined();
    expect(seriesNeighbours(posts, "x")).toEqual({});
  });
});

describe("numberFr", () => {
  it("writes measures the French way, and a dash for a missing one", () => {
    expect(numberFr(7612)).toBe("7\u202f612");
    expect(numberFr(62.184)).toBe("62,18");
    expect(numberFr(undefined)).toBe("–");
  });
});
