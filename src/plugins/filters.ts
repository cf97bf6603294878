import type { EleventyConfig, RenderContext } from "../eleventy-types.ts";
import { dateFr, dateIso } from "../content/dates.ts";
import { resolveImage } from "../content/images.ts";
import { numberFr } from "../content/numbers.ts";
import { anchorHeadings, type Heading } from "../content/headings.ts";

export default function filtersPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addFilter("dateFr", dateFr);
  eleventyConfig.addFilter("dateIso", dateIso);
  eleventyConfig.addFilter("numberFr", numberFr);
  eleventyConfig.addFilter("isoDateFr", (iso: string) => dateFr(new Date(`${iso}T00:00:00Z`)));
  eleventyConfig.addFilter("anchorHeadings", anchorHeadings);
  // The "Sommaire" is a side menu whose links are the page's own h2.
  eleventyConfig.addFilter("summaryLinks", (headings: Heading[]) =>
    headings.map((heading) => ({ title: heading.text, url: `#${heading.id}`, current: false, active: false, children: [] })),
  );
  // A negative count gives the last items: the live site's content writes `head(-3) | reverse` for the newest three.
  eleventyConfig.addFilter("head", (list: unknown[], count: number) =>
    Array.isArray(list) ? (count < 0 ? list.slice(count) : list.slice(0, count)) : [],
  );
  // `image` may be a path or a {path, alt} map relative to the page's own file.
  eleventyConfig.addFilter("resolveImage", function (this: RenderContext, image: unknown, inputPath?: string) {
    return resolveImage(image, inputPath ?? this.page?.inputPath ?? "");
  });
  eleventyConfig.addFilter("asList", (value: unknown) =>
    Array.isArray(value) ? value : value === undefined || value === null || value === "" ? [] : [value],
  );
}
