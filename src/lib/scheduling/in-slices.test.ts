import { describe, expect, it, vi } from 'vitest';
import { forEachInSlices } from './in-slices';

/** Advances performance.now() by `ms` per call, so each item "takes" that long. */
function clockAdvancing(ms: number) {
  let now = 0;
  return vi.spyOn(performance, 'now').mockImplementation(() => (now += ms));
}

describe('forEachInSlices', () => {
  it('visits every item in order, with its index', async () => {
    const seen: string[] = [];
    await forEachInSlices(['a', 'b', 'c'], (item, i) => seen.push(`${i}:${item}`));
    expect(seen).toEqual(['0:a', '1:b', '2:c']);
  });

  it('runs a list that fits in one slice without yielding', async () => {
    clockAdvancing(0.001);
    const seen: number[] = [];
    const done = forEachInSlices([1, 2, 3], (n) => seen.push(n));
    expect(seen, 'all visited before the promise is awaited').toEqual([1, 2, 3]);
    await done;
  });

  it('gives the main thread back between slices', async () => {
    clockAdvancing(3);
    const seen: number[] = [];
    const done = forEachInSlices([1, 2, 3, 4, 5, 6], (n) => seen.push(n), { sliceMs: 8 });
    expect(seen.length, 'stops after the first slice').toBeLessThan(6);
    expect(seen.length).toBeGreaterThan(0);
    await done;
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('stops between slices once aborted', async () => {
    clockAdvancing(5);
    const controller = new AbortController();
    const seen: number[] = [];
    const done = forEachInSlices([1, 2, 3, 4, 5, 6], (n) => seen.push(n), { signal: controller.signal, sliceMs: 8 });
    controller.abort(new Error('left the page'));
    await expect(done).rejects.toThrow('left the page');
    expect(seen.length).toBeLessThan(6);
  });
});
