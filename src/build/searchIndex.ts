import { existsSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";
import { searchGlobs } from "./searchScope.ts";
import { cacheFolder, cacheKey, pruneCache } from "./buildCache.ts";
import { linkFolder } from "./fileLinks.ts";
import { htmlFilesOf } from "../check/pages.ts";

const thisModule = fileURLToPath(import.meta.url);

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
  const key = pagesKey(folder, outsideSearch);
  const reused = reuseIndex(key, folder);
  if (reused !== undefined) return reused;
  const read = await writeIndex(folder, outsideSearch);
  keepIndex(key, folder, read);
  return read;
}

/**
 * The same pages, read the same way, give the same index: a hash of every page's path and bytes (20 ms for the
 * live-shaped site) and of the pages Pagefind is told to skip.
 */
function pagesKey(folder: string, outsideSearch: readonly string[]): string {
  const pages = htmlFilesOf(folder).sort().flatMap((file) => [path.relative(folder, file), readFileSync(file)]);
  return cacheKey(thisModule, [...outsideSearch].sort().join("\n"), ...pages);
}

const cacheName = "search-index";

/**
 * The index of a previous build of the same pages, linked into `folder`: Pagefind would read and parse every page
 * again to write the same files (0.5 to 0.7 s of a warm build of the live-shaped site). Undefined when there is none.
 */
function reuseIndex(key: string, folder: string): number | undefined {
  const kept = path.join(cacheFolder(cacheName), key);
  let read: number;
  try {
    read = (JSON.parse(readFileSync(path.join(kept, "pages-read.json"), "utf8")) as { read: number }).read;
  } catch {
    return undefined;
  }
  linkFolder(path.join(kept, "pagefind"), path.join(folder, "pagefind"));
  // Recently used: the pruning keeps it.
  const now = new Date();
  utimesSync(kept, now, now);
  return read;
}

/** Links the new index into the cache, for the next build of the same pages. */
function keepIndex(key: string, folder: string, read: number): void {
  const kept = path.join(cacheFolder(cacheName), key);
  if (existsSync(kept)) return;
  const partial = `${kept}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  linkFolder(path.join(folder, "pagefind"), path.join(partial, "pagefind"));
  writeFileSync(path.join(partial, "pages-read.json"), JSON.stringify({ read }));
  try {
    renameSync(partial, kept);
  } catch {
    // Another build kept the same index meanwhile.
    rmSync(partial, { recursive: true, force: true });
  }
  pruneCache(cacheName, 3);
}

async function writeIndex(folder: string, outsideSearch: readonly string[]): Promise<number> {
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
