import type { CatalogFirstPage } from './catalog-worker-protocol';

/**
 * Sends the catalog's first list request from the page and hands the answer to the catalog's worker.
 * A list that has arrived whole within `wholeUpTo` bytes is handed over as bytes, at once: a
 * transferred stream is read through the page's main thread chunk by chunk, which stalls the
 * worker while the page starts (tens of ms). A longer one is handed over as a stream as soon as it
 * passes that size (its start, then the rest as it arrives), so that a 68 MB list is never held
 * here. Both are transferred, never copied or parsed here; where a browser cannot transfer a stream
 * (Safari), the rest is read and handed over as bytes. The worker reads it as the answer to its own
 * first request; a request that failed is `null`, and the worker asks again itself and says what
 * went wrong.
 *
 * Self-contained — no imports, nothing from outside but its arguments — because the built HTML runs
 * this very code before any module has loaded (page-started-worker.ts, scripts/vite-plugins.ts).
 */
export function handOverFirstPage(
  worker: Worker,
  url: string,
  init: RequestInit,
  signal: AbortSignal,
  wholeUpTo = 1 << 20,
): void {
  const handOver = (firstPage: CatalogFirstPage['firstPage'], body?: Transferable) =>
    worker.postMessage({ firstPage } satisfies CatalogFirstPage, body ? [body] : []);
  void fetch(url, { ...init, signal })
    .then((response) => {
      const { status, statusText, body } = response;
      const head = { status, statusText, headers: [...response.headers] };
      if (!body) return handOver({ ...head, body: null });
      const reader = body.getReader();
      const chunks: Uint8Array[] = [];
      let size = 0;
      const readAll = (): Promise<void> =>
        reader.read().then(({ done, value }) => {
          if (done) {
            return new Blob(chunks as BlobPart[])
              .arrayBuffer()
              .then((bytes) => handOver({ ...head, body: bytes }, bytes));
          }
          chunks.push(value);
          size += value.byteLength;
          if (size <= wholeUpTo) return readAll();
          const rest = new ReadableStream<Uint8Array>(
            {
              start: (controller) => chunks.forEach((chunk) => controller.enqueue(chunk)),
              pull: (controller) =>
                reader.read().then((next) => (next.done ? controller.close() : controller.enqueue(next.value))),
              cancel: (reason) => reader.cancel(reason),
              // Read only when the worker asks (nothing is read twice if the stream cannot be handed over).
            },
            { highWaterMark: 0 },
          );
          try {
            handOver({ ...head, body: rest }, rest);
          } catch {
            wholeUpTo = Infinity;
            return readAll();
          }
        });
      return readAll();
    })
    .catch(() => handOver(null));
}
