import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describeBuildError } from "./errors.ts";
import { indexSite } from "./searchIndex.ts";
import { recordPagesOutsideSearch } from "./searchScope.ts";
import type { EleventyConfig } from "../eleventy-types.ts";
import { recordPages } from "../check/pages.ts";
import type { PageRecord } from "../check/types.ts";

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

/** Eleventy writes the pages (and copies the assets) into `folder`. Resolves to the pages the search index can skip. */
async function writePages({ input = "content", configPath = "eleventy.config.ts", quiet = true, extraConfig }: BuildOptions, folder: string): Promise<string[]> {
  // Imported here, not at the top: the parent of the pages process never loads Eleventy (0.4 s before it can start it).
  const { createEleventy } = await import("./eleventy.ts");
  const outsideSearch = recordPagesOutsideSearch();
  const config = (eleventyConfig: EleventyConfig) => {
    outsideSearch.configure(eleventyConfig);
    extraConfig?.(eleventyConfig);
  };
  const eleventy = createEleventy(input, folder, { configPath, quietMode: quiet, config });
  await eleventy.init();
  await eleventy.write();
  return outsideSearch.files();
}

/**
 * Builds into a staging folder and swaps it in only when every step succeeded,
 * so a failed build never leaves a half-written site that looks valid.
 */
/** True while a process of that id runs (a build of another terminal, say). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The staging and previous folders of builds that ended without cleaning up (killed, or a removal that failed):
 * removed before a new build, unless their build still runs.
 */
async function removeAbandonedFolders(output: string): Promise<void> {
  const parent = path.dirname(path.resolve(output));
  const leftover = new RegExp(`^${path.basename(output).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(?:partial|previous)-(\\d+)$`);
  for (const name of existsSync(parent) ? readdirSync(parent) : []) {
    const pid = Number(leftover.exec(name)?.[1]);
    if (pid && (pid === process.pid || !isRunning(pid))) await rm(path.join(parent, name), { recursive: true, force: true });
  }
}

async function publish(output: string, steps: (staging: string) => Promise<void>): Promise<void> {
  const staging = `${output}.partial-${process.pid}`;
  const previous = `${output}.previous-${process.pid}`;
  await removeAbandonedFolders(output);
  try {
    await steps(staging);
  } catch (error) {
    await removeWhenSettled(staging);
    throw error;
  }
  const hadPrevious = existsSync(output);
  if (hadPrevious) await rename(output, previous);
  try {
    await rename(staging, output);
  } catch (error) {
    // The old site goes back in place: the message that follows ("not modified") stays true.
    if (hadPrevious) await rename(previous, output);
    await removeWhenSettled(staging);
    throw error;
  }
  try {
    await rm(previous, { recursive: true, force: true });
  } catch (error) {
    console.warn(
      `Site publié dans ${output}/, mais l'ancienne version (${previous}) n'a pas pu être supprimée (${(error as Error).message}) : la prochaine construction la supprimera.`,
    );
  }
}

/** The pages, then their search index, in this process (for tests that add their own configuration). */
export async function buildSite(options: BuildOptions = {}): Promise<void> {
  await publish(options.output ?? "_site", async (staging) => {
    await indexSite(staging, await writePages(options, staging));
  });
}

const thisScript = fileURLToPath(import.meta.url);

/** What the pages process tells its parent before it ends. */
type PagesOutcome = { pages: PageRecord[]; outsideSearch: string[] } | { error: string };

/**
 * The pages written by a process of their own (this script with --pages-only), which ends before the search index
 * is made: Eleventy's memory is given back to the system rather than added to Pagefind's (7,612 pages: ~600 + ~500 MB).
 * It reports which source made each page (for the checks), and which pages the search index can skip.
 */
function writePagesInOwnProcess(input: string | undefined, folder: string, quiet: boolean): Promise<{ pages: PageRecord[]; outsideSearch: string[] }> {
  // Node runs the TypeScript itself; a test runner's own flags (execArgv) must not reach the child.
  const args = [thisScript, "--pages-only", `--output=${folder}`, ...(input ? [`--input=${input}`] : []), ...(quiet ? [] : ["--verbose"])];
  // "advanced": dates in the page records arrive as dates.
  const child = spawn(process.execPath, args, { stdio: ["ignore", "inherit", "pipe", "ipc"], serialization: "advanced" });
  forwardWithoutEleventyErrorDump(child.stderr!, quiet && !process.env.DEBUG);
  let outcome: PagesOutcome | undefined;
  child.on("message", (message: PagesOutcome) => {
    outcome = message;
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0 && outcome && "pages" in outcome) resolve(outcome);
      else reject(new Error(outcome && "error" in outcome ? outcome.error : `La construction des pages s'est arrêtée (${signal ? `signal ${signal}` : `code ${code}`}).`));
    });
  });
}

/**
 * The pages process's errors, as the terminal shows them. When a page fails, Eleventy prints its English report
 * and stack (about 20 lines) before this process prints the French message that names the file and the fix:
 * that report is left out, unless --verbose or DEBUG asks for it. Every other line (warnings) goes through.
 */
function forwardWithoutEleventyErrorDump(stream: NodeJS.ReadableStream, dropDump: boolean): void {
  let inDump = false;
  let pending = "";
  stream.setEncoding("utf8");
  const forward = (line: string) => {
    if (dropDump && /^\[11ty\] Problem writing Eleventy templates/.test(line)) inDump = true;
    if (!(inDump && line.startsWith("[11ty]"))) process.stderr.write(`${line}\n`);
  };
  stream.on("data", (chunk: string) => {
    const lines = (pending + chunk).split("\n");
    pending = lines.pop()!;
    for (const line of lines) forward(line);
  });
  stream.on("end", () => {
    if (pending) forward(pending);
  });
}

export interface BuiltSite {
  pages: PageRecord[];
  /** HTML files Pagefind read: the pages with something to index, and any it could not be told about. */
  searchPagesRead: number;
  searchIndexSeconds: number;
}

/** `npm run build` and `npm run check`: the pages in their own process, then the search index. */
export async function buildSiteInTwoProcesses({ input, output = "_site", quiet = true }: Pick<BuildOptions, "input" | "output" | "quiet"> = {}): Promise<BuiltSite> {
  const built: BuiltSite = { pages: [], searchPagesRead: 0, searchIndexSeconds: 0 };
  await publish(output, async (staging) => {
    const written = await writePagesInOwnProcess(input, staging, quiet);
    built.pages = written.pages;
    const indexing = performance.now();
    built.searchPagesRead = await indexSite(staging, written.outsideSearch);
    built.searchIndexSeconds = (performance.now() - indexing) / 1000;
  });
  return built;
}

/** Runs in the pages process: writes the pages, then sends the parent their records or the error, made readable. */
async function writePagesForParent(input: string | undefined, folder: string, quiet: boolean): Promise<void> {
  const send = process.send?.bind(process);
  if (!send) throw new Error("--pages-only est réservé au processus que lance la construction : utilisez npm run build.");
  const recorder = recordPages();
  const outcome: PagesOutcome = await writePages({ input, quiet, extraConfig: recorder.configure }, folder).then(
    (outsideSearch) => ({ pages: recorder.pages(), outsideSearch }),
    (error: unknown) => ({ error: describeBuildError(error) }),
  );
  if ("error" in outcome) process.exitCode = 1;
  await new Promise((resolve) => send(outcome, undefined, {}, resolve));
}

function optionValue(args: string[], name: string): string | undefined {
  const prefix = `--${name}=`;
  return args.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

// Run as a script: `node src/build/build.ts [--input=content] [--output=_site] [--verbose] [--stats]`
if (process.argv[1] && path.resolve(process.argv[1]) === thisScript) {
  const args = process.argv.slice(2);
  const input = optionValue(args, "input");
  const output = optionValue(args, "output") ?? "_site";
  const quiet = !args.includes("--verbose");
  if (args.includes("--pages-only")) {
    // The parent process stages, indexes and publishes.
    await writePagesForParent(input, output, quiet);
  } else {
    const started = performance.now();
    try {
      const { searchPagesRead, searchIndexSeconds } = await buildSiteInTwoProcesses({ input, output, quiet });
      const seconds = (performance.now() - started) / 1000;
      console.log(`Site construit dans ${output}/ en ${seconds.toFixed(1)} s.`);
      // For the benchmark (which measures the memory of this process and its children itself).
      if (args.includes("--stats")) console.log(`BUILD_STATS ${JSON.stringify({ seconds, searchPagesRead, searchIndexSeconds })}`);
    } catch (error) {
      console.error(`\nÉchec de la construction du site : ${output}/ n'a pas été modifié.\n\n${describeBuildError(error)}\n`);
      process.exitCode = 1;
    }
  }
}
