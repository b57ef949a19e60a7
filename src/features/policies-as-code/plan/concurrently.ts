/**
 * A lane of at most `limit` tasks at a time, for work that comes in one by one: each task starts
 * when a place is free, and its promise settles with it.
 */
export function concurrencyLimit(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  const next = () => {
    if (running < limit) waiting.shift()?.();
  };
  return <T>(task: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      waiting.push(() => {
        running++;
        task()
          .then(resolve, reject)
          .finally(() => {
            running--;
            next();
          });
      });
      next();
    });
}

/** Runs `work` on every item, in order, at most `limit` at a time; one item's failure is its own business. */
export async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const lane = concurrencyLimit(limit);
  await Promise.all(items.map((item) => lane(() => work(item))));
}
