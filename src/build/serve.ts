// `npm run serve [-- --input=content --output=_site --port=8080]`: Eleventy's dev server (watch, incremental
// rebuilds, live reload), as the `eleventy --serve --incremental` command runs it, started from here so that its
// builds render a few templates at a time like `npm run build` (6,000 posts, first build: peak 1,061 → 717 MB).
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { limitTemplatesInFlight } from "./templatesInFlight.ts";

const args = process.argv.slice(2);
const option = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);

// Eleventy misses folder data files (such as the news folder's) when the input path is absolute.
const input = path.relative(process.cwd(), path.resolve(option("input") ?? "content")) || ".";
const port = option("port") ? Number(option("port")) : undefined;

// source "cli": the same handling of folders and errors as the `eleventy` command.
const eleventy = new Eleventy(input, option("output") ?? "_site", { source: "cli", runMode: "serve", configPath: "eleventy.config.ts" });
limitTemplatesInFlight(eleventy);
await eleventy.init();
eleventy.setIncrementalBuild(true);
await eleventy.watch();
// Without --port, Eleventy takes the one src/plugins/devServer.ts sets (its JSDoc type forgets that case).
await eleventy.serve(port as number);

process.on("SIGINT", async () => {
  await eleventy.stopWatch();
  process.exitCode = 0;
});
