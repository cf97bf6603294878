import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import { describeBuildError } from "./errors.ts";
import { indexSite } from "./searchIndex.ts";
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

/** Eleventy writes the pages (and copies the assets) into `folder`. */
async function writePages({ input = "content", configPath = "eleventy.config.ts", quiet = true, extraConfig }: BuildOptions, folder: string): Promise<void> {
  // Eleventy misses folder data files (such as the news folder's) when the input path is absolute.
  const relativeInput = path.relative(process.cwd(), path.resolve(input)) || ".";
  const eleventy = new Eleventy(relativeInput, folder, { configPath, quietMode: quiet, config: extraConfig });
  await eleventy.write();
}

/**
 * Builds into a staging folder and swaps it in only when every step succeeded,
 * so a failed build never leaves a half-written site that looks valid.
 */
async function publish(output: string, steps: (staging: string) => Promise<void>): Promise<void> {
  const staging = `${output}.partial-${process.pid}`;
  const previous = `${output}.previous-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    await steps(staging);
  } catch (error) {
    await removeWhenSettled(staging);
    throw error;
  }
  if (existsSync(output)) await rename(output, previous);
  await rename(staging, output);
  await rm(previous, { recursive: true, force: true });
}

/** The pages, then their search index, in this process (tests and checks, which add their own configuration). */
export async function buildSite(options: BuildOptions = {}): Promise<void> {
  await publish(options.output ?? "_site", async (staging) => {
    await writePages(options, staging);
    await indexSite(staging);
  });
}

const thisScript = fileURLToPath(import.meta.url);

/**
 * The pages written by a process of their own (this script with --pages-only), which ends before the search index
 * is made: Eleventy's memory is given back to the system rather than added to Pagefind's (7,612 pages: ~600 + ~500 MB).
 */
function writePagesInOwnProcess(input: string | undefined, folder: string, quiet: boolean): Promise<void> {
  const args = [...process.execArgv, thisScript, "--pages-only", `--output=${folder}`, ...(input ? [`--input=${input}`] : []), ...(quiet ? [] : ["--verbose"])];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  let reason: string | undefined;
  child.on("message", (message) => {
    reason = String(message);
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(reason ?? `La construction des pages s'est arrêtée (${signal ? `signal ${signal}` : `code ${code}`}).`));
    });
  });
}

function optionValue(args: string[], name: string): string | undefined {
  const prefix = `--${name}=`;
  return args.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

// Run as a script: `node --import tsx src/build/build.ts [--input=content] [--output=_site] [--verbose] [--stats]`
if (process.argv[1] && path.resolve(process.argv[1]) === thisScript) {
  const args = process.argv.slice(2);
  const input = optionValue(args, "input");
  const output = optionValue(args, "output") ?? "_site";
  const quiet = !args.includes("--verbose");
  if (args.includes("--pages-only")) {
    // The parent process stages, indexes and publishes; it reports our error, already made readable.
    await writePages({ input, quiet }, output).catch((error: unknown) => {
      process.send?.(describeBuildError(error));
      process.exitCode = 1;
    });
  } else {
    const started = performance.now();
    try {
      await publish(output, async (staging) => {
        await writePagesInOwnProcess(input, staging, quiet);
        await indexSite(staging);
      });
      const seconds = (performance.now() - started) / 1000;
      console.log(`Site construit dans ${output}/ en ${seconds.toFixed(1)} s.`);
      // For the benchmark (which measures the memory of this process and its children itself).
      if (args.includes("--stats")) console.log(`BUILD_STATS ${JSON.stringify({ seconds })}`);
    } catch (error) {
      console.error(`\nÉchec de la construction du site : ${output}/ n'a pas été modifié.\n\n${describeBuildError(error)}\n`);
      process.exitCode = 1;
    }
  }
}
