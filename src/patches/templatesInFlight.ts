import { countInterception, type Patch } from "./patch.ts";

export const patch: Patch = {
  name: "templatesInFlight",
  library: "@11ty/eleventy",
  version: "3.1.8",
  upstream: "https://github.com/11ty/eleventy/issues/3948 (mémoire des grands sites ; aucun ticket ne demande de limiter le rendu)",
  measured: "7 670 pages : processus des pages à ~970 Mo au plus, dont ~640 Mo de tas JavaScript, sans la limite ; vitesse inchangée avec 16 pages à la fois (tests/build/build-memory.test.ts)",
  removeWhen: "Eleventy limite lui-même le nombre de modèles rendus à la fois (sa setConcurrency ne couvre que la première passe)",
};

/**
 * How many templates Eleventy may render and write at a time. Eleventy 3 starts every template at once and each
 * `await` lets all the others take one step, so every page's finished HTML is in memory together before the first
 * one is written (7,670 pages: the pages process peaked at ~970 MB, ~640 MB of it JavaScript heap). Its own
 * `setConcurrency` only covers the content pass that comes before the layouts.
 * Sixteen keeps the speed (the work is on one thread anyway) and gives that memory back.
 */
export const templatesInFlight = 16;

/** The one method of Eleventy 3.1's TemplateWriter this relies on: it renders and writes one template's pages. */
interface TemplateWriterInternals {
  _generateTemplate(mapEntry: unknown, to: string): Promise<unknown>;
}

/** Runs the tasks it is given, at most `limit` at a time, in the order they were given. */
export function concurrencyLimit(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/** What this module needs of an Eleventy instance: `init()` makes a new TemplateWriter, which watch mode calls before every rebuild. */
interface EleventyInternals {
  init(...args: unknown[]): Promise<unknown>;
  writer?: Partial<TemplateWriterInternals>;
}

function limitWriter(writer: Partial<TemplateWriterInternals> | undefined, run: ReturnType<typeof concurrencyLimit>): void {
  const generate = writer?._generateTemplate;
  if (!writer || typeof generate !== "function") {
    throw new Error(
      "Cette version d'Eleventy n'a plus TemplateWriter._generateTemplate, dont src/patches/templatesInFlight.ts limite le nombre de pages rendues à la fois : adaptez ce module à la nouvelle version (ou retirez-le si Eleventy limite désormais ce rendu lui-même).",
    );
  }
  writer._generateTemplate = (mapEntry, to) => {
    countInterception(patch.name);
    return run(() => generate.call(writer, mapEntry, to));
  };
}

/**
 * Lets at most `limit` templates of this Eleventy be rendered at a time, in every build it runs: call it before
 * `init()`. Eleventy makes a new writer at each `init()` (before every rebuild of the dev server), so the limit is
 * put on each one. It wraps an internal method: if a later Eleventy renames it, the build stops here and says so
 * rather than quietly using all that memory again.
 */
export function limitTemplatesInFlight(eleventy: object, limit = templatesInFlight): void {
  const instance = eleventy as EleventyInternals;
  const run = concurrencyLimit(limit);
  const init = instance.init;
  instance.init = async function (this: EleventyInternals, ...args: unknown[]) {
    const result = await init.apply(this, args);
    limitWriter(this.writer, run);
    return result;
  };
}
