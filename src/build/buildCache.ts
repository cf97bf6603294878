import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Results a build would otherwise work out again although nothing they depend on changed (the purged stylesheet,
 * the words of the code files), kept in .cache/build/ under a hash of everything they depend on.
 */
const folder = ".cache/build";

/** Versions of every library (the lockfile): a library upgrade changes every key. */
let lockfileHash: string | undefined;
function librariesVersion(): string {
  lockfileHash ??= createHash("sha256").update(readFileSync("package-lock.json")).digest("hex");
  return lockfileHash;
}

/** A key for the given inputs and the code that turns them into the result (its module's own source). */
const moduleSources = new Map<string, Buffer>();
export function cacheKey(codeModule: string, ...inputs: (string | Buffer)[]): string {
  let source = moduleSources.get(codeModule);
  if (!source) moduleSources.set(codeModule, (source = readFileSync(codeModule)));
  const hash = createHash("sha256").update(librariesVersion()).update(source);
  for (const input of inputs) hash.update(input).update("\0");
  return hash.digest("hex").slice(0, 24);
}

export function readCached(name: string, key: string): string | undefined {
  try {
    return readFileSync(path.join(cacheFolder(name), key), "utf8");
  } catch {
    return undefined;
  }
}

/** Kept per name: enough for a few branches side by side, not a folder that grows with every edit. */
const keptPerName = 40;

/** The folder of a name's entries (each a file or a folder named by its key). */
export function cacheFolder(name: string): string {
  return path.join(folder, name);
}

/** Removes a name's oldest entries beyond `kept`. */
export function pruneCache(name: string, kept = keptPerName): void {
  const directory = cacheFolder(name);
  const entries = readdirSync(directory).filter((entry) => !entry.includes(".partial"));
  if (entries.length <= kept) return;
  const oldestFirst = entries.map((entry) => ({ entry, time: statSync(path.join(directory, entry)).mtimeMs })).sort((a, b) => a.time - b.time);
  for (const { entry } of oldestFirst.slice(0, entries.length - kept)) rmSync(path.join(directory, entry), { recursive: true, force: true });
}

export function writeCached(name: string, key: string, text: string, kept = keptPerName): void {
  const directory = cacheFolder(name);
  mkdirSync(directory, { recursive: true });
  // Written aside then renamed: builds running at once (the tests) never read half a result.
  const partial = path.join(directory, `${key}.${process.pid}.partial`);
  writeFileSync(partial, text);
  renameSync(partial, path.join(directory, key));
  pruneCache(name, kept);
}
