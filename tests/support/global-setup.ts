import { execFileSync } from "node:child_process";
import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";
import { builtSite, fullReferentialSite } from "./site.ts";

function build(output: string, env: NodeJS.ProcessEnv = {}): void {
  execFileSync(process.execPath, ["src/build/build.ts", `--output=${output}`], {
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
}

/**
 * Builds the real site once with the same command as `npm run build` (or takes the one named by TEST_SITE, which
 * CI has just built with `npm run check`); and once more with the full 2024 referential (shared/ beside the
 * project) in place of the project's sample.
 */
export default function setup(): void {
  rmSync(".cache/fixtures", { recursive: true, force: true });
  const prebuilt = process.env.TEST_SITE;
  if (prebuilt && existsSync(path.join(prebuilt, "index.html"))) {
    rmSync(builtSite, { recursive: true, force: true });
    cpSync(prebuilt, builtSite, { recursive: true });
  } else build(builtSite);
  build(fullReferentialSite, {
    RGESN_CRITERIA: "../shared/data/rgesn-2024.json",
    RGESN_THEMES: "../shared/data/rgesn-2024-themes.json",
  });
}
