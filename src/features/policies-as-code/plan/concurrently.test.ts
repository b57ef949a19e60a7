import { describe, expect, it } from 'vitest';
import { concurrencyLimit } from './concurrently';

describe('concurrencyLimit', () => {
  it('runs tasks as they come, at most `limit` at once, each settling with its own result', async () => {
    const lane = concurrencyLimit(2);
    const release: (() => void)[] = [];
    let open = 0;
    let most = 0;
    const task = (value: number) => () =>
      new Promise<number>((resolve, reject) => {
        open++;
        most = Math.max(most, open);
        release.push(() => {
          open--;
          if (value < 0) reject(new Error(`failed ${value}`));
          else resolve(value);
        });
      });
    const results = [1, -2, 3, 4].map((value) => lane(task(value)));
    results.forEach((result) => result.catch(() => undefined));
    expect(release).toHaveLength(2);
    while (release.length > 0) {
      release.shift()!();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(most).toBe(2);
    expect(await Promise.allSettled(results)).toEqual([
      { status: 'fulfilled', value: 1 },
      { status: 'rejected', reason: new Error('failed -2') },
      { status: 'fulfilled', value: 3 },
      { status: 'fulfilled', value: 4 },
    ]);
  });
});
