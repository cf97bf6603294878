/**
 * Every module of this folder changes a library's internals. Each declares, as its header, what it targets and
 * when it can go (docs/patches.md lists them all); tests/build/patches.test.ts fails when the library's installed
 * version is not the one named here, and when a patch no longer intercepts anything on a small build.
 */
export interface Patch {
  /** the module's file name in src/patches/, without extension */
  name: string;
  /** the npm package whose internals it replaces or wraps */
  library: string;
  /** the version it was written and measured on; the one package.json pins (or the library's parent pins) */
  version: string;
  /** the upstream issue or pull request, or the closest one */
  upstream: string;
  /** what it measured */
  measured: string;
  /** when to remove it */
  removeWhen: string;
}

// One count per patch for the whole process, whichever copy of a module counts (the tests load some twice,
// and the dev server's listener is CommonJS).
const registry = globalThis as { [key: symbol]: Map<string, number> | undefined };
const counts = (registry[Symbol.for("patches.interceptions")] ??= new Map<string, number>());

/** Records that a patch intercepted a call of the library. */
export function countInterception(name: string): void {
  counts.set(name, (counts.get(name) ?? 0) + 1);
}

/** How many calls each patch intercepted in this process. */
export function interceptions(name: string): number {
  return counts.get(name) ?? 0;
}
