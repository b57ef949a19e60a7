/**
 * The catalog's worker (policy-catalog-worker.ts), from one place: the entry starts it as the page
 * starts, the loader when it needs another, and the bundler emits its script once.
 */
export function startCatalogWorker(): Worker {
  return new Worker(new URL('./policy-catalog-worker.ts', import.meta.url), { type: 'module', name: 'policy-catalog' });
}
