import { explainOutputConflict } from "./outputConflicts.ts";
import { explainTemplateError } from "./templateErrors.ts";

/** Eleventy wraps errors several times over; editors need the innermost, meaningful message. */
export function errorChain(error: unknown): Error[] {
  const chain: Error[] = [];
  let current: unknown = error;
  while (current instanceof Error && !chain.includes(current)) {
    chain.push(current);
    const next = current as Error & { originalError?: unknown };
    current = next.originalError ?? next.cause;
  }
  return chain;
}

export function describeBuildError(error: unknown): string {
  const chain = errorChain(error);
  if (chain.length === 0) return String(error);
  const conflict = chain.find((e) => e.name === "DuplicatePermalinkOutputError");
  const explained = conflict && explainOutputConflict(conflict.message);
  if (explained) return explained;
  const messages = chain.map((e) => e.message.trim()).filter((m, i, all) => m && all.indexOf(m) === i);
  const template = explainTemplateError(messages);
  if (template) return template;
  const innermost = messages.at(-1) ?? "";
  // Our own messages name the file and the fix: Eleventy's English wrappers around them add nothing.
  if (innermost.startsWith("Erreur dans ")) return innermost;
  const context = messages.slice(0, -1).map((m) => `  (${m})`);
  return [innermost, ...context].join("\n");
}
