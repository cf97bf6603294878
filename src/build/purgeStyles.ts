import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { transformSync } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cacheKey, readCached, writeCached } from "./buildCache.ts";

const thisModule = fileURLToPath(import.meta.url);

/**
 * Classes DSFR's script adds at run time. It composes them from quoted fragments without the "fr-" prefix
 * (`tabs__shadow--left`, `tooltip--shown`…): the element and modifier ones are kept, not the bare component
 * names it also quotes to find its components, which would keep every component's styles.
 */
export function dsfrRuntimeClasses(dsfrScript: string): string[] {
  const fragments = new Set([...dsfrScript.matchAll(/['"`]([a-z][a-z0-9_-]*)['"`]/g)].map((match) => match[1]!));
  return [...fragments].filter((fragment) => fragment.includes("--") || fragment.includes("__")).map((fragment) => `fr-${fragment}`);
}

/** Attributes DSFR's selectors test that its script, not the HTML, sets (aria-expanded, data-fr-scrolling…). */
export function stateAttributes(css: string): string[] {
  return [...new Set([...css.matchAll(/\[((?:aria|data-fr)-[a-z0-9-]+)/g)].map((match) => match[1]!))];
}

/** The words PurgeCSS compares with selectors: class names, ids, element and attribute names and values. */
export function wordsOf(text: string): string[] {
  return text.match(/[\w-]+/g) ?? [];
}

/** Elements markdown-it writes from Markdown syntax: no template or source file spells them. */
export const markdownElements = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "code", "em", "strong", "a", "img", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "s"];

const textFile = /\.(md|njk|html|json|js|mjs|cjs|ts|mts|ya?ml|txt)$/;

const codeFile = /\.(ts|mts|js|mjs|cjs)$/;

/**
 * Code as esbuild prints it, without its comments: a word in a comment writes no markup (one kept 2 KB of rules).
 * Templates and content are read as they are: what looks like a comment there may still be printed.
 */
export function codeWithoutComments(file: string, source: string): string {
  try {
    return transformSync(source, { loader: /\.m?ts$/.test(file) ? "ts" : "js", legalComments: "none", sourcefile: file }).code;
  } catch {
    // Code esbuild cannot read is read whole: more rules kept, never fewer.
    return source;
  }
}

/**
 * The words of the code files without their comments, kept from one build to the next while no code file
 * changes (esbuild reading each of them: 0.25 to 0.4 s a build).
 */
function codeWords(files: { file: string; text: string }[]): string[] {
  const key = cacheKey(thisModule, ...files.flatMap(({ file, text }) => [file, text]));
  const cached = readCached("code-words", key);
  if (cached !== undefined) return cached.split(" ");
  const words = new Set(files.flatMap(({ file, text }) => wordsOf(codeWithoutComments(file, text))));
  writeCached("code-words", key, [...words].join(" "));
  return [...words];
}

/** Every word of the text files under the given folders and files (pages, layouts, data, the code that writes markup). */
export function sourceWords(sources: string[]): Set<string> {
  const words = new Set(markdownElements);
  const code: { file: string; text: string }[] = [];
  const read = (file: string) => {
    const text = readFileSync(file, "utf8");
    if (codeFile.test(file)) code.push({ file, text });
    else for (const word of wordsOf(text)) words.add(word);
  };
  for (const source of sources) {
    if (!existsSync(source)) continue;
    if (!statSync(source).isDirectory()) {
      read(source);
      continue;
    }
    for (const file of readdirSync(source, { recursive: true, encoding: "utf8" })) {
      if (textFile.test(file) && !file.split(path.sep).includes("node_modules")) read(path.join(source, file));
    }
  }
  for (const word of codeWords(code)) words.add(word);
  return words;
}

/** Classes kept whatever the pages say. */
const alwaysKept = {
  // State classes DSFR composes from variables rather than quoted fragments.
  standard: [/--(opened|expanded|selected|sticky-full-height|shadow|scroll|disabled)/, /^fr-collapsing$/, /^fr-transition-none$/, /scroll-divider/, /^fr-no-scroll/],
  // Alerts and badges written by the site's scripts and Markdown containers from a variable type.
  greedy: [/^fr-alert--/, /^fr-badge--/],
};
const isAlwaysKept = (word: string) => [...alwaysKept.standard, ...alwaysKept.greedy].some((pattern) => pattern.test(word));

/**
 * Keeps the rules of `css` whose selectors use only the given words, DSFR's run-time classes and state attributes.
 * The same stylesheet and words give the same result: kept from the previous build (PurgeCSS: 0.3 to 0.5 s).
 */
async function purgeCss(css: string, words: Set<string>): Promise<string> {
  const key = cacheKey(thisModule, css, [...words].sort().join(" "));
  const cached = readCached("purged-styles", key);
  if (cached !== undefined) return cached;
  const purged = await purgeWithPurgeCss(css, words);
  writeCached("purged-styles", key, purged);
  return purged;
}

async function purgeWithPurgeCss(css: string, words: Set<string>): Promise<string> {
  // Loaded only here: a warm build takes the purged stylesheet from the cache (0.05 s of imports).
  const { PurgeCSS } = await import("purgecss");
  const [result] = await new PurgeCSS().purge({
    content: [{ raw: [...words].join(" "), extension: "html" }],
    css: [{ raw: css }],
    fontFace: false,
    keyframes: false,
    // DSFR declares ~2,200 colour and spacing tokens for both themes; only those some kept rule reads stay.
    variables: true,
    dynamicAttributes: stateAttributes(css),
    safelist: { standard: alwaysKept.standard, greedy: alwaysKept.greedy },
  });
  return result!.css;
}

const styleName = (css: string) => `styles-${createHash("sha256").update(css).digest("hex").slice(0, 10).toUpperCase()}.css`;

export interface StylePurgeOptions {
  /** The built site's folder. */
  output: string;
  /** URL of the bundled stylesheet, as the pages will link it until the purge renames it. */
  stylesheetUrl: string;
  dsfrScriptFile: string;
  /** The words of the folders and files that may end up in a page (sourceWords). */
  words: Set<string>;
}

/**
 * DSFR's icon utilities, less the rules of the icons no source names: ~1,700 icons, each an inlined SVG, made the
 * stylesheet the purge reads several megabytes long (1.3 s of a 2,000-post build). Icon classes are written whole
 * in content and templates; none is composed.
 */
export function usedIconRules(css: string, words: Set<string>): string {
  const legal = /^\/\*![\s\S]*?\*\//.exec(css)?.[0] ?? "";
  const rules = css.slice(legal.length).replace(/([^{}]+)\{([^{}]*)\}/g, (rule, selector: string) => {
    const icons = selector.match(/\.fr-(?:icon|fi)-[a-z0-9][a-z0-9-]*/g);
    return !icons || icons.some((icon) => words.has(icon.slice(1))) ? rule : "";
  });
  return legal + rules;
}

/**
 * Cuts the site's stylesheet down to the rules its pages can use, before the pages are rendered, so that
 * they link the final (content-named) file straight away.
 *
 * The words come from the sources (content, layouts, data, code). A class a page gets some other way
 * (composed from pieces in a template, say) is caught by `notePage`, which every built page goes through:
 * `finish` then purges again with those words and renames the stylesheet in the written pages. Slower, never wrong.
 */
export class StylePurge {
  readonly #output: string;
  readonly #bundled: string;
  readonly #words: Set<string>;
  /** Words of the full stylesheet the sources lack: a page using one needs the second pass. */
  readonly #unseen: Set<string>;
  readonly #missed = new Set<string>();
  #url: string;

  private constructor(output: string, bundled: string, words: Set<string>, url: string) {
    this.#output = output;
    this.#bundled = bundled;
    this.#words = words;
    // Declarations dropped: only the words of selectors (and media queries) decide what the purge keeps.
    const selectors = bundled.replace(/\{[^{}]*\}/g, " ");
    this.#unseen = new Set(wordsOf(selectors).filter((word) => !words.has(word) && !isAlwaysKept(word)));
    this.#url = url;
  }

  static async start(options: StylePurgeOptions): Promise<StylePurge> {
    const bundledFile = path.join(options.output, options.stylesheetUrl);
    const bundled = readFileSync(bundledFile, "utf8");
    const words = new Set(options.words);
    for (const name of dsfrRuntimeClasses(readFileSync(options.dsfrScriptFile, "utf8"))) words.add(name);
    const url = await writeStylesheet(options.output, await purgeCss(bundled, words));
    if (url !== options.stylesheetUrl) rmSync(bundledFile);
    return new StylePurge(options.output, bundled, words, url);
  }

  /** URL of the purged stylesheet, for the pages to link. */
  get url(): string {
    return this.#url;
  }

  /** Words of a built page that the purge did not account for (none, normally). */
  get missed(): string[] {
    return [...this.#missed].sort();
  }

  /**
   * Only class attributes are read: elements and attribute names are spelled out in the sources (or written
   * by Markdown), whereas templates and code do compose class names (`fr-badge--{{ type }}`). Reading every
   * word of every page cost three times as much.
   */
  notePage(html: string): void {
    for (const [, classes] of html.matchAll(/\bclass="([^"]*)"/g)) {
      for (const word of wordsOf(classes!)) if (this.#unseen.has(word)) this.#missed.add(word);
    }
  }

  /** Second pass, only if some page used words the sources lack. Returns the stylesheet's final URL. */
  async finish(): Promise<string> {
    if (this.#missed.size === 0) return this.#url;
    // Says why this build took longer, and what a source could spell out to spare it.
    console.log(`[styles] Mots présents dans les pages mais dans aucune source : ${this.missed.join(", ")} ; feuille de style recalculée.`);
    const output = this.#output;
    const words = new Set([...this.#words, ...this.#missed]);
    const url = await writeStylesheet(output, await purgeCss(this.#bundled, words));
    if (url !== this.#url) {
      rmSync(path.join(output, this.#url));
      renameInPages(output, this.#url, url);
      this.#url = url;
    }
    return url;
  }
}

async function writeStylesheet(output: string, css: string): Promise<string> {
  const name = styleName(css);
  writeFileSync(path.join(output, "assets", name), css);
  return `/assets/${name}`;
}

function renameInPages(output: string, oldUrl: string, newUrl: string): void {
  const pages = readdirSync(output, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".html") && !file.startsWith("pagefind"));
  for (const file of pages.map((page) => path.join(output, page))) {
    const page = readFileSync(file, "utf8");
    if (!page.includes(oldUrl)) continue;
    // Written aside then renamed: the search indexer reads these pages at the same time (eleventy.after
    // handlers run in parallel) and must never see a half-written one.
    writeFileSync(`${file}.tmp`, page.replaceAll(oldUrl, newUrl));
    renameSync(`${file}.tmp`, file);
  }
}
