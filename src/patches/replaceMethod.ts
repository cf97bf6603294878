import { countInterception } from "./patch.ts";

/** The method a replacement stands for, kept on the replacement: a second copy of a module finds the original. */
const original = Symbol.for("replaceMethod.original");

type Method = (...args: never[]) => unknown;
type Replacement<F extends Method> = F & { [original]?: F };

/** The method as the library defines it, even once replaced. */
export function originalMethod<F extends Method>(prototype: object | undefined, name: string): F | undefined {
  const current = (prototype as Record<string, Replacement<F>> | undefined)?.[name];
  return current?.[original] ?? current;
}

/**
 * Puts `make()` in place of a library's internal method, once per process (the tests load some modules twice).
 * If the library no longer has the method, stops with `mismatch`, which names the module to adapt. With `patch`,
 * each call of the replacement is counted under that patch's name (src/patches/patch.ts).
 */
export function replaceMethodOnce<F extends Method>(prototype: object | undefined, name: string, make: () => F, mismatch: string, patch?: string): void {
  const methods = prototype as Record<string, Replacement<F>> | undefined;
  const current = methods?.[name];
  if (typeof current !== "function") throw new Error(mismatch);
  if (current[original]) return;
  const replacement = make();
  const counted = patch
    ? (function (this: unknown, ...args: Parameters<F>) {
        countInterception(patch);
        return replacement.apply(this, args);
      } as unknown as F)
    : replacement;
  methods![name] = Object.assign(counted, { [original]: current });
}
