import { spawn } from "node:child_process";
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";

/**
 * Starts the dev server (as `npm start` does) on a site, then appends a line to one post `runs` times and
 * measures, each time, the seconds from the save to the end of the rebuild (Eleventy's "Watching…" line),
 * which is when the browser reloads. The post is restored afterwards.
 */
export async function measureEditRebuilds(input: string, output: string, post: string, runs: number, env: NodeJS.ProcessEnv): Promise<number[]> {
  const original = readFileSync(post, "utf8");
  const server = spawn(
    process.execPath,
    ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=eleventy.config.ts", `--input=${input}`, `--output=${output}`, "--serve", "--incremental", "--port=8097"],
    { env: { ...env, MALLOC_ARENA_MAX: "2" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  let watching = 0;
  const waiters: (() => void)[] = [];
  const onOutput = (chunk: Buffer) => {
    log += chunk.toString();
    const count = log.split("Watching…").length - 1;
    if (count > watching) {
      watching = count;
      waiters.splice(0).forEach((resolve) => resolve());
    }
  };
  server.stdout.on("data", onOutput);
  server.stderr.on("data", onOutput);
  const nextRebuild = (timeoutSeconds: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Le serveur de développement n'a pas fini en ${timeoutSeconds} s :\n${log.slice(-2000)}`)), timeoutSeconds * 1000);
      waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  try {
    await nextRebuild(600);
    const seconds: number[] = [];
    for (let run = 1; run <= runs; run++) {
      // Let the watcher settle (Eleventy ignores changes during its own writes).
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const rebuilt = nextRebuild(120);
      const started = performance.now();
      appendFileSync(post, `\nParagraphe ajouté pour la mesure ${run}.\n`);
      await rebuilt;
      seconds.push((performance.now() - started) / 1000);
    }
    return seconds;
  } finally {
    writeFileSync(post, original);
    server.kill();
  }
}
