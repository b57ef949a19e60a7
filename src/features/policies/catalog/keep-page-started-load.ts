import { buildUrl } from '@/lib/api/build-url';
import { connectSources, thisOriginAllowed } from '@/lib/csp/connect-sources';
import { getSettings } from '@/lib/settings';
import { firstListPageQuery, LIST_PATH } from './first-list-page';
import { earlyCatalogSlot } from './early-catalog-slot';
import { takePageStartedLoad } from './page-started-worker';

/**
 * Takes the catalog load the page's HTML began as it was parsed (page-started-worker.ts: the worker
 * and the first list request, its answer handed to the worker), once the entry can check it is the
 * load the settings ask for: the catalog's whole list from this origin's Guardian. The loader
 * (load-catalog-off-thread.ts) then reads what that worker says, as if it had started it: same
 * parsing, validation, paging, errors and timeout; retries send from a worker of its own. A load
 * for anything else is ended, and the loader starts its own as the catalog's code runs.
 *
 * Only this origin, which every `connect-src` the console ships allows ('self'); any other Guardian
 * is asked by the loader's worker, which checks the page's CSP first. Not in the demo, whose requests
 * wait for its in-page mock (its HTML starts no load).
 */
export function keepPageStartedLoad(): void {
  if (import.meta.env.VITE_MOCK === 'true' || earlyCatalogSlot.load) return;
  const baseUrl = getSettings().guardianUrl;
  const url = buildUrl(baseUrl, LIST_PATH, firstListPageQuery(undefined));
  const begun = takePageStartedLoad(thisOriginAllowed(url, connectSources()) ? baseUrl : undefined, url);
  if (!begun) return;
  const { worker, messages, failed, request } = begun;
  const load = (earlyCatalogSlot.load = { baseUrl, worker, messages, failed, request: request! });
  // What the worker says until the loader listens is kept, in order.
  worker.onmessage = (event) => load.messages.push(event);
  worker.onerror = (event) => {
    event.preventDefault();
    load.failed = event;
  };
}
