import { register } from "node:module";

let registered = false;

/**
 * The live site's folder data files are CommonJS (`module.exports`): under this ESM package Node would read
 * them as ES modules and stop at "module is not defined". Registered once per process, before Eleventy
 * reads any data file (the configuration is loaded first).
 */
export function readCommonJsFolderData(): void {
  if (registered) return;
  register(new URL("./commonJsDataHooks.mjs", import.meta.url));
  registered = true;
}
