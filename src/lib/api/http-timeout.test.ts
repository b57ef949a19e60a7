import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { sendJson } from './http';

// The server's pauses and the request's timeout run on one fake clock: a busy machine that pauses
// the test for longer than a gap between two pieces must not make a steady answer look stalled.
beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Runs the fake clock `ms` ahead, then gives what `promise` settled with (its value or error), or `pending`. */
async function after<T>(ms: number, promise: Promise<T>): Promise<T | 'pending'> {
  const pending = Symbol('pending');
  let outcome: T | typeof pending = pending;
  void promise.then(
    (value) => (outcome = value),
    (error: unknown) => (outcome = error as T),
  );
  await vi.advanceTimersByTimeAsync(ms);
  return outcome === pending ? 'pending' : outcome;
}

const encoder = new TextEncoder();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fetch whose answer starts after `firstByteMs` and then arrives in `pieces`, `gapMs` apart (or stops). */
function slowServer({
  firstByteMs,
  pieces,
  gapMs,
  stopAfter,
}: {
  firstByteMs: number;
  pieces: string[];
  gapMs: number;
  stopAfter?: number;
}) {
  return vi.fn(async (_url: string, init?: RequestInit) => {
    // As fetch does: aborting the request before its answer starts rejects it at once.
    await new Promise((resolve, reject) => {
      const timer = setTimeout(resolve, firstByteMs);
      init?.signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(init.signal!.reason);
      });
    });
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        // As fetch does: aborting the request breaks its body.
        init?.signal?.addEventListener('abort', () => controller.error(init.signal!.reason));
        for (const [i, piece] of pieces.entries()) {
          if (stopAfter !== undefined && i >= stopAfter) return; // stalls: never closes
          if (i > 0) await sleep(gapMs);
          if (init?.signal?.aborted) return;
          controller.enqueue(encoder.encode(piece));
        }
        controller.close();
      },
    });
    return new Response(body, { headers: { 'Content-Type': 'application/json' } });
  });
}

const request = { api: 'guardian', baseUrl: '', path: '/api/v1beta1/policies', timeoutMs: 80 } as const;

describe('request timeout', () => {
  it('lets a long answer through while it keeps arriving', async () => {
    const pieces = ['{"policies":[', ...Array.from({ length: 8 }, (_, i) => `${i ? ',' : ''}${i}`), ']}'];
    vi.stubGlobal('fetch', slowServer({ firstByteMs: 10, pieces, gapMs: 30 }));
    // 10 pieces 30 ms apart: 300 ms in all, far beyond the 80 ms timeout, never 80 ms without news.
    const answer = sendJson(request);
    // Still arriving at 270 ms: no timeout, no answer yet.
    expect(await after(270, answer)).toBe('pending');
    expect(await after(50, answer)).toMatchObject({ status: 200, body: { policies: [0, 1, 2, 3, 4, 5, 6, 7] } });
  });

  it('gives up on a server that does not start answering', async () => {
    vi.stubGlobal('fetch', slowServer({ firstByteMs: 200, pieces: ['{}'], gapMs: 0 }));
    const answer = sendJson(request).catch((e: unknown) => e);
    expect(await after(79, answer)).toBe('pending');
    const error = await after(2, answer);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'timeout', message: 'The server did not answer within 0 s.' });
  });

  it('gives up on an answer that stops arriving', async () => {
    vi.stubGlobal(
      'fetch',
      slowServer({ firstByteMs: 5, pieces: ['{"policies":[', '1,', '2]}'], gapMs: 10, stopAfter: 2 }),
    );
    const answer = sendJson(request).catch((e: unknown) => e);
    // The last piece comes at 15 ms: the timeout then runs out at 95 ms, not before.
    expect(await after(94, answer)).toBe('pending');
    const error = await after(2, answer);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'timeout', message: 'The answer stopped arriving for 0 s.' });
  });
});
