import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { builtSite } from "./site.ts";

/** Builds the real site once with the same command as `npm run build`. */
export default function setup(): void {
  rmSync(".cache/fixtures", { recursive: true, force: true });
  execFileSync(process.execPath, ["--import", "tsx", "src/build/build.ts", `--output=${builtSite}`], {
    stdio: "inherit",
  });
}
