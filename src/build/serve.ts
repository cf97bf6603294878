// `npm run serve [-- --input=content --output=_site --port=8080]`: the dev server. This process only looks after
// the one that runs Eleventy (watch.ts), and starts it again when it stopped on a broken page that has been fixed
// since: a new process, because Eleventy keeps the files it read in module-level caches only its watcher clears.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const option = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const workerFlag = "DEV_SERVER_WORKER";
/** How the Eleventy process asks to be started again: the site did not build, then a file was saved. */
const retryExitCode = 75;

/**
 * The web editor (/admin/) saves into this working copy through decap-server on loopback: only for the
 * project's own content folder, whose paths the editor's configuration names.
 */
async function startEditorBackend(): Promise<void> {
  if ((option("input") ?? "content") !== "content" || process.env.CMS_LOCAL_BACKEND === "off") return;
  const { readFileSync } = await import("node:fs");
  const port = Number(process.env.CMS_LOCAL_PORT || (JSON.parse(readFileSync("_data/editor.json", "utf8")) as { localBackendPort: number }).localBackendPort);
  const { startLocalBackend } = await import("../admin/localBackend.ts");
  try {
    await startLocalBackend({ repository: process.cwd(), port });
    console.log(`Éditeur de contenu : /admin/ sur le serveur ci-dessous ; il enregistre dans ce dossier (serveur local sur le port ${port}).`);
  } catch (error) {
    const busy = (error as NodeJS.ErrnoException).code === "EADDRINUSE";
    console.warn(
      busy
        ? `L'éditeur de contenu (/admin/) ne pourra pas enregistrer : le port ${port} est déjà pris (un autre « npm start » ?). Arrêtez l'autre processus, ou choisissez un autre port avec CMS_LOCAL_PORT=8082 npm start.`
        : `L'éditeur de contenu (/admin/) ne pourra pas enregistrer : ${(error as Error).message}`,
    );
  }
}

if (process.env[workerFlag]) {
  // Imported here only: this process stays small (69 MB; with Eleventy loaded, 105).
  const { watchAndServe } = await import("./watch.ts");
  const port = option("port");
  const serving = await watchAndServe({ input: option("input") ?? "content", output: option("output") ?? "_site", port: port ? Number(port) : undefined });
  if (!serving) process.exit(retryExitCode);
} else {
  // Each rebuild makes short-lived data for every template; a larger young generation collects it less often.
  // 6,000 posts, one post saved, alternated runs (21 and 27 saves): median 2.46 -> 2.27 s, for 80 MB more (1.11 -> 1.19 GB).
  const youngGeneration = "--max-semi-space-size=64";
  let worker: ChildProcess;
  const start = () => {
    worker = spawn(process.execPath, [...process.execArgv, youngGeneration, fileURLToPath(import.meta.url), ...args], { stdio: "inherit", env: { ...process.env, [workerFlag]: "1" } });
    worker.on("exit", (code, signal) => {
      if (code === retryExitCode) start();
      else process.exit(code ?? (signal ? 0 : 1));
    });
  };
  // Ctrl+C (or the tests' stop) ends the dev server, not only this process.
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => worker.kill(signal));
  await startEditorBackend();
  start();
}
