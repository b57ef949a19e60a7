import { takePageStartedWorker } from './page-started-worker';

/**
 * The catalog's worker (policy-catalog-worker.ts), from one place: the entry starts it as the page
 * starts (or takes the idle one the HTML started, page-started-worker.ts), the loader when it needs
 * another, and the bundler emits its script once.
 */
export function startCatalogWorker(): Worker {
  return (
    takePageStartedWorker() ??
    new Worker(new URL('./policy-catalog-worker.ts', import.meta.url), { type: 'module', name: 'policy-catalog' })
  );
}
