import { existsSync, readdirSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import { describeBuildError } from "./errors.ts";
import type { EleventyConfig } from "../eleventy-types.ts";

function countFiles(folder: string): number {
  return existsSync(folder) ? readdirSync(folder, { recursive: true }).length : 0;
}

/**
 * Eleventy rejects on the first error while its passthrough copies are still landing:
 * wait until nothing more arrives in the staging folder (removing it under a copy would crash it), then remove it.
 */
async function removeWhenSettled(folder: string): Promise<void> {
  let previous = -1;
  for (let attempt = 0; attempt < 50; attempt++) {
    const count = countFiles(folder);
    if (count === previous) break;
    previous = count;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await rm(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}

export interface BuildOptions {
  input?: string;
  output?: string;
  configPath?: string;
  quiet?: boolean;
  /** Extra configuration for this build only (the checks use it to learn which file made which page). */
  extraConfig?: (eleventyConfig: EleventyConfig) => void;
}

/**
 * Builds into a staging folder and swaps it in only when everything succeeded,
 * so a failed build never leaves a half-written site that looks valid.
 */
export async function buildSite({
  input = "content",
  output = "_site",
  configPath = "eleventy.config.ts",
  quiet = true,
  extraConfig,
}: BuildOptions = {}): Promise<void> {
  const staging = `${output}.partial-${process.pid}`;
  const previous = `${output}.previous-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    // Eleventy misses folder data files (such as the news folder's) when the input path is absolute.
    const relativeInput = path.relative(process.cwd(), path.resolve(input)) || ".";
    const eleventy = new Eleventy(relativeInput, staging, { configPath, quietMode: quiet, config: extraConfig });
    await eleventy.write();
  } catch (error) {
    await removeWhenSettled(staging);
    throw error;
  }
  if (existsSync(output)) await rename(output, previous);
  await rename(staging, output);
  await rm(previous, { recursive: true, force: true });
}

function optionValue(args: string[], name: string): string | undefined {
  const prefix = `--${name}=`;
  return args.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

// Run as a script: `node --import tsx src/build/build.ts [--input=content] [--output=_site] [--verbose]`
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const output = optionValue(args, "output") ?? "_site";
  const started = performance.now();
  try {
    await buildSite({ input: optionValue(args, "input"), output, quiet: !args.includes("--verbose") });
    const seconds = (performance.now() - started) / 1000;
    console.log(`Site construit dans ${output}/ en ${seconds.toFixed(1)} s.`);
    // For the benchmark: one machine-readable line (maxRSS is in kilobytes).
    if (args.includes("--stats")) console.log(`BUILD_STATS ${JSON.stringify({ seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 })}`);
  } catch (error) {
    console.error(`\nÉchec de la construction du site : ${output}/ n'a pas été modifié.\n\n${describeBuildError(error)}\n`);
    process.exitCode = 1;
  }
}
