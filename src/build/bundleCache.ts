import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cacheFolder, pruneCache } from "./buildCache.ts";
import { linkOrCopy } from "./fileLinks.ts";

export interface Bundles {
  /** entry name → address of its file ("styles" → "/assets/styles-XXXX.css") */
  manifest: Record<string, string>;
  /** the files esbuild read, from the project (the libraries' are in the key through the lockfile) */
  inputs: string[];
}

interface Recorded {
  manifest: Record<string, string>;
  inputs: Record<string, string>;
}

const hashOf = (file: string) => {
  try {
    return createHash("sha256").update(readFileSync(file)).digest("hex");
  } catch {
    return "";
  }
};

/**
 * The site's scripts and stylesheet, bundled again only when a file they are made of changed: otherwise the files
 * of the last bundle with the same key (libraries, bundling code, icons in use) are linked into `assets/`, and
 * esbuild does not run (0.13 to 0.24 s of every warm build of the live-shaped site).
 */
export async function bundleOnce(output: string, key: string, bundle: (outdir: string) => Promise<Bundles>): Promise<Record<string, string>> {
  const folder = path.join(cacheFolder("bundles"), key);
  let recorded: Recorded | undefined;
  try {
    recorded = JSON.parse(readFileSync(path.join(folder, "bundles.json"), "utf8")) as Recorded;
  } catch {
    recorded = undefined;
  }
  if (!recorded || !Object.entries(recorded.inputs).every(([file, hash]) => hashOf(file) === hash)) {
    // Made aside then renamed: builds running at once (the tests) never link half a bundle.
    const partial = `${folder}.${process.pid}.partial`;
    rmSync(partial, { recursive: true, force: true });
    const { manifest, inputs } = await bundle(path.join(partial, "assets"));
    recorded = { manifest, inputs: Object.fromEntries(inputs.map((file) => [file, hashOf(file)])) };
    writeFileSync(path.join(partial, "bundles.json"), JSON.stringify(recorded));
    rmSync(folder, { recursive: true, force: true });
    try {
      renameSync(partial, folder);
    } catch {
      // Another build put the same bundle there first.
      rmSync(partial, { recursive: true, force: true });
    }
    pruneCache("bundles", 10);
  }
  const assets = path.join(folder, "assets");
  const target = path.join(output, "assets");
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(assets)) {
    // The dev server's output keeps its files from one rebuild to the next.
    if (existsSync(path.join(target, name))) rmSync(path.join(target, name));
    linkOrCopy(path.join(assets, name), path.join(target, name));
  }
  return recorded.manifest;
}
