import { buildUrl, jsonFetchInit } from '@/lib/api/build-url';
import { connectSources } from '@/lib/csp/connect-sources';
import { getSettings } from '@/lib/settings';
import type { CatalogFirstPage, CatalogWorkerRequest } from './catalog-worker-protocol';
import { firstListPageQuery, LIST_PATH } from './first-list-page';
import type { CatalogSource } from './load-policy-catalog';
import { earlyCatalogSlot, type EarlyCatalogLoad } from './early-catalog-slot';
import { startCatalogWorker } from './start-catalog-worker';

/**
 * Sends the catalog's first list request and starts its worker as the page starts, side by side,
 * instead of one after the other once the catalog's code has loaded: the list is on its way with
 * the first scripts. The answer's body goes to the worker as it arrives (transferred, never copied
 * or parsed here), and the worker reads it as the answer to its own first request: same parsing,
 * validation, paging, errors and timeout. Retries send from the worker as before.
 *
 * Only to this origin, which every `connect-src` the console ships allows ('self'); any other
 * Guardian is asked by the worker, which checks the page's CSP first. Not in the demo, whose
 * requests wait for its in-page mock.
 */
export function startCatalogEarly(): void {
  if (import.meta.env.VITE_MOCK === 'true' || earlyCatalogSlot.load || typeof Worker === 'undefined') return;
  const baseUrl = getSettings().guardianUrl;
  const url = buildUrl(baseUrl, LIST_PATH, firstListPageQuery(undefined));
  const sources = connectSources();
  if (new URL(url, location.href).origin !== location.origin || (sources && !sources.includes("'self'"))) return;
  let worker: Worker;
  try {
    worker = startCatalogWorker();
  } catch {
    return;
  }
  const request = new AbortController();
  const load: EarlyCatalogLoad = (earlyCatalogSlot.load = { baseUrl, worker, messages: [], request });
  worker.onmessage = (event) => load.messages.push(event);
  worker.onerror = (event) => {
    event.preventDefault();
    load.failed = event;
  };
  const source: CatalogSource = { baseUrl, connectSources: sources };
  worker.postMessage({ source, firstPageSent: true } satisfies CatalogWorkerRequest);
  const handOver = (firstPage: CatalogFirstPage['firstPage'], body?: Transferable) =>
    worker.postMessage({ firstPage } satisfies CatalogFirstPage, body ? [body] : []);
  // Failed: the worker asks again and says what went wrong, as for any request of its own.
  void fetch(url, jsonFetchInit({ signal: request.signal })).then(
    (response) => {
      const { status, statusText, body } = response;
      const head = { status, statusText, headers: [...response.headers] };
      try {
        handOver({ ...head, body }, body ?? undefined);
      } catch {
        // A browser that cannot transfer a stream (Safari): the body whole, as bytes.
        response.arrayBuffer().then(
          (bytes) => handOver({ ...head, body: bytes }, bytes),
          () => handOver(null),
        );
      }
    },
    () => handOver(null),
  );
}
