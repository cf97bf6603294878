/**
 * Front matter the live site's engine (js-yaml 3, Eleventy 2) accepted and this one's validator would refuse:
 * read as the live site read it. `npm run check` names each case with its line and the fix (legacyUsage.ts).
 */

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day "2025-12-05" as the UTC midnight Eleventy makes of an unquoted date; undefined if no such day. */
export function calendarDay(text: string): Date | undefined {
  if (!isoDay.test(text)) return undefined;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text) ? date : undefined;
}

/**
 * The front matter with its YAML indentation tabs as two spaces each, or undefined when it has none.
 * js-yaml 3 let a tab stand before a list dash (`tags:` then `<tab>- Vidéo`); js-yaml 4 refuses any.
 */
export function withTabsAsSpaces(source: string): string | undefined {
  if (!/^[ \t]*\t/m.test(source)) return undefined;
  return source.replace(/^[ \t]+/gm, (indent) => indent.replace(/\t/g, "  "));
}

/** In place: an empty `image:` is no image, a quoted date is a date, `serie` is `series`. */
export function normaliseLegacyFrontMatter(data: Record<string, unknown>): void {
  if ("image" in data && (data.image === null || data.image === "")) delete data.image;
  if (typeof data.date === "string") {
    const day = calendarDay(data.date.trim());
    if (day) data.date = day;
  }
  if (typeof data.serie === "string" && data.serie.trim() && data.series === undefined) data.series = data.serie;
}

/**
 * `{{ image }}` in a page's text printed "[object Object]" on the live site when `image` is a `{path, alt}` map:
 * the map prints its image's address instead (what the authors meant). Not enumerable: nothing else sees it.
 */
export function printImageAsItsAddress(image: unknown, address: string | undefined): void {
  if (!address || !image || typeof image !== "object" || Object.hasOwn(image, "toString")) return;
  Object.defineProperty(image, "toString", { value: () => address, enumerable: false });
}
