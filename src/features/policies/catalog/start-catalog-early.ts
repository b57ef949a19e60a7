import { buildUrl, jsonFetchInit } from '@/lib/api/build-url';
import { connectSources } from '@/lib/csp/connect-sources';
import { getSettings } from '@/lib/settings';
import type { CatalogWorkerRequest } from './catalog-worker-protocol';
import { firstListPageQuery, LIST_PATH } from './first-list-page';
import type { CatalogSource } from './load-policy-catalog';
import { earlyCatalogSlot, type EarlyCatalogLoad } from './early-catalog-slot';
import { handOverFirstPage } from './hand-over-first-page';
import { takePageStartedLoad } from './page-started-worker';
import { startCatalogWorker } from './start-catalog-worker';

/**
 * Sends the catalog's first list request and starts its worker as the page starts, side by side,
 * instead of one after the other once the catalog's code has loaded: the list is on its way with
 * the first scripts. The answer's body goes to the worker as it arrives (hand-over-first-page.ts),
 * and the worker reads it as the answer to its own first request: same parsing, validation,
 * paging, errors and timeout. Retries send from the worker as before.
 *
 * Only to this origin, which every `connect-src` the console ships allows ('self'); any other
 * Guardian is asked by the worker, which checks the page's CSP first. Not in the demo, whose
 * requests wait for its in-page mock.
 *
 * When the HTML has sent this very request already, with the worker (page-started-worker.ts), that
 * load is the early one: nothing is sent from here.
 */
export function startCatalogEarly(): void {
  if (import.meta.env.VITE_MOCK === 'true' || earlyCatalogSlot.load || typeof Worker === 'undefined') return;
  const baseUrl = getSettings().guardianUrl;
  const url = buildUrl(baseUrl, LIST_PATH, firstListPageQuery(undefined));
  const sources = connectSources();
  const thisOrigin = new URL(url, location.href).origin === location.origin && (!sources || sources.includes("'self'"));
  const begun = takePageStartedLoad(thisOrigin ? baseUrl : undefined, url);
  if (begun) {
    keep({ baseUrl, worker: begun.worker, messages: begun.messages, failed: begun.failed, request: begun.request! });
    return;
  }
  if (!thisOrigin) return;
  let worker: Worker;
  try {
    worker = startCatalogWorker();
  } catch {
    return;
  }
  const request = new AbortController();
  keep({ baseUrl, worker, messages: [], request });
  const source: CatalogSource = { baseUrl, connectSources: sources };
  worker.postMessage({ source, firstPageSent: true } satisfies CatalogWorkerRequest);
  handOverFirstPage(worker, url, jsonFetchInit({}), request.signal);
}

/** Leaves `load` for the loader, keeping what its worker says until the loader listens. */
function keep(load: EarlyCatalogLoad): void {
  earlyCatalogSlot.load = load;
  load.worker.onmessage = (event) => load.messages.push(event);
  load.worker.onerror = (event) => {
    event.preventDefault();
    load.failed = event;
  };
}
