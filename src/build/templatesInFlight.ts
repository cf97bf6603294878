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

/**
 * Lets at most `limit` templates of this (initialised) Eleventy be rendered at a time. It wraps an internal
 * method: if a later Eleventy renames it, the build stops here and says so rather than quietly using all that memory again.
 */
export function limitTemplatesInFlight(eleventy: object, limit = templatesInFlight): void {
  const writer = (eleventy as { writer?: Partial<TemplateWriterInternals> }).writer;
  const generate = writer?._generateTemplate;
  if (!writer || typeof generate !== "function") {
    throw new Error(
      "Cette version d'Eleventy n'a plus TemplateWriter._generateTemplate, dont src/build/templatesInFlight.ts limite le nombre de pages rendues à la fois : adaptez ce module à la nouvelle version (ou retirez-le si Eleventy limite désormais ce rendu lui-même).",
    );
  }
  const run = concurrencyLimit(limit);
  writer._generateTemplate = (mapEntry, to) => run(() => generate.call(writer, mapEntry, to));
}
