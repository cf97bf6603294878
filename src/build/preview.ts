// `npm run preview [-- dossier] [--port=8080]`: serves a built site (by default _site/; a pull request's
// preview once its artefact is unzipped) at the sub-folder it was built for, as its host will.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { serveSite } from "../check/staticServer.ts";
import { builtPathPrefix } from "../content/pathPrefix.ts";

const args = process.argv.slice(2);
const folder = path.resolve(args.find((arg) => !arg.startsWith("--")) ?? "_site");
const port = Number(args.find((arg) => arg.startsWith("--port="))?.slice("--port=".length) ?? 8080);

const home = path.join(folder, "index.html");
if (!existsSync(home)) {
  console.error(`${folder} ne contient pas de site construit (pas d'index.html). Donnez le dossier décompressé de l'artefact, par exemple : npm run preview -- ~/Téléchargements/apercu-site`);
  process.exit(1);
}
const prefix = builtPathPrefix(readFileSync(home, "utf8"));
try {
  const server = await serveSite(folder, { prefix, port });
  console.log(`Aperçu de ${folder} : ${server.url}${prefix} (Ctrl+C pour arrêter)`);
} catch (error) {
  console.error((error as NodeJS.ErrnoException).code === "EADDRINUSE" ? `Le port ${port} est pris : essayez npm run preview -- ${args.join(" ")} --port=8081` : String(error));
  process.exit(1);
}
