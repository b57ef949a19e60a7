import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useGrowingCount } from './use-growing-count';

/** Runs the frame and the task queued from it: one step of growth. */
async function nextFrame() {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(20);
  });
}

describe('useGrowingCount', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
  });
  afterEach(() => vi.useRealTimers());

  it('draws the first items at once and the rest a step per frame, until all are drawn', async () => {
    const items = Array.from({ length: 25 });
    const { result } = renderHook(() => useGrowingCount(items, { first: 10, step: 6 }));
    expect(result.current).toBe(10);
    await nextFrame();
    expect(result.current).toBe(16);
    await nextFrame();
    await nextFrame();
    expect(result.current).toBe(25);
    await nextFrame();
    expect(result.current, 'never past the end').toBe(25);
  });

  it('draws a short list whole at once', () => {
    const items = [1, 2, 3, 4];
    const { result } = renderHook(() => useGrowingCount(items, { first: 10, step: 6 }));
    expect(result.current).toBe(4);
  });

  it('starts again from the first items for another list, even of the same length', async () => {
    const { result, rerender } = renderHook(({ items }) => useGrowingCount(items, { first: 10, step: 50 }), {
      initialProps: { items: Array.from({ length: 100 }) },
    });
    await nextFrame();
    expect(result.current).toBe(60);
    rerender({ items: Array.from({ length: 100 }) });
    expect(result.current).toBe(10);
    await nextFrame();
    expect(result.current).toBe(60);
  });
});
