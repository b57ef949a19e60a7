// The catalog's worker: fetches Guardian's policy list, parses, validates and summarises it here, off
// the page's main thread, and sends the page only the catalog (src/features/policies/api/get-policies.ts).
// Zod parses without compiling here too, as in the page (src/lib/csp/zod-jitless.ts).
import '@/lib/csp/zod-jitless';
import { ApiError } from '@/lib/api/api-error';
import { loadPolicyCatalog } from './load-policy-catalog';
import { pageTimedStalls } from './page-timed-stall';
import type {
  ApiErrorFields,
  CatalogFirstPage,
  CatalogWorkerMessage,
  CatalogWorkerRequest,
  StallTimerReply,
} from './catalog-worker-protocol';

const post = (message: CatalogWorkerMessage) => self.postMessage(message);
/** Summaries per message: each copy into the page takes a few milliseconds. */
const PART = 500;

/** The requests' timeouts run on the page's clock: the one its waiting message and a test's fake clock use. */
const stalls = pageTimedStalls(post);

/** Settles the first request's answer when the page sent it (CatalogFirstPage). */
let takeFirstPage: ((message: CatalogFirstPage) => void) | undefined;

self.onmessage = (event: MessageEvent<CatalogWorkerRequest | CatalogFirstPage | StallTimerReply>) => {
  const data = event.data;
  if ('timer' in data) {
    stalls.reply(data);
    return;
  }
  if ('firstPage' in data) {
    takeFirstPage?.(data);
    return;
  }
  const firstPage = data.firstPageSent
    ? new Promise<Response | undefined>((resolve) => (takeFirstPage = (message) => resolve(toResponse(message))))
    : undefined;
  loadPolicyCatalog(data.source, {
    onProgress: (progress) => post({ type: 'progress', progress }),
    firstPage,
    stallTimer: stalls.create,
  }).then(
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

/** The page's answer as a Response of this worker; one it cannot rebuild is asked again from here. */
function toResponse({ firstPage }: CatalogFirstPage): Response | undefined {
  if (!firstPage) return undefined;
  const { status, statusText, headers } = firstPage;
  try {
    // 204, 205 and 304 have no body by definition, and a Response refuses one.
    const body = status === 204 || status === 205 || status === 304 ? null : firstPage.body;
    return new Response(body, { status, statusText, headers });
  } catch {
    return undefined;
  }
}

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
