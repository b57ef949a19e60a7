// The catalog's worker: fetches Guardian's policy list, parses, validates and summarises it here, off
// the page's main thread, and sends the page only the catalog (src/features/policies/api/get-policies.ts).
// Zod parses without compiling here too, as in the page (src/lib/csp/zod-jitless.ts).
import '@/lib/csp/zod-jitless';
import { ApiError } from '@/lib/api/api-error';
import { loadPolicyCatalog } from './load-policy-catalog';
import type { ApiErrorFields, CatalogWorkerMessage, CatalogWorkerRequest } from './catalog-worker-protocol';

const post = (message: CatalogWorkerMessage) => self.postMessage(message);
/** Summaries per message: each copy into the page takes a few milliseconds. */
const PART = 500;

self.onmessage = (event: MessageEvent<CatalogWorkerRequest>) => {
  loadPolicyCatalog(event.data.source, { onProgress: (progress) => post({ type: 'progress', progress }) }).then(
    (catalog) => {
      for (let i = 0; i < catalog.policies.length; i += PART) {
        post({ type: 'policies', policies: catalog.policies.slice(i, i + PART) });
      }
      const latest = catalog.latest ?? [];
      for (let i = 0; i < latest.length; i += PART) post({ type: 'latest', latest: latest.slice(i, i + PART) });
      post({ type: 'done', catalog: { ...catalog, policies: [], ...(catalog.latest ? { latest: [] } : {}) } });
    },
    (error: unknown) => post({ type: 'failed', error: toErrorInit(error) }),
  );
};

function toErrorInit(error: unknown): ApiErrorFields {
  if (error instanceof ApiError) {
    return {
      kind: error.kind,
      message: error.message,
      request: error.request,
      status: error.status,
      code: error.code,
      serverMessages: error.serverMessages,
      retryAfter: error.retryAfter,
      issues: error.issues,
      blockedByPolicy: error.blockedByPolicy,
    };
  }
  return {
    kind: 'network',
    message: `The policy list could not be read: ${error instanceof Error ? error.message : String(error)}`,
    request: { api: 'guardian', method: 'GET', path: '/api/v1beta1/policies' },
  };
}
