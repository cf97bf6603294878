// `npm run new -- <post|video|podcast|event|publication> "Titre"`: creates a content file with valid front matter.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { contentTypes, scaffold, type ContentType } from "./templates.ts";

const [type, ...words] = process.argv.slice(2);
const title = words.join(" ").trim();
if (!contentTypes.includes(type as ContentType) || !title) {
  console.error(`Usage : npm run new -- <${contentTypes.join("|")}> "Titre de la page"`);
  process.exit(2);
}
const { path: relative, source } = scaffold(type as ContentType, title, new Date());
const file = path.join("content", relative);
if (existsSync(file)) {
  console.error(`${file} existe déjà : rien n'a été écrit. Choisissez un autre titre ou modifiez ce fichier.`);
  process.exit(1);
}
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, source, { flag: "wx" });
console.log(`Créé : ${file}`);
