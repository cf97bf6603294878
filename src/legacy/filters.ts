import { DateTime } from "luxon";
import { topicTags } from "../content/lists.ts";

/**
 * The filters the live site's content calls, with the live site's names and arguments (UPSTREAM-API.md §2).
 * Pure functions on plain values; src/legacy/plugin.ts registers them. Where the live behaviour was a bug,
 * the choice made here is written in src/legacy/README.md.
 */

interface Dated {
  date?: unknown;
  data?: Record<string, unknown>;
}

function validDate(value: unknown): Date | undefined {
  const date = value instanceof Date ? value : typeof value === "string" || typeof value === "number" ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

/** "2024-07-01" in UTC (content dates are calendar days); "" for anything that is not a date (live: "Invalid DateTime"). */
export function htmlDateString(value: unknown): string {
  const date = validDate(value);
  return date ? DateTime.fromJSDate(date, { zone: "utc" }).toFormat("yyyy-MM-dd") : "";
}

/** Luxon format, UTC unless told, in the page's language: "01 juillet 2024" by default (zero-padded day, as live). */
export function readableDate(value: unknown, format = "dd LLLL yyyy", zone = "utc", locale = "fr"): string {
  const date = validDate(value);
  if (!date) return "";
  return DateTime.fromJSDate(date, { zone: zone || "utc" }).setLocale(locale || "fr").toFormat(format || "dd LLLL yyyy");
}

/** True when the date is today or later (local midnight of the build machine, as live): lists freeze at build time. */
export function isFutureDate(value: unknown, now = new Date()): boolean {
  const date = validDate(value);
  if (!date) return false;
  const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  return date.getTime() >= midnight.getTime();
}

/** Distinct years of the items' dates, newest first. */
export function getYears(items: unknown): number[] {
  if (!Array.isArray(items)) return [];
  const years = new Set<number>();
  for (const item of items as Dated[]) {
    const date = validDate(item?.date);
    if (date) years.add(date.getFullYear());
  }
  return [...years].sort((a, b) => b - a);
}

/** The items of one year, in their order. */
export function getPostsForYear<T extends Dated>(items: T[] | undefined, year: number | string): T[] {
  if (!Array.isArray(items)) return [];
  return items.filter((item) => validDate(item?.date)?.getFullYear() === Number(year));
}

function isOldestFirst(items: Dated[]): boolean {
  let previous = -Infinity;
  for (const item of items) {
    const time = validDate(item?.date)?.getTime();
    if (time === undefined) return false;
    if (time < previous) return false;
    previous = time;
  }
  return items.length > 1;
}

/**
 * The first `count` items, except over a collection in date order (oldest first, as Eleventy's tag
 * collections are): there the live site showed the oldest episodes where its pages promise the latest,
 * so the newest `count` are given, newest first.
 */
export function limit<T>(items: T[] | undefined, count: number): T[] {
  if (!Array.isArray(items)) return [];
  if (isOldestFirst(items as Dated[])) return items.slice(-count).reverse();
  return items.slice(0, count);
}

/** Items of one series (`series` in front matter, exactly that name). */
export function inSeries<T extends Dated>(items: T[] | undefined, name: string): T[] {
  if (!Array.isArray(items)) return [];
  return items.filter((item) => item?.data?.series === name);
}

/** Items that belong to no series. */
export function noSeries<T extends Dated>(items: T[] | undefined): T[] {
  if (!Array.isArray(items)) return [];
  return items.filter((item) => !item?.data?.series);
}

/** The topics among the tags (technical tags such as `posts` removed), less any names given. */
export function filterTagList(tags: unknown, ...extra: unknown[]): string[] {
  const hidden = new Set(extra.flat().filter((t): t is string => typeof t === "string"));
  return topicTags(tags).filter((tag) => !hidden.has(tag));
}

/** Every tag of the items, in the order first seen. */
export function getAllTags(items: unknown): string[] {
  const tags = new Set<string>();
  if (Array.isArray(items)) {
    for (const item of items as Dated[]) {
      const own = item?.data?.tags;
      for (const tag of Array.isArray(own) ? own : typeof own === "string" ? [own] : []) if (typeof tag === "string") tags.add(tag);
    }
  }
  return [...tags];
}

/** Items in one language (`lang` in their data, French when absent): the whole site today. */
export function filterCollectionLang<T extends Dated>(items: T[] | undefined, lang = "fr"): T[] {
  if (!Array.isArray(items)) return [];
  return items.filter((item) => ((item?.data?.lang as string | undefined) ?? "fr") === (lang || "fr"));
}
