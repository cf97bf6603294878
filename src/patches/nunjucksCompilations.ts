import { createRequire } from "node:module";
import { replaceMethodOnce } from "./replaceMethod.ts";
import type { Patch } from "./patch.ts";

export const patch: Patch = {
  name: "nunjucksCompilations",
  library: "nunjucks",
  version: "3.2.4",
  upstream: "https://github.com/11ty/eleventy/issues/1068 (fermé : Eleventy 2 ne réutilise que les fonctions de permalien)",
  measured: "6 000 actualités : 18 602 compilations, 1,2 s, ramenées à une par texte et environnement",
  removeWhen: "Eleventy réutilise les compilations d'un même texte, ou ne rend plus avec ce Nunjucks (Eleventy 4 rend avec @11ty/nunjucks : ce module n'y intercepte plus rien, le test le dit)",
};

/**
 * Eleventy compiles a Nunjucks template for every page it renders from one, even when the text is the same: each
 * page of a paginated list compiles the list's whole body and its permalink again, and every post its permalink
 * (6,000 posts: 18,602 compilations, 1.2 s). Here a compilation is made once per Nunjucks environment and text,
 * then shared. The compiled code names its template only to find the files it includes, imports or extends
 * relative to it: code that does not name it is shared whatever the template's path, code that does is shared
 * only with templates of the same path. Rendering, and the file named in an error, stay each template's own.
 */

type CompiledProps = { root: unknown } & Record<string, unknown>;

interface TemplateInternals {
  tmplProps?: CompiledProps;
  tmplStr: string;
  path?: string | null;
  env: { asyncFilters: unknown; extensionsList: unknown; opts: unknown };
  blocks: unknown;
  rootRenderFunc: unknown;
  compiled: boolean;
  _compile(): void;
  _getBlocks(props: CompiledProps): unknown;
}

// Eleventy renders with the copy of Nunjucks the project pins (package.json), loaded from the same place.
const require = createRequire(import.meta.url);
const nunjucks = require("nunjucks") as { Template: { prototype: TemplateInternals } };
const compiler = require("nunjucks/src/compiler") as {
  compile(text: string, asyncFilters: unknown, extensions: unknown, name: string | null | undefined, options: unknown): string;
};

const mismatch =
  "Cette version de Nunjucks n'a plus Template._compile ou ses champs, que src/patches/nunjucksCompilations.ts partage d'une page à l'autre : adaptez ce module à la nouvelle version (ou retirez-le).";

/** Template._compile of Nunjucks 3.2, the compiled code looked up before it is made. */
export function sharedCompile(): TemplateInternals["_compile"] {
  const compilations = new WeakMap<object, Map<string, CompiledProps>>();
  return function (this: TemplateInternals) {
    if (typeof this.tmplStr !== "string" || !this.env || typeof this._getBlocks !== "function") throw new Error(mismatch);
    let props = this.tmplProps;
    if (!props) {
      let known = compilations.get(this.env);
      if (!known) compilations.set(this.env, (known = new Map()));
      const anyPath = `\0${this.tmplStr}`;
      const samePath = `${this.path}\0${this.tmplStr}`;
      props = known.get(anyPath) ?? known.get(samePath);
      if (!props) {
        const code = compiler.compile(this.tmplStr, this.env.asyncFilters, this.env.extensionsList, this.path, this.env.opts);
        props = new Function(code)() as CompiledProps;
        const namesItsPath = this.path != null && code.includes(JSON.stringify(this.path));
        known.set(namesItsPath ? samePath : anyPath, props);
      }
    }
    this.blocks = this._getBlocks(props);
    this.rootRenderFunc = props.root;
    this.compiled = true;
  };
}

/** Puts the shared compilation on Nunjucks' Template, once per process. */
export function shareNunjucksCompilations(): void {
  replaceMethodOnce(nunjucks.Template?.prototype, "_compile", sharedCompile, mismatch, patch.name);
}
