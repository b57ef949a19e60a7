import type { ApiErrorInit } from '@/lib/api/api-error';
import type { CatalogProgress, CatalogSource } from './load-policy-catalog';
import type { PolicyCatalog } from './policy-catalog';

/** What the page asks the catalog worker: one list to load; the worker is ended after it answers. */
export interface CatalogWorkerRequest {
  source: CatalogSource;
}

/** An ApiError as it crosses from the worker (an Error's class does not survive the copy). */
export type ApiErrorFields = Omit<ApiErrorInit, 'cause'>;

export type CatalogWorkerMessage =
  | { type: 'progress'; progress: CatalogProgress }
  | { type: 'done'; catalog: PolicyCatalog }
  | { type: 'failed'; error: ApiErrorFields };
