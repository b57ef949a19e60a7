import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { sendJson } from './http';

afterEach(() => vi.unstubAllGlobals());

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
    await sleep(firstByteMs);
    init?.signal?.throwIfAborted();
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
    await expect(sendJson(request)).resolves.toMatchObject({
      status: 200,
      body: { policies: [0, 1, 2, 3, 4, 5, 6, 7] },
    });
  });

  it('gives up on a server that does not start answering', async () => {
    vi.stubGlobal('fetch', slowServer({ firstByteMs: 200, pieces: ['{}'], gapMs: 0 }));
    const error = await sendJson(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'timeout', message: 'The server did not answer within 0 s.' });
  });

  it('gives up on an answer that stops arriving', async () => {
    vi.stubGlobal(
      'fetch',
      slowServer({ firstByteMs: 5, pieces: ['{"policies":[', '1,', '2]}'], gapMs: 10, stopAfter: 2 }),
    );
    const error = await sendJson(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'timeout', message: 'The answer stopped arriving for 0 s.' });
  });
});
