import { existsSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { describeBuildError } from "./errors.ts";
import { devErrorPage } from "./devErrorPage.ts";
import { isLoopbackHost } from "./loopbackHosts.mjs";
import { createEleventy, eleventyInput } from "./eleventy.ts";
import { devServerPort } from "../plugins/devServer.ts";

export interface WatchOptions {
  input: string;
  output: string;
  port?: number;
}

/** Changes when a file under these folders is saved, added or removed: how many there are and the newest time. */
function foldersState(folders: string[]): string {
  let files = 0;
  let newest = 0;
  for (const folder of folders) {
    for (const file of readdirSync(folder, { recursive: true, encoding: "utf8" })) {
      files++;
      newest = Math.max(newest, statSync(path.join(folder, file)).mtimeMs);
    }
  }
  return `${files} ${newest}`;
}

/**
 * Resolves after the next save under these folders. It compares with their state when called, twice a second:
 * Node's recursive watcher on Linux could miss a save made while it was still listing the folders.
 */
async function nextChange(folders: string[]): Promise<void> {
  const before = foldersState(folders);
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  do await pause(500);
  while (foldersState(folders) === before);
}

/**
 * Eleventy's dev server (watch, incremental rebuilds, live reload), as the `eleventy --serve --incremental` command
 * runs it, but rendering a few templates at a time like `npm run build` (6,000 posts, first build: peak
 * 1,061 → 717 MB). Eleventy's watcher only starts after a first build that succeeds: when it fails, this says what
 * to fix, waits for a save and resolves to false (src/build/serve.ts then starts a new process); true once it serves.
 */
export async function watchAndServe({ input, output, port }: WatchOptions): Promise<boolean> {
  const relativeInput = eleventyInput(input);
  // source "cli": the same handling of folders and errors as the `eleventy` command.
  const eleventy = createEleventy(input, output, { source: "cli", runMode: "serve", configPath: "eleventy.config.ts" });
  try {
    await eleventy.init();
    eleventy.setIncrementalBuild(true);
    await eleventy.watch();
  } catch (error) {
    const problem = `\nLe site ne se construit pas :\n\n${describeBuildError(error)}\n`;
    if (!existsSync(relativeInput)) {
      console.error(`${problem}\nLe dossier ${relativeInput} n'existe pas.\n`);
      process.exit(1);
    }
    // What an editor may have to fix: the pages, layouts and data. Watched from before the message is shown,
    // so that a save made as soon as it is read is seen.
    const saved = nextChange([relativeInput, path.join(relativeInput, "..", "_includes"), path.join(relativeInput, "..", "_data")].filter((folder) => existsSync(folder)));
    // The browser shows the same message at the site's address, and reloads once the site is served again.
    const page = devErrorPage(error, output, { waitForSite: true });
    const errorServer = createServer((req, res) => {
      res.statusCode = isLoopbackHost(req.headers.host) ? 500 : 403;
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.end(res.statusCode === 500 ? page : "");
    });
    // Port taken: the terminal message stands alone.
    await new Promise<void>((resolve) => errorServer.once("error", () => resolve()).listen(port ?? devServerPort, "127.0.0.1", resolve));
    console.error(`${problem}\nCorrigez puis enregistrez : le serveur repart de lui-même.\n`);
    await saved;
    const closed = new Promise((resolve) => errorServer.close(resolve));
    errorServer.closeAllConnections();
    await closed;
    return false;
  }
  // Without a port, Eleventy takes the one src/plugins/devServer.ts sets (its JSDoc type forgets that case).
  await eleventy.serve(port as number);
  process.on("SIGINT", async () => {
    await eleventy.stopWatch();
    process.exitCode = 0;
  });
  return true;
}
