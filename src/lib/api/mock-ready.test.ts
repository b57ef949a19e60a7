import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { sendJson } from './http';
import { mockStarted, setMockStart, waitForMock } from './mock-ready';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  setMockStart(Promise.resolve());
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe('mock readiness (demo builds)', () => {
  it('reports a failed start as an outcome, never as a rejection', async () => {
    await expect(setMockStart(Promise.reject(new Error('no service worker')))).resolves.toMatchObject({
      ok: false,
      error: { message: 'no service worker' },
    });
    await expect(mockStarted()).resolves.toMatchObject({ ok: false });
  });

  it('stops waiting when the caller aborts', async () => {
    setMockStart(new Promise(() => undefined));
    const controller = new AbortController();
    const waiting = waitForMock(controller.signal);
    controller.abort(new Error('unmounted'));
    await expect(waiting).rejects.toThrow('unmounted');
  });

  it('holds API requests until the mock answers, in a demo build', async () => {
    vi.stubEnv('VITE_MOCK', 'true');
    const fetch = vi.fn(async () => new Response('{"ok":true}', { headers: { 'Content-Type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    const start = deferred();
    setMockStart(start.promise);
    const response = sendJson({ api: 'guardian', baseUrl: '', path: '/api/v1beta1/policies' });
    await tick();
    expect(fetch).not.toHaveBeenCalled();
    start.resolve();
    await expect(response).resolves.toMatchObject({ status: 200, body: { ok: true } });
    expect(fetch).toHaveBeenCalledOnce();
  });

  it('sends the request anyway when the mock failed to start (the failure then shows as an API error)', async () => {
    vi.stubEnv('VITE_MOCK', 'true');
    const fetch = vi.fn(async () => new Response('', { status: 404 }));
    vi.stubGlobal('fetch', fetch);
    setMockStart(Promise.reject(new Error('no service worker')));
    await expect(sendJson({ api: 'guardian', baseUrl: '', path: '/api/v1beta1/policies' })).resolves.toMatchObject({
      status: 404,
    });
  });

  it('cancels a waiting request as "aborted"', async () => {
    vi.stubEnv('VITE_MOCK', 'true');
    vi.stubGlobal('fetch', vi.fn());
    setMockStart(new Promise(() => undefined));
    const controller = new AbortController();
    const response = sendJson({
      api: 'guardian',
      baseUrl: '',
      path: '/api/v1beta1/policies',
      signal: controller.signal,
    });
    controller.abort();
    const error = await response.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe('aborted');
  });
});
