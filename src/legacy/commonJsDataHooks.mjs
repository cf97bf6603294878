// Node module hooks (module.registerHooks): folder data files written for the live site's engine in CommonJS
// (`module.exports = …`) load although the project's package.json says "type": "module". Each is wrapped
// as an ES module whose default export is its `module.exports`: one export, as Eleventy expects of a data
// file, and a module per URL, so Eleventy's cache-busting query reloads it after an edit in the dev server.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dataFile = /\.11tydata\.js$/;
const esmSyntax = /^\s*(?:import\s*[\w{*'"]|export\s)/m;
const commonJsSyntax = /\bmodule\.exports\b|\bexports\.[\w$]+\s*=|\brequire\s*\(/;

/** True when a folder data file is written in CommonJS: it uses module.exports or require, and no import/export. */
export function isCommonJsSource(source) {
  return commonJsSyntax.test(source) && !esmSyntax.test(source);
}

/** The CommonJS module's scope (module, exports, require, __filename, __dirname) around its unchanged source. */
export function asEsModule(source) {
  return [
    'import { createRequire as __createRequire } from "node:module";',
    'import { fileURLToPath as __fileURLToPath } from "node:url";',
    "const module = { exports: {} };",
    "let exports = module.exports;",
    "const require = __createRequire(import.meta.url);",
    "const __filename = __fileURLToPath(import.meta.url);",
    'const __dirname = __filename.replace(/[\\/][^\\/]*$/, "");',
    // Seven lines above the source: an error's line number is the file's plus seven.
    `${source}`,
    ";export default module.exports;",
  ].join("\n");
}

/** Synchronous, in the loading thread (registerHooks): `register`'s hooks ran in a worker that every later import waited on. */
export function load(url, context, nextLoad) {
  if (url.startsWith("file:") && dataFile.test(new URL(url).pathname)) {
    const source = readFileSync(fileURLToPath(url.split("?")[0]), "utf8");
    if (isCommonJsSource(source)) return { format: "module", source: asEsModule(source), shortCircuit: true };
  }
  return nextLoad(url, context);
}
