import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { CachedRequest, resetCachedRequests } from './cached-request';

const request = { api: 'guardian' as const, method: 'GET', path: '/api/v1beta1/policies' };
const unavailable = () => new ApiError({ kind: 'http', status: 503, message: 'Service Unavailable', request });
const notFound = () => new ApiError({ kind: 'http', status: 404, message: 'Not Found', request });

/** A load whose answers the test gives one by one. */
function scriptedLoad() {
  const calls: { resolve: (value: string) => void; reject: (error: unknown) => void; signal: AbortSignal }[] = [];
  const load = vi.fn(
    (signal: AbortSignal) =>
      new Promise<string>((resolve, reject) => {
        calls.push({ resolve, reject, signal });
      }),
  );
  return { load, calls };
}

afterEach(() => {
  vi.useRealTimers();
  resetCachedRequests();
});

describe('CachedRequest', () => {
  it('fetches once for every caller while a fetch is out, and keeps the answer fresh for its time', async () => {
    const { load, calls } = scriptedLoad();
    const list = new CachedRequest(load, 30_000);
    list.ensure();
    list.ensure();
    expect(load).toHaveBeenCalledTimes(1);
    expect(list.snapshot()).toMatchObject({ status: 'pending', fetching: true });
    calls[0]!.resolve('catalog');
    await list.fetch();
    expect(list.snapshot()).toMatchObject({ status: 'success', data: 'catalog', fetching: false });
    list.ensure();
    expect(load, 'fresh: not fetched again').toHaveBeenCalledTimes(1);
  });

  it('retries what may pass by itself, counting the failures for the wait, and gives up on a 404 at once', async () => {
    vi.useFakeTimers();
    const { load, calls } = scriptedLoad();
    const list = new CachedRequest(load, 30_000);
    const done = list.fetch();
    calls[0]!.reject(unavailable());
    await vi.waitFor(() => expect(list.snapshot().failures).toBe(1));
    expect(list.snapshot().lastFailure).toBeInstanceOf(ApiError);
    await vi.runOnlyPendingTimersAsync();
    expect(load).toHaveBeenCalledTimes(2);
    calls[1]!.reject(notFound());
    await done;
    expect(list.snapshot()).toMatchObject({ status: 'error', fetching: false, waited: { attempts: 2 } });
    expect((list.snapshot().error as ApiError).status).toBe(404);
  });

  it('stops waiting on Cancel (the fetch aborted) and starts again on Retry', async () => {
    const { load, calls } = scriptedLoad();
    const list = new CachedRequest(load, 30_000);
    list.ensure();
    list.cancel();
    expect(calls[0]!.signal.aborted).toBe(true);
    expect(list.snapshot()).toMatchObject({ status: 'pending', fetching: false, stopped: true });
    list.ensure();
    expect(load, 'a stopped request is not started again by a view').toHaveBeenCalledTimes(1);
    list.retry();
    expect(load).toHaveBeenCalledTimes(2);
    calls[1]!.resolve('catalog');
    await list.fetch();
    expect(list.snapshot()).toMatchObject({ status: 'success', data: 'catalog', stopped: false });
  });

  it('fetches again on invalidation while a view follows it, and keeps the old answer meanwhile', async () => {
    const { load, calls } = scriptedLoad();
    const list = new CachedRequest(load, 30_000);
    list.ensure();
    calls[0]!.resolve('v1');
    await list.fetch();
    const unsubscribe = list.subscribe(() => {});
    list.invalidate();
    expect(load).toHaveBeenCalledTimes(2);
    expect(list.snapshot()).toMatchObject({ status: 'success', data: 'v1', fetching: true });
    calls[1]!.resolve('v2');
    await list.fetch();
    expect(list.snapshot().data).toBe('v2');
    unsubscribe();
    list.invalidate();
    expect(load, 'no view: fetched when one asks').toHaveBeenCalledTimes(2);
    list.ensure();
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('takes a write’s answer in place', () => {
    const list = new CachedRequest(scriptedLoad().load, 30_000);
    list.setData(() => 'patched');
    expect(list.snapshot()).toMatchObject({ status: 'success', data: 'patched' });
  });
});

describe('CachedRequest errors and views', () => {
  it('shows an error that came before its view (no silent retry), and asks again for a view that comes later', async () => {
    const { load, calls } = scriptedLoad();
    const list = new CachedRequest(load, 30_000);
    list.ensure();
    calls[0]!.reject(notFound());
    await list.fetch();
    const unsubscribe = list.subscribe(() => {});
    list.ensure();
    expect(load, 'the first view shows the error').toHaveBeenCalledTimes(1);
    expect(list.snapshot().status).toBe('error');
    unsubscribe();
    list.subscribe(() => {});
    list.ensure();
    expect(load, 'a later view asks again').toHaveBeenCalledTimes(2);
  });
});
