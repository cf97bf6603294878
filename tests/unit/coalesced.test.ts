import { describe, expect, it } from "vitest";
import { coalesced } from "../../src/build/coalesced.ts";

/** A task whose runs finish when the test says so. */
function controlledTask() {
  const finishers: ((error?: Error) => void)[] = [];
  const task = () =>
    new Promise<void>((resolve, reject) => {
      finishers.push((error) => (error ? reject(error) : resolve()));
    });
  return { task, finishers };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("coalesced", () => {
  it("folds the calls made during a run into one more run, which every one of them waits for", async () => {
    const { task, finishers } = controlledTask();
    const run = coalesced(task);
    const first = run();
    const later = [run(), run(), run()];
    await settle();
    expect(finishers).toHaveLength(1);

    let laterDone = false;
    void Promise.all(later).then(() => (laterDone = true));
    finishers[0]!();
    await first;
    await settle();
    expect(finishers).toHaveLength(2); // one catch-up run for the three calls
    expect(laterDone).toBe(false); // they wait for the run that started after them

    finishers[1]!();
    await Promise.all(later);
    expect(finishers).toHaveLength(2);

    void run(); // idle again: starts at once
    expect(finishers).toHaveLength(3);
    finishers[2]!();
  });

  it("still runs the catch-up after a failed run, and reports the failure to its own caller", async () => {
    const { task, finishers } = controlledTask();
    const run = coalesced(task);
    const failing = run();
    const catchUp = run();
    finishers[0]!(new Error("index illisible"));
    await expect(failing).rejects.toThrow("index illisible");
    await settle();
    expect(finishers).toHaveLength(2);
    finishers[1]!();
    await expect(catchUp).resolves.toBeUndefined();
  });
});
