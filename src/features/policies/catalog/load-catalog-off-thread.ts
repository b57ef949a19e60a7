import { ApiError } from '@/lib/api/api-error';
import { waitForMock } from '@/lib/api/mock-ready';
import { connectSources } from '@/lib/csp/connect-sources';
import type { CatalogWorkerMessage, CatalogWorkerRequest } from './catalog-worker-protocol';
import type { CatalogSource, LoadOptions } from './load-policy-catalog';
import type { PolicyCatalog } from './policy-catalog';

const LIST_REQUEST = { api: 'guardian', method: 'GET', path: '/api/v1beta1/policies' } as const;

/**
 * Loads the catalog in a Web Worker (policy-catalog-worker.ts): the download, the parsing and the
 * validation of a 68 MB list never hold the page's main thread, and the page receives only the
 * catalog. Where there are no workers (tests in jsdom), or the worker cannot start, the same
 * loader runs here: it reads the list row by row as it arrives, so it still never blocks for long.
 */
export async function loadCatalogOffThread(
  source: CatalogSource,
  { signal, onProgress }: Pick<LoadOptions, 'signal' | 'onProgress'> = {},
): Promise<PolicyCatalog> {
  const inThisThread = () =>
    import('./load-policy-catalog').then((m) => m.loadPolicyCatalog(source, { signal, onProgress }));
  if (typeof Worker === 'undefined') return inThisThread();
  if (import.meta.env.VITE_MOCK === 'true') {
    // The demo's mock answers from this page: the worker's request must not go out before it is up.
    try {
      await waitForMock(signal);
    } catch (cause) {
      throw new ApiError({ kind: 'aborted', message: 'The request was cancelled.', request: LIST_REQUEST, cause });
    }
  }
  let worker: Worker;
  try {
    worker = new Worker(new URL('./policy-catalog-worker.ts', import.meta.url), {
      type: 'module',
      name: 'policy-catalog',
    });
  } catch {
    return inThisThread();
  }
  return new Promise<PolicyCatalog>((resolve, reject) => {
    let settled = false;
    const finish = (done: () => void) => {
      if (settled) return;
      settled = true;
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
      done();
    };
    const onAbort = () =>
      finish(() =>
        reject(
          new ApiError({
            kind: 'aborted',
            message: 'The request was cancelled.',
            request: LIST_REQUEST,
            cause: signal?.reason,
          }),
        ),
      );
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const policies: PolicyCatalog['policies'] = [];
    const latest: NonNullable<PolicyCatalog['latest']> = [];
    worker.onmessage = (event: MessageEvent<CatalogWorkerMessage>) => {
      const message = event.data;
      if (message.type === 'progress') onProgress?.(message.progress);
      else if (message.type === 'policies') for (const policy of message.policies) policies.push(policy);
      else if (message.type === 'latest') for (const policy of message.latest) latest.push(policy);
      else if (message.type === 'done') {
        const catalog: PolicyCatalog = { ...message.catalog, policies };
        if (message.catalog.latest) catalog.latest = latest;
        finish(() => resolve(catalog));
      } else finish(() => reject(new ApiError(message.error)));
    };
    // The worker's script did not load (an offline chunk, a proxy that refuses it): load here instead.
    worker.onerror = (event) => {
      event.preventDefault();
      finish(() => inThisThread().then(resolve, reject));
    };
    // The worker is not held to the page's CSP by the browser: it is given it (load-policy-catalog.ts).
    worker.postMessage({ source: { ...source, connectSources: connectSources() } } satisfies CatalogWorkerRequest);
  });
}
