/**
 * Runs async tasks one at a time. Read-modify-write of an index file must not
 * interleave, or two quick additions would each write an index without the other.
 */
export function createSerialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    // Not run.catch(): that would hold the task's result until the next task (an invitation's whole batch of events).
    tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };
}
