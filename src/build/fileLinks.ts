import { constants, copyFileSync, linkSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";

/**
 * `to` becomes the same file as `from`: a hard link where both sit on one file system (no byte copied, however
 * heavy the file), a copy elsewhere (an output folder on another disk or in memory). `to` must not exist.
 */
export function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EXDEV" && code !== "EPERM" && code !== "ENOTSUP") throw error;
    copyFileSync(from, to, constants.COPYFILE_FICLONE);
  }
}

/** Every file under the folder `from`, linked at the same place under `to` (created as needed). */
export function linkFolder(from: string, to: string): void {
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = path.join(entry.parentPath, entry.name);
    const target = path.join(to, path.relative(from, source));
    mkdirSync(path.dirname(target), { recursive: true });
    linkOrCopy(source, target);
  }
}
