import { rm } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import { searchGlobs } from "./searchScope.ts";

/**
 * Pagefind also writes its ready-made interfaces, which this site does not use (its search page is its own, in DSFR):
 * ~420 KB that would be published and deployed for nothing.
 */
const unusedPagefindFiles = ["pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js"];

/**
 * Pagefind's index of a built site, into its /pagefind/ folder. Resolves to the number of HTML files Pagefind read.
 * `outsideSearch`: HTML files (paths in `output`) known to have no `data-pagefind-body`, which Pagefind need not read.
 */
export async function indexSite(output: string, outsideSearch: readonly string[] = []): Promise<number> {
  const folder = path.resolve(output);
  const globs = outsideSearch.length ? searchGlobs(folder, outsideSearch) : [];
  let { index, read, errors } = await readPages(folder, globs);
  if (globs.length && errors.length) {
    // A glob Pagefind refuses (a file name the escaping did not foresee, a limit of its pattern compiler):
    // the same index, read the long way.
    console.warn(`[recherche] Pagefind refuse la liste des pages à lire (${errors.join(" ; ")}) : il lit toutes les pages.`);
    await index.deleteIndex();
    ({ index, read, errors } = await readPages(folder, []));
  }
  if (errors.length) throw new Error(`Index de recherche : ${errors.join(" ; ")}`);
  const written = await index.writeFiles({ outputPath: path.join(folder, "pagefind") });
  if (written.errors.length) throw new Error(`Index de recherche : ${written.errors.join(" ; ")}`);
  await Promise.all(unusedPagefindFiles.map((file) => rm(path.join(folder, "pagefind", file), { force: true })));
  await pagefind.close();
  return read;
}

/** A new index of the pages the globs name (every HTML file without globs), and how many files Pagefind read. */
async function readPages(folder: string, globs: string[]): Promise<{ index: pagefind.PagefindIndex; read: number; errors: string[] }> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Index de recherche : ${errors.join(" ; ")}`);
  let read = 0;
  for (const glob of globs.length ? globs : [undefined]) {
    const added = await index.addDirectory({ path: folder, ...(glob ? { glob } : {}) });
    if (added.errors.length) return { index, read, errors: added.errors };
    read += added.page_count;
  }
  return { index, read, errors: [] };
}
