import { execFileSync } from "node:child_process";
import path from "node:path";

/**
 * Last commit date of every tracked file, read from one `git log` over the history
 * (one call per build, not one per page). Empty outside a git checkout.
 */
export function readLastCommitDates(cwd = process.cwd()): Map<string, Date> {
  const dates = new Map<string, Date>();
  let log: string;
  try {
    log = execFileSync("git", ["log", "--format=>%cI", "--name-only", "--no-renames", "--", "."], {
      cwd,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch {
    return dates;
  }
  const root = execFileSync("git", ["rev-parse", "--show-toplevel"], { cwd, encoding: "utf8" }).trim();
  let current: Date | undefined;
  for (const line of log.split("\n")) {
    if (line.startsWith(">")) current = new Date(line.slice(1));
    else if (line && current) {
      // Newest commits come first: the first date seen for a file is its last change.
      const file = path.relative(cwd, path.join(root, line));
      if (!dates.has(file)) dates.set(file, current);
    }
  }
  return dates;
}
