import { spawn } from "node:child_process";
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";

export interface DevServer {
  /** Resolves when the dev server has finished its `count`-th build (the first one included). */
  waitForBuild(count: number, timeoutSeconds: number): Promise<void>;
  /** Resolves when the watcher has reported `count` changed files. */
  waitForSave(count: number, timeoutSeconds: number): Promise<void>;
  /** Resolves when the server has printed `text` `count` times. */
  waitForOutput(text: string, count: number, timeoutSeconds: number): Promise<void>;
  stop(): void;
}

const buildDone = "Watching…";
const saveSeen = "File changed:";

/**
 * Starts the dev server as `npm start` does, on any site. A build is over when Eleventy prints "Watching…",
 * which is when the browser reloads.
 */
export function startDevServer(input: string, output: string, { port, env = process.env }: { port: number; env?: NodeJS.ProcessEnv }): DevServer {
  const server = spawn(
    process.execPath,
    ["src/build/serve.ts", `--input=${input}`, `--output=${output}`, `--port=${port}`],
    { env: { ...env, MALLOC_ARENA_MAX: "2" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  const waiters: (() => void)[] = [];
  const onOutput = (chunk: Buffer) => {
    log += chunk.toString();
    waiters.splice(0).forEach((check) => check());
  };
  server.stdout.on("data", onOutput);
  server.stderr.on("data", onOutput);
  const waitForLine = (line: string, count: number, timeoutSeconds: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Le serveur de développement n'a pas fini en ${timeoutSeconds} s :\n${log.slice(-2000)}`)), timeoutSeconds * 1000);
      const check = () => {
        if (log.split(line).length - 1 < count) return void waiters.push(check);
        clearTimeout(timer);
        resolve();
      };
      check();
    });
  return {
    waitForBuild: (count, timeoutSeconds) => waitForLine(buildDone, count, timeoutSeconds),
    waitForSave: (count, timeoutSeconds) => waitForLine(saveSeen, count, timeoutSeconds),
    waitForOutput: waitForLine,
    stop: () => server.kill(),
  };
}

/**
 * Appends a line to one post `runs` times while the dev server runs and measures, each time, the seconds
 * from the save to the end of the rebuild (the search index is made only when a page asks for it). The post
 * is restored afterwards.
 */
export async function measureEditRebuilds(input: string, output: string, post: string, runs: number, env: NodeJS.ProcessEnv): Promise<number[]> {
  const original = readFileSync(post, "utf8");
  const server = startDevServer(input, output, { port: 8097, env });
  try {
    await server.waitForBuild(1, 600);
    // The watcher starts after the first build and misses saves until it has listed the site's files (over
    // half a second at 6,000 posts): a first, unmeasured save is repeated until a rebuild shows it is listening.
    for (let attempt = 1; ; attempt++) {
      appendFileSync(post, `\nParagraphe ajouté pour vérifier que le serveur surveille les fichiers (${attempt}).\n`);
      try {
        await server.waitForSave(1, 5);
        break;
      } catch (error) {
        if (attempt === 8) throw error;
      }
    }
    await server.waitForBuild(2, 600);
    const seconds: number[] = [];
    for (let run = 1; run <= runs; run++) {
      // Let the watcher settle (Eleventy ignores changes during its own writes).
      await new Promise((resolve) => setTimeout(resolve, 500));
      const rebuilt = server.waitForBuild(run + 2, 120);
      const started = performance.now();
      appendFileSync(post, `\nParagraphe ajouté pour la mesure ${run}.\n`);
      await rebuilt;
      seconds.push((performance.now() - started) / 1000);
    }
    return seconds;
  } finally {
    writeFileSync(post, original);
    server.stop();
  }
}
