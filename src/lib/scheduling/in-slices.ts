/** Lets the browser paint and handle input before long work goes on. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Calls `visit` on every item, giving the main thread back every `sliceMs`: a response of 50,000
 * policy versions is validated without freezing the page, and an abort stops it between slices.
 * Work that fits in one slice runs synchronously, without a single yield.
 */
export async function forEachInSlices<T>(
  items: readonly T[],
  visit: (item: T, index: number) => void,
  { signal, sliceMs = 8 }: { signal?: AbortSignal; sliceMs?: number } = {},
): Promise<void> {
  let sliceStart = performance.now();
  for (let i = 0; i < items.length; i++) {
    visit(items[i]!, i);
    if (i + 1 < items.length && performance.now() - sliceStart >= sliceMs) {
      await yieldToMain();
      signal?.throwIfAborted();
      sliceStart = performance.now();
    }
  }
}
