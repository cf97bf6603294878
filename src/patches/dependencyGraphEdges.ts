import { importAsEleventyDoes } from "./eleventyInternals.ts";
import { originalMethod, replaceMethodOnce } from "./replaceMethod.ts";
import type { Patch } from "./patch.ts";

export const patch: Patch = {
  name: "dependencyGraphEdges",
  library: "dependency-graph",
  version: "1.0.0",
  upstream: "https://github.com/jriecken/dependency-graph/pull/51 (ensembles au lieu de listes, ouverte)",
  measured: "0,28 s de chaque reconstruction du serveur de développement à 6 000 actualités, quatre fois plus à 12 000",
  removeWhen: "dependency-graph ne parcourt plus la liste entière à chaque ajout (#51 fusionnée et reprise par Eleventy)",
};

/**
 * Eleventy 3.1 keeps the relations between templates and collections in a `dependency-graph` 1.0 graph, and
 * links every template that reads no collection to one node (the first collection stage). Before adding an
 * edge, the library checks that it is new by scanning the node's whole list of edges (`indexOf`): that node's
 * list holds nearly every page, so building the graph is quadratic in the number of pages (0.28 s of each
 * dev-server rebuild at 6,000 posts, four times that at 12,000). Here long lists are checked through a Set.
 */

/** What this module relies on in dependency-graph 1.0: edge lists only grow through `addDependency`. */
export interface DepGraphInternals {
  outgoingEdges: Map<string, string[]>;
  incomingEdges: Map<string, string[]>;
  hasNode(node: string): boolean;
  addDependency(from: string, to: string): boolean;
}

const { DepGraph } = await importAsEleventyDoes<{ DepGraph?: { prototype: DepGraphInternals } }>("dependency-graph");

const mismatch =
  "Cette version de dependency-graph (utilisée par Eleventy) n'a plus DepGraph.addDependency ni ses listes outgoingEdges / incomingEdges, que src/patches/dependencyGraphEdges.ts accélère : adaptez ce module à la nouvelle version (ou retirez-le si la bibliothèque ne parcourt plus ces listes).";

/** Shorter lists are scanned: a Set would cost more than it saves. */
const scanLimit = 64;

/**
 * The members of each long list. The library removes edges with `splice` and never tells: a Set whose size
 * no longer matches its list is made again (lists hold no duplicates, and only `addDependency` adds to them).
 */
const members = new WeakMap<string[], Set<string>>();

function includes(list: string[], node: string): boolean {
  if (list.length < scanLimit) return list.includes(node);
  let set = members.get(list);
  if (!set || set.size !== list.length) members.set(list, (set = new Set(list)));
  return set.has(node);
}

function append(list: string[], node: string): void {
  list.push(node);
  members.get(list)?.add(node);
}

/** `addDependency` as the library defines it (same errors, same edge order), with the checks through `includes`. */
export function addDependencyThroughSets(this: DepGraphInternals, from: string, to: string): boolean {
  if (!this.hasNode(from)) throw new Error(`Node does not exist: ${from}`);
  if (!this.hasNode(to)) throw new Error(`Node does not exist: ${to}`);
  const outgoing = this.outgoingEdges.get(from)!;
  if (!includes(outgoing, to)) append(outgoing, to);
  const incoming = this.incomingEdges.get(to)!;
  if (!includes(incoming, from)) append(incoming, from);
  return true;
}

/** The library's own method, for the tests to compare with. */
export const scanningAddDependency = originalMethod<DepGraphInternals["addDependency"]>(DepGraph?.prototype, "addDependency")!;

/** The dependency-graph class Eleventy uses, for the tests. */
export const EleventyDepGraph = DepGraph as unknown as new (options?: { circular?: boolean }) => DepGraphInternals & {
  addNode(node: string): void;
  removeNode(node: string): void;
  removeDependency(from: string, to: string): void;
  overallOrder(): string[];
};

/** Puts the Set-backed check on dependency-graph's DepGraph, once per process. */
export function speedUpDependencyGraphEdges(): void {
  replaceMethodOnce(DepGraph?.prototype, "addDependency", () => addDependencyThroughSets, mismatch, patch.name);
}
