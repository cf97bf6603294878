import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { isPlaceholderImage } from "../content/placeholders.ts";
import type { Problem } from "./types.ts";

const imageFile = /\.(svg|png|jpe?g|webp|avif|gif)$/i;
const sourceFile = /\.(md|njk|html|json|ya?ml)$/i;

function filesUnder(folder: string, pattern: RegExp): string[] {
  try {
    return readdirSync(folder, { recursive: true, encoding: "utf8" })
      .filter((file) => pattern.test(file) && !file.split(path.sep).includes("node_modules"))
      .map((file) => path.join(folder, file));
  } catch {
    return [];
  }
}

/**
 * For the owners: every image still standing in for one they have to supply (src/content/placeholders.ts), with the
 * pages that show it. `folders` are where images are published from (the public folders, the content folder).
 */
export function checkPlaceholders(folders: string[], contentFolder: string): Problem[] {
  const sources = filesUnder(contentFolder, sourceFile).map((file) => ({ file, text: readFileSync(file, "utf8") }));
  const problems: Problem[] = [];
  for (const folder of folders) {
    for (const file of filesUnder(folder, imageFile)) {
      if (!isPlaceholderImage(readFileSync(file))) continue;
      const address = `/${path.relative(folder, file).split(path.sep).join("/")}`;
      // A content image is written relative to its page (vignette.svg); a public one from the site's root.
      const name = path.basename(file);
      const users = sources.filter(({ file: source, text }) => text.includes(address) || (path.dirname(source) === path.dirname(file) && text.includes(name)));
      const shown = users.length ? `, montrée par ${users.map((user) => path.relative(process.cwd(), user.file)).join(", ")}` : ", qu'aucune page ne montre encore";
      problems.push({
        severity: "avertissement",
        check: "à fournir",
        url: address,
        source: users[0] ? path.relative(process.cwd(), users[0].file) : path.relative(process.cwd(), file),
        message: `image provisoire à remplacer par l'image définitive, sous le même nom : ${path.relative(process.cwd(), file)}${shown}.`,
      });
    }
  }
  return problems.sort((a, b) => a.url.localeCompare(b.url));
}
