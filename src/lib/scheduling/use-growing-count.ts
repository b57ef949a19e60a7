import { useEffect, useState } from 'react';

/**
 * How many of `items` to draw: `first` at once, then `step` more after each frame is on screen, until
 * all are drawn. A list of thousands (a 2,000-step policy) is in the page after a series of short
 * tasks instead of one that freezes it, and what is in view comes first. Another list starts again
 * from `first`.
 */
export function useGrowingCount(items: readonly unknown[], { first, step }: { first: number; step: number }): number {
  const total = items.length;
  const [grown, setGrown] = useState({ items, count: Math.min(total, first) });
  const count = grown.items === items ? grown.count : Math.min(total, first);
  if (grown.items !== items) setGrown({ items, count });
  useEffect(() => {
    if (count >= total) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A task queued from requestAnimationFrame runs once that frame is on screen.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setGrown({ items, count: Math.min(total, count + step) }), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [items, count, total, step]);
  return count;
}
