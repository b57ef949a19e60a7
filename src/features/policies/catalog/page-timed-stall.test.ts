import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api/api-error';
import { sendJson } from '@/lib/api/http';
import type { StallTimerMessage } from './catalog-worker-protocol';
import { pageTimedStalls } from './page-timed-stall';
import { workerStallTimers } from './worker-stall-timers';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** The worker's side and the page's, each message delivered later, as postMessage does. */
function workerAndPage() {
  const sent: StallTimerMessage[] = [];
  const later = (deliver: () => void) => void Promise.resolve().then(deliver);
  const page = workerStallTimers((reply) => later(() => worker.reply(reply)));
  const worker = pageTimedStalls((message) => {
    sent.push(message);
    later(() => page.take(message));
  });
  return { worker, page, sent };
}

const encoder = new TextEncoder();
const request = { api: 'guardian', baseUrl: '', path: '/api/v1beta1/policies', timeoutMs: 15_000 } as const;

/** A fetch whose answer starts at once and then sends `pieces`, `gapMs` apart, then stalls for good. */
function trickle(pieces: string[], gapMs: number) {
  return vi.fn(async (_url: string, init?: RequestInit) => {
    init?.signal?.throwIfAborted();
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        init?.signal?.addEventListener('abort', () => controller.error(init.signal!.reason));
        for (const piece of pieces) {
          await new Promise((resolve) => setTimeout(resolve, gapMs));
          if (init?.signal?.aborted) return;
          controller.enqueue(encoder.encode(piece));
        }
      },
    });
    return new Response(body);
  });
}

/** A server that never answers: a request ends only when it is aborted. */
function stubFetchThatNeverAnswers() {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      (_url: string, init?: RequestInit) =>
        new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason))),
    ),
  );
}

describe('a worker request timed on the page’s clock', () => {
  it('fails as a timeout when the page’s time runs out, with the words of a timer of its own', async () => {
    vi.useFakeTimers();
    stubFetchThatNeverAnswers();
    const { worker } = workerAndPage();
    const answer = sendJson({ ...request, stallTimer: worker.create }).catch((e: unknown) => e);
    let settled = false;
    void answer.then(() => (settled = true));

    await vi.advanceTimersByTimeAsync(14_900);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    const error = await answer;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'timeout', message: 'The server did not answer within 15 s.' });
  });

  it('has no timer of its own in the worker: with no page to run it, nothing times the request out', async () => {
    vi.useFakeTimers();
    stubFetchThatNeverAnswers();
    const sent: StallTimerMessage[] = [];
    const worker = pageTimedStalls((message) => sent.push(message));
    let settled = false;
    void sendJson({ ...request, stallTimer: worker.create }).finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(settled).toBe(false);
    expect(sent).toEqual([{ type: 'timer', id: 1, op: 'start', ms: 15_000 }]);
  });

  it('lets an answer through while it keeps arriving, and gives up once it stalls', async () => {
    vi.useFakeTimers();
    // Pieces 10 s apart under a 15 s timeout: never 15 s without news, until the last one.
    vi.stubGlobal('fetch', trickle(['{"policies":[', '1,', '2,', '3'], 10_000));
    const { worker } = workerAndPage();
    const answer = sendJson({ ...request, stallTimer: worker.create }).catch((e: unknown) => e);
    let settled = false;
    void answer.then(() => (settled = true));

    await vi.advanceTimersByTimeAsync(40_000 + 14_900);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(await answer).toMatchObject({ kind: 'timeout', message: 'The answer stopped arriving for 15 s.' });
  });

  it('sends the page one restart at a time: pieces that arrive meanwhile make one more, once it is taken', async () => {
    vi.useFakeTimers();
    const { worker, sent } = workerAndPage();
    const timer = worker.create(15_000);
    for (let i = 0; i < 50; i++) timer.restart();
    expect(sent.map((m) => m.op)).toEqual(['start', 'restart']);

    await vi.advanceTimersByTimeAsync(0);
    expect(sent.map((m) => m.op)).toEqual(['start', 'restart', 'restart']);
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(3);

    timer.clear();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(timer.fired).toBe(false);
  });

  it('never fires once the page has ended the worker', async () => {
    vi.useFakeTimers();
    const { worker, page } = workerAndPage();
    const timer = worker.create(15_000);
    await vi.advanceTimersByTimeAsync(0);
    page.clearAll();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(timer.fired).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });
});
