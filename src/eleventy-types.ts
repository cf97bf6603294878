// Eleventy ships JSDoc, not declarations: these are the few shapes the engine relies on.
export type { default as EleventyConfig } from "@11ty/eleventy/UserConfig";

export interface PageData {
  title?: string;
  description?: string;
  date?: Date;
  tags?: string[];
  series?: string;
  image?: string | { path: string; alt?: string };
  eleventyNavigation?: NavigationData;
  [key: string]: unknown;
}

export interface NavigationData {
  key?: string;
  parent?: string;
  title?: string;
  order?: number;
  image?: string;
}

export interface CollectionItem {
  inputPath: string;
  url: string;
  fileSlug: string;
  date: Date;
  data: PageData;
  outputPath: string | false;
  templateContent?: string;
}

export interface CollectionApi {
  getAll(): CollectionItem[];
  getAllSorted(): CollectionItem[];
  getFilteredByTag(tag: string): CollectionItem[];
  getFilteredByGlob(glob: string | string[]): CollectionItem[];
}

/** What Eleventy binds to `this` in shortcodes and filters. */
export interface RenderContext {
  page?: { url?: string; inputPath?: string };
  ctx?: Record<string, unknown>;
}

/** The input folder as Eleventy resolved it ("./content/"), typed: UserConfig declares `directories` as a bare object. */
export function inputDirectory(eleventyConfig: import("@11ty/eleventy/UserConfig").default): string {
  return (eleventyConfig.directories as { input: string }).input;
}
