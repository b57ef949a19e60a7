import { describe, expect, it, vi } from 'vitest';
import { policySchema } from '@/lib/api/guardian/policy-schema';
import { LatestLookups } from './latest-lookups';

/** A server whose answers wait until released, to see how many requests are open at once. */
function heldServer() {
  const waiting: (() => void)[] = [];
  let open = 0;
  let most = 0;
  const fetchLatest = vi.fn((id: string) => {
    open++;
    most = Math.max(most, open);
    return new Promise<ReturnType<typeof policySchema.parse> | undefined>((resolve, reject) => {
      waiting.push(() => {
        open--;
        if (id === 'broken') reject(new Error('500'));
        else resolve(id.startsWith('new') ? undefined : policySchema.parse({ id, version: 2 }));
      });
    });
  });
  const releaseAll = async () => {
    while (waiting.length > 0 || open > 0) {
      waiting.splice(0).forEach((release) => release());
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };
  return { fetchLatest, releaseAll, most: () => most };
}

describe('LatestLookups', () => {
  it('asks for each id once, at most `limit` at a time, and keeps each answer', async () => {
    const server = heldServer();
    const lookups = new LatestLookups(server.fetchLatest, 3, new AbortController().signal);
    const ids = ['a', 'b', 'new-c', 'd', 'broken', 'e', 'a', 'b'];
    ids.forEach((id) => lookups.want(id));
    expect(server.fetchLatest).toHaveBeenCalledTimes(3);
    const answers = Promise.all(ids.map((id) => lookups.get(id)));
    await server.releaseAll();
    const [a, , newC, , broken] = await answers;
    expect(server.fetchLatest).toHaveBeenCalledTimes(6);
    expect(server.most()).toBe(3);
    expect(a).toMatchObject({ ok: true, latest: { id: 'a', version: 2 } });
    expect(newC).toEqual({ ok: true, latest: undefined });
    expect(broken).toMatchObject({ ok: false, error: new Error('500') });
  });

  it('asks nothing more once planning is cancelled', async () => {
    const server = heldServer();
    const controller = new AbortController();
    const lookups = new LatestLookups(server.fetchLatest, 1, controller.signal);
    lookups.want('a');
    lookups.want('b');
    controller.abort(new Error('replanned'));
    await server.releaseAll();
    expect(await lookups.get('b')).toMatchObject({ ok: false, error: new Error('replanned') });
    expect(server.fetchLatest).toHaveBeenCalledTimes(1);
  });
});
