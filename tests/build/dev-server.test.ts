import { spawn } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createFixtureSite } from "../support/fixture-site.ts";

/** `npm start`'s dev server on a copy of the content; resolves each time a build or rebuild has finished. */
function startDevServer(input: string, output: string) {
  const server = spawn(
    process.execPath,
    ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=eleventy.config.ts", `--input=${path.relative(process.cwd(), input)}`, `--output=${output}`, "--serve", "--incremental", "--port=8095"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  const builds = () => log.split("Watching…").length - 1;
  server.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
  server.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const waitForBuild = async (count: number) => {
    const deadline = Date.now() + 60_000;
    while (builds() < count) {
      if (Date.now() > deadline || server.exitCode !== null) throw new Error(`Le serveur de développement n'a pas reconstruit :\n${log.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  return { waitForBuild, stop: () => server.kill() };
}

describe("the dev server", () => {
  it("updates every list that shows a post when its title changes: home, news list, section page, site map", async () => {
    const site = createFixtureSite();
    cpSync("content", site.input, { recursive: true });
    const server = startDevServer(site.input, site.output);
    try {
      await server.waitForBuild(1);
      const post = path.join(site.input, "actualites/evenements/formation-ecoconception-2027.md");
      const pages = ["index.html", "actualites/index.html", "formations/index.html", "plan-du-site/index.html"];
      for (const page of pages) expect(readFileSync(path.join(site.output, page), "utf8"), page).not.toContain("Titre changé pendant l'aperçu");
      // Let the watcher settle: Eleventy ignores changes made while it writes.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      writeFileSync(post, readFileSync(post, "utf8").replace(/^title: .*$/m, `title: "Titre changé pendant l'aperçu"`));
      await server.waitForBuild(2);
      for (const page of pages) expect(readFileSync(path.join(site.output, page), "utf8"), page).toContain("Titre changé pendant l&#39;aperçu");
    } finally {
      server.stop();
    }
  }, 120_000);
});
