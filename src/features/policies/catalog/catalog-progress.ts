import { useSyncExternalStore } from 'react';
import type { CatalogProgress } from './load-policy-catalog';

let current: CatalogProgress | undefined;
const listeners = new Set<() => void>();

/** How far the policy list has been read, while it loads: a 68 MB list takes seconds, and says so. */
export const catalogProgress = {
  set(progress: CatalogProgress | undefined): void {
    current = progress;
    for (const listener of listeners) listener();
  },
  get: (): CatalogProgress | undefined => current,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useCatalogProgress(): CatalogProgress | undefined {
  return useSyncExternalStore(catalogProgress.subscribe, catalogProgress.get, catalogProgress.get);
}
