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

  it('sends the page one restart at a time, at most one each 500 ms: pieces that arrive meanwhile make one more', async () => {
    vi.useFakeTimers();
    const { worker, sent } = workerAndPage();
    const timer = worker.create(15_000);
    for (let i = 0; i < 50; i++) timer.restart();
    expect(sent.map((m) => m.op)).toEqual(['start', 'restart']);

    // Taken at once, but the next one waits its turn, however many pieces come meanwhile.
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 50; i++) timer.restart();
    await vi.advanceTimersByTimeAsync(490);
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(10);
    expect(sent.map((m) => m.op)).toEqual(['start', 'restart', 'restart']);
    // Nothing new since: no more.
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sent).toHaveLength(3);

    // A piece long after the last restart is told at once.
    timer.restart();
    expect(sent).toHaveLength(4);

    timer.clear();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(timer.fired).toBe(false);
  });

  it('never tells the page late enough for its timer to fire early', async () => {
    vi.useFakeTimers();
    const { worker } = workerAndPage();
    const timer = worker.create(1_000);
    // A piece every 400 ms for 4 s, under a 1 s timeout that restarts at most each 500 ms.
    for (let t = 0; t < 4_000; t += 400) {
      timer.restart();
      await vi.advanceTimersByTimeAsync(400);
    }
    // The last piece came at 3,600 ms: not timed out before 4,600 ms, and by at most 500 ms later.
    await vi.advanceTimersByTimeAsync(590);
    expect(timer.fired).toBe(false);
    await vi.advanceTimersByTimeAsync(520);
    expect(timer.fired).toBe(true);
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
