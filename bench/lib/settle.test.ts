import { describe, expect, it } from 'vitest';
import { settle } from './settle';

describe('settle', () => {
  it('gives up after maxMs on a machine it never finds quiet enough', async () => {
    // No machine is ever below 0 % busy: it waits out maxMs, and not much longer.
    const waited = await settle({ busyShare: -1, windowMs: 20, maxMs: 200 });
    expect(waited).toBeGreaterThanOrEqual(200);
    expect(waited).toBeLessThan(1_000);
  });

  it('returns after one window on a machine it counts as quiet', async () => {
    // Every machine is at most 100 % busy.
    const waited = await settle({ busyShare: 1, windowMs: 20, maxMs: 5_000 });
    expect(waited).toBeLessThan(1_000);
  });
});
