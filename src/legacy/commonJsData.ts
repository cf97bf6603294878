import { registerHooks } from "node:module";
import { load } from "./commonJsDataHooks.mjs";

let registered = false;

/**
 * The live site's folder data files are CommonJS (`module.exports`): under this ESM package Node would read
 * them as ES modules and stop at "module is not defined". Registered once per process, before Eleventy
 * reads any data file (the configuration is loaded first). In-thread hooks: `module.register`'s run in a worker
 * that every later import of the build waited on (0.3 s of a build of the live-shaped site).
 */
export function readCommonJsFolderData(): void {
  if (registered) return;
  registerHooks({ load });
  registered = true;
}
