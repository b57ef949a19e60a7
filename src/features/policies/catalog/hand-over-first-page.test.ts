import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CatalogFirstPage } from './catalog-worker-protocol';
import { handOverFirstPage } from './hand-over-first-page';

class FakeWorker {
  posted: { message: CatalogFirstPage; transfer: Transferable[] }[] = [];
  constructor(private readonly refuseStreams = false) {}
  postMessage(message: CatalogFirstPage, transfer: Transferable[]) {
    if (this.refuseStreams && transfer.some((item) => item instanceof ReadableStream)) {
      throw new DOMException('ReadableStream could not be cloned.', 'DataCloneError');
    }
    this.posted.push({ message, transfer });
  }
}

const encoder = new TextEncoder();
/** An answer whose body arrives in these chunks. */
function answer(chunks: string[], { failAfter }: { failAfter?: number } = {}) {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (failAfter !== undefined && sent === failAfter) return controller.error(new TypeError('network error'));
      if (sent === chunks.length) return controller.close();
      controller.enqueue(encoder.encode(chunks[sent++]));
    },
  });
  return new Response(body, { status: 200, statusText: 'OK', headers: { 'Content-Type': 'application/json' } });
}

async function handedOver(worker: FakeWorker, response: Response | Error, wholeUpTo?: number) {
  vi.stubGlobal(
    'fetch',
    vi.fn(() => (response instanceof Error ? Promise.reject(response) : Promise.resolve(response))),
  );
  const signal = new AbortController().signal;
  handOverFirstPage(
    worker as unknown as Worker,
    '/api/v1beta1/policies?size=5000',
    { method: 'GET' },
    signal,
    wholeUpTo,
  );
  await vi.waitFor(() => expect(worker.posted).toHaveLength(1));
  expect(vi.mocked(fetch)).toHaveBeenCalledWith('/api/v1beta1/policies?size=5000', { method: 'GET', signal });
  return worker.posted[0]!;
}

const text = (body: ArrayBuffer | ReadableStream<Uint8Array> | null) => new Response(body).text();

afterEach(() => vi.unstubAllGlobals());

describe('the first list page handed to the catalog worker', () => {
  it('is the whole answer as bytes, transferred, when it is small', async () => {
    const { message, transfer } = await handedOver(new FakeWorker(), answer(['{"policies":', '[]}']));
    const page = message.firstPage!;
    expect(page).toMatchObject({ status: 200, statusText: 'OK' });
    expect(page.headers).toContainEqual(['content-type', 'application/json']);
    expect(page.body).toBeInstanceOf(ArrayBuffer);
    expect(transfer).toEqual([page.body]);
    expect(await text(page.body)).toBe('{"policies":[]}');
  });

  it('is a stream once it passes the size, its start and then the rest, nothing lost or twice', async () => {
    const chunks = ['{"policies":[', '{"id":"a"},', '{"id":"b"},', '{"id":"c"}', ']}'];
    const { message, transfer } = await handedOver(new FakeWorker(), answer(chunks), 20);
    const body = message.firstPage!.body;
    expect(body).toBeInstanceOf(ReadableStream);
    expect(transfer).toEqual([body]);
    expect(await text(body)).toBe(chunks.join(''));
  });

  it('is the whole answer as bytes where a stream cannot be transferred (Safari)', async () => {
    const chunks = ['{"policies":[', '{"id":"a"},', '{"id":"b"}', ']}'];
    const { message } = await handedOver(new FakeWorker(true), answer(chunks), 20);
    expect(message.firstPage!.body).toBeInstanceOf(ArrayBuffer);
    expect(await text(message.firstPage!.body)).toBe(chunks.join(''));
  });

  it('is null when the request fails, or the answer breaks off before it is handed over: the worker asks itself', async () => {
    expect((await handedOver(new FakeWorker(), new TypeError('Failed to fetch'))).message).toEqual({ firstPage: null });
    expect((await handedOver(new FakeWorker(), answer(['{"policies":['], { failAfter: 1 }))).message).toEqual({
      firstPage: null,
    });
  });
});
