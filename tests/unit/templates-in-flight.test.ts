import { describe, expect, it } from "vitest";
import { concurrencyLimit, limitTemplatesInFlight } from "../../src/patches/templatesInFlight.ts";

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("the limit on templates rendered at a time", () => {
  it("runs at most that many tasks at once, in the order given, and passes results and errors through", async () => {
    const run = concurrencyLimit(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const task = (n: number) => async () => {
      started.push(n);
      most = Math.max(most, ++running);
      await tick();
      running--;
      if (n === 3) throw new Error("trois");
      return n * 10;
    };
    const outcomes = await Promise.allSettled([1, 2, 3, 4, 5].map((n) => run(task(n))));
    expect(most).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(outcomes.map((o) => (o.status === "fulfilled" ? o.value : (o.reason as Error).message))).toEqual([10, 20, "trois", 40, 50]);
  });

  it("limits the writer of every init(), as the dev server makes a new one before each rebuild", async () => {
    let inside = 0;
    let most = 0;
    const writerTask = async () => {
      most = Math.max(most, ++inside);
      await tick();
      inside--;
    };
    const eleventy = {
      writer: undefined as { _generateTemplate(entry: unknown, to: string): Promise<unknown> } | undefined,
      async init() {
        this.writer = { _generateTemplate: writerTask };
      },
    };
    limitTemplatesInFlight(eleventy, 2);
    for (let build = 1; build <= 2; build++) {
      await eleventy.init();
      most = 0;
      await Promise.all(Array.from({ length: 6 }, () => eleventy.writer!._generateTemplate({}, "fs")));
      expect(most).toBe(2);
    }
  });

  it("says which module to adapt when Eleventy no longer has the method it wraps", async () => {
    const withWriter = (writer?: object) => ({ writer: undefined as object | undefined, async init() { this.writer = writer; } });
    let eleventy = withWriter({});
    limitTemplatesInFlight(eleventy);
    await expect(eleventy.init()).rejects.toThrow(/src\/patches\/templatesInFlight\.ts/);
    eleventy = withWriter(undefined);
    limitTemplatesInFlight(eleventy);
    await expect(eleventy.init()).rejects.toThrow(/_generateTemplate/);
  });
});
