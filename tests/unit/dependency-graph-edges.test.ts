import { describe, expect, it } from "vitest";
import { createEleventy } from "../../src/build/eleventy.ts";
import { addDependencyThroughSets, EleventyDepGraph, scanningAddDependency } from "../../src/patches/dependencyGraphEdges.ts";
import { originalMethod } from "../../src/patches/replaceMethod.ts";

type Graph = InstanceType<typeof EleventyDepGraph>;
type Add = (this: Graph, from: string, to: string) => boolean;

/** A list that counts how often it is searched or read through. */
class CountingList extends Array<string> {
  static searches = 0;
  override indexOf(node: string): number {
    CountingList.searches++;
    return super.indexOf(node);
  }
  override includes(node: string): boolean {
    CountingList.searches++;
    return super.includes(node);
  }
  override [Symbol.iterator](): ArrayIterator<string> {
    CountingList.searches++;
    return super[Symbol.iterator]();
  }
}

/** The same random adds and removals on a graph, with the given `addDependency`; a hub node gets long lists. */
function randomGraph(add: Add, seed: number): Graph {
  const graph = new EleventyDepGraph({ circular: true });
  let state = seed;
  const random = (n: number) => ((state = (state * 48271) % 2147483647), state % n);
  const nodes = Array.from({ length: 300 }, (_, i) => `n${i}`);
  for (const node of ["hub", ...nodes]) graph.addNode(node);
  for (let step = 0; step < 4000; step++) {
    const a = random(10) < 6 ? "hub" : nodes[random(nodes.length)]!;
    const b = nodes[random(nodes.length)]!;
    const action = random(20);
    if (action < 15) add.call(graph, a, b);
    else if (action < 19) add.call(graph, b, a);
    else if (action < 20 && random(4) === 0) graph.removeDependency(a, b);
    if (step % 500 === 499) {
      // A node removed and added again, as Eleventy does for the file that changed.
      const node = nodes[random(nodes.length)]!;
      graph.removeNode(node);
      graph.addNode(node);
    }
  }
  return graph;
}

describe("dependency graph edges checked through a Set", () => {
  it("makes the same graph as the library, edge for edge and in the same order", () => {
    for (const seed of [1, 2, 3]) {
      const scanned = randomGraph(scanningAddDependency as Add, seed);
      const throughSets = randomGraph(addDependencyThroughSets as Add, seed);
      expect([...throughSets.outgoingEdges]).toEqual([...scanned.outgoingEdges]);
      expect([...throughSets.incomingEdges]).toEqual([...scanned.incomingEdges]);
      expect(throughSets.outgoingEdges.get("hub")!.length).toBeGreaterThan(200);
      expect(throughSets.overallOrder()).toEqual(scanned.overallOrder());
    }
  });

  it("throws the library's errors for unknown nodes", () => {
    const graph = new EleventyDepGraph();
    graph.addNode("a");
    expect(() => addDependencyThroughSets.call(graph, "a", "b")).toThrow("Node does not exist: b");
    expect(() => addDependencyThroughSets.call(graph, "c", "a")).toThrow("Node does not exist: c");
  });

  it("no longer scans a long list for each new edge", () => {
    const count = (add: Add) => {
      const graph = new EleventyDepGraph();
      graph.addNode("hub");
      graph.outgoingEdges.set("hub", new CountingList());
      CountingList.searches = 0;
      for (let i = 0; i < 2000; i++) {
        graph.addNode(`page-${i}`);
        add.call(graph, "hub", `page-${i}`);
        add.call(graph, "hub", `page-${i}`);
      }
      expect(graph.outgoingEdges.get("hub")).toHaveLength(2000);
      return CountingList.searches;
    };
    expect(count(scanningAddDependency as Add)).toBe(4000);
    // Scanned while short, then read once into a Set that follows the list.
    expect(count(addDependencyThroughSets as Add)).toBeLessThanOrEqual(130);
  });

  it("is installed by createEleventy", () => {
    createEleventy("content", ".cache/fixtures/non-construit", { configPath: "eleventy.config.ts", quietMode: true });
    // In place of the library's method, which it keeps (and counts its calls: src/patches/patch.ts).
    expect(EleventyDepGraph.prototype.addDependency).not.toBe(scanningAddDependency);
    expect(originalMethod(EleventyDepGraph.prototype, "addDependency")).toBe(scanningAddDependency);
    const graph = new EleventyDepGraph();
    for (let i = 0; i < 100; i++) graph.addNode(`n${i}`);
    const hub = new CountingList();
    graph.addNode("hub");
    graph.outgoingEdges.set("hub", hub);
    CountingList.searches = 0;
    for (let i = 0; i < 100; i++) graph.addDependency("hub", `n${i}`);
    expect(CountingList.searches).toBeLessThan(100);
  });
});
