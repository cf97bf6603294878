import { createRequire } from "node:module";
import { countInterception, type Patch } from "./patch.ts";
import { originalMethod, replaceMethodOnce } from "./replaceMethod.ts";

export const patch: Patch = {
  name: "nunjucksMemberLookup",
  library: "nunjucks",
  version: "3.2.4",
  upstream: "https://github.com/mozilla/nunjucks/issues/271 (pas de bac à sable ; la documentation demande de ne rendre que des gabarits de confiance)",
  measured: "sans lui, {{ range.constructor(\"return process.version\")() }} dans une actualité s'exécutait pendant la construction (tests/build/patches.test.ts)",
  removeWhen: "Nunjucks refuse lui-même l'accès aux constructeurs et prototypes, ou le contenu n'est plus rendu par Nunjucks",
};

/**
 * Content is Nunjucks, and a Nunjucks expression reaches any JavaScript object's properties: through
 * `constructor`, a page could make a function from text and run it in the build (docs/security.md). Every
 * `a.b` and `a["b"]` of a template goes through the runtime's memberLookup; the names that lead from a value to
 * the code that made it are refused there, whoever wrote the template, with a message that names them.
 */
const refusedNames = new Set(["constructor", "__proto__", "prototype", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__"]);

type MemberLookup = (object: unknown, name: unknown) => unknown;

// The copy of Nunjucks Eleventy renders with: the one the project pins (package.json).
const runtime = createRequire(import.meta.url)("nunjucks/src/runtime") as { memberLookup: MemberLookup };

const mismatch =
  "Cette version de Nunjucks n'a plus runtime.memberLookup, que src/patches/nunjucksMemberLookup.ts filtre pour qu'un gabarit ne puisse pas exécuter de JavaScript : adaptez ce module à la nouvelle version avant de publier.";

export class RefusedMemberError extends Error {
  constructor(name: string) {
    super(
      `« ${name} » est refusé dans un gabarit ou un contenu : il donnerait accès au JavaScript de la construction. Retirez « .${name} » (ou « ["${name}"] ») ; pour un besoin réel, ajoutez un filtre au moteur (src/plugins/filters.ts).`,
    );
    this.name = "RefusedMemberError";
  }
}

export function refusingLookup(): MemberLookup {
  const lookup = originalMethod<MemberLookup>(runtime, "memberLookup")!;
  return function (object, name) {
    if (typeof name === "string" && refusedNames.has(name)) {
      countInterception(patch.name);
      throw new RefusedMemberError(name);
    }
    return lookup(object, name);
  };
}

/** Puts the refusal in Nunjucks' runtime, once per process. */
export function refuseCodeAccessInTemplates(): void {
  replaceMethodOnce(runtime, "memberLookup", refusingLookup, mismatch);
}
