/**
 * Wraps a task so that calls made while it runs are folded into one more run, after the current one:
 * a burst of saves in the dev server costs the run in progress and a single catch-up run, never a queue.
 * Every call resolves when a run that started after it has finished.
 */
export function coalesced(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  const start = (): Promise<void> => {
    const run: Promise<void> = task().finally(() => {
      if (running === run) running = undefined;
    });
    running = run;
    return run;
  };
  return () => {
    if (!running) return start();
    next ??= running
      .catch(() => undefined)
      .then(() => {
        next = undefined;
        return start();
      });
    return next;
  };
}
