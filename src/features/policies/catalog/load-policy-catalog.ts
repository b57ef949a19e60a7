import { ApiError } from '@/lib/api/api-error';
import { policyListEnvelopeSchema, policySchema, policyStampSchema } from '@/lib/api/guardian/policy-schema';
import { buildUrl } from '@/lib/api/build-url';
import { connectSources, thisOriginAllowed } from '@/lib/csp/connect-sources';
import { streamJson, type HttpRequest } from '@/lib/api/http';
import { parseResponse } from '@/lib/api/parse-response';
import { JsonArraySplitter } from '@/lib/json/json-array-splitter';
import { firstListPageQuery, LIST_PAGE_SIZE, LIST_PATH } from './first-list-page';
import { CatalogBuilder, type PolicyCatalog } from './policy-catalog';

export interface CatalogSource {
  /** Guardian server root ('' = this origin). */
  baseUrl: string;
  /** Only these policies, every version of each: goto/guardian filters by `ids`; raystack ignores it and sends all. */
  ids?: string[];
  /** Keep each policy's latest version in full (`latest`): for exports, never for the catalog view. */
  withLatest?: boolean;
  /** The page's CSP `connect-src`, when this runs in a Web Worker (which a meta CSP does not reach). */
  connectSources?: string[];
}

export interface CatalogProgress {
  /** Rows (policy versions) read so far. */
  rows: number;
  /** Rows in the whole list, when the server says (goto/guardian's `total`). */
  total?: number;
}

export interface LoadOptions {
  signal?: AbortSignal;
  onProgress?: (progress: CatalogProgress) => void;
  /** Rows asked for per request where the server pages. */
  pageSize?: number;
  /** The answer to the first request (firstListPageQuery), sent before this ran; `undefined`: send it here. */
  firstPage?: Promise<Response | undefined>;
  /** Who runs each request's timeout (in the worker: the page, policy-catalog-worker.ts); by default a timer here. */
  stallTimer?: HttpRequest['stallTimer'];
}

/** The first page's text held to be parsed whole, at most (see readPage). */
const WHOLE_PAGE_UP_TO = 1 << 20;

/** Pages asked for at once: the server answers one while the next is on its way. */
const PAGES_AT_ONCE = 3;
const PROGRESS_EVERY = 2_000;
/** And at most this often: each report is a message to the page and a render of its progress line. */
const PROGRESS_EVERY_MS = 250;
/** A version's stamp as Guardian writes it (snake_case) or the swagger does (camelCase). */
const STAMP_FIELDS = new Set([
  'id',
  'version',
  'created_by',
  'createdBy',
  'created_at',
  'createdAt',
  'updated_at',
  'updatedAt',
]);

/** goto/guardian's `total` (an int32, so protojson writes a number; 0 is left out, as every zero value). */
function readTotal(envelope: unknown): number | undefined {
  const total = (envelope as { total?: unknown } | null)?.total;
  if (typeof total === 'number' && Number.isInteger(total) && total >= 0) return total;
  if (typeof total === 'string' && /^\d+$/.test(total)) return Number(total);
  return undefined;
}

/**
 * Guardian's policy list as the catalog keeps it. The list arrives as text and each row is parsed,
 * validated with the console's schema and summarised the moment it is complete, while the rest
 * downloads: the whole list is never held as text, as one parsed tree, or as validated policies.
 *
 * raystack sends every version of every policy in one answer and ignores `size`, `offset` and `ids`;
 * goto/guardian takes them and says its `total`. The first request asks for one page: an answer
 * without `total` is the whole list; with it, the rest is fetched in pages, a few at a time.
 */
export async function loadPolicyCatalog(source: CatalogSource, options: LoadOptions = {}): Promise<PolicyCatalog> {
  const { onProgress } = options;
  // Refused, and said why, as the browser would refuse it in the page. This origin, which the CSP
  // allows by 'self', needs no matching (its code loads only for another: this runs before the first row).
  const listUrl = buildUrl(source.baseUrl, LIST_PATH);
  // Given by the page to its worker; read from the page's own CSP when this runs in the page.
  const sources = source.connectSources ?? connectSources();
  if (sources && !thisOriginAllowed(listUrl, sources)) {
    const { blockedByPolicyError } = await import('@/lib/api/blocked-by-policy');
    const refused = blockedByPolicyError(
      listUrl,
      { api: 'guardian', method: 'GET', path: LIST_PATH },
      undefined,
      sources,
    );
    if (refused) throw refused;
  }
  // One page failing stops the others.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const pageSize = options.pageSize ?? LIST_PAGE_SIZE;
  const builder = new CatalogBuilder({ policySchema, policyStampSchema });
  const known: { total?: number } = {};
  let reported = 0;
  let reportedAt = 0;
  const progress = () => {
    if (builder.rows - reported < PROGRESS_EVERY) return;
    const now = Date.now();
    if (now - reportedAt < PROGRESS_EVERY_MS) return;
    reported = builder.rows;
    reportedAt = now;
    onProgress?.({ rows: builder.rows, total: known.total });
  };

  const readPage = async (query: HttpRequest['query'], offset: number, sent?: HttpRequest['sent']) => {
    let rows = 0;
    const take = (row: unknown, text?: string) => {
      builder.add(row, offset + rows++, text);
      progress();
    };
    // A row's stamp is read from its text; the whole row only for the version the catalog shows.
    const splitter = new JsonArraySplitter(
      'policies',
      (text, _index, stamp) => take(stamp ?? JSON.parse(text), text),
      STAMP_FIELDS,
    );
    // A small first page is held and parsed whole: in a worker just started, the scan above runs as
    // cold, interpreted code, at twice the time of one native JSON.parse of the page (the first row
    // waits for it). Past this size, or on later pages, rows are read as they arrive.
    let held: string[] | undefined = offset === 0 ? [] : undefined;
    let heldLength = 0;
    const onText = (piece: string) => {
      if (!held) return splitter.push(piece);
      held.push(piece);
      if ((heldLength += piece.length) <= WHOLE_PAGE_UP_TO) return;
      held.forEach((p) => splitter.push(p));
      held = undefined;
    };
    const request: HttpRequest = {
      api: 'guardian',
      baseUrl: source.baseUrl,
      path: LIST_PATH,
      query,
      signal,
      sent,
      stallTimer: options.stallTimer,
    };
    const response = await streamJson(request, onText);
    if (response.status < 200 || response.status >= 300) {
      // Reading Guardian's error body is loaded when there is one (it is not needed for the first row).
      const { guardianFailure } = await import('@/lib/api/guardian/guardian-failure');
      throw guardianFailure(response);
    }
    let envelope: unknown;
    try {
      envelope = held ? readWhole(held.join(''), take) : splitter.end();
    } catch (cause) {
      throw new ApiError({
        kind: 'malformed',
        status: response.status,
        message: `The server answered ${response.status} with a body that is not JSON.`,
        request: response.request,
        cause,
      });
    }
    await parseResponse(policyListEnvelopeSchema, envelope, response.request, 'a policy list', response.status);
    return { rows, total: readTotal(envelope) };
  };

  const first = await readPage(firstListPageQuery(source.ids, pageSize), 0, options.firstPage);
  const total = (known.total = first.total);
  if (total === undefined) return described(builder, builder.finish(false, source.withLatest));
  onProgress?.({ rows: builder.rows, total });
  if (!source.ids && first.rows > 0) {
    // A server may cap the page below what was asked: its first page says how big its pages are.
    const step = first.rows;
    const offsets: number[] = [];
    for (let offset = step; offset < total; offset += step) offsets.push(offset);
    try {
      await inParallel(offsets, PAGES_AT_ONCE, (offset) =>
        readPage({ size: step, offset }, offset).then(() => undefined),
      );
    } catch (error) {
      stop.abort();
      throw error;
    }
  }
  return described(builder, builder.finish(true, source.withLatest));
}

/**
 * What the catalog needs only when the list has problems, loaded then: the comparison of repeated
 * versions (policy-catalog.ts `compare`), and the unreadable rows in zod's English words (the catalog's worker is built without
 * them, scripts/vite-plugins.ts `zodMessagesOnDemand`; elsewhere they are there already).
 */
async function described(builder: CatalogBuilder, catalog: PolicyCatalog): Promise<PolicyCatalog> {
  await builder.compared();
  await builder.describeAgain(catalog, () => import('@/lib/api/zod-messages'));
  return catalog;
}

/** Runs `task` on every item, at most `limit` at once; the first failure rejects (the rest still settle). */
async function inParallel<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/**
 * The list page parsed whole: each row of its `policies` is taken, and the rest is returned with the
 * array empty, as JsonArraySplitter's `end()` returns it. Throws JSON.parse's error for text that is
 * not JSON, as `end()` does.
 */
function readWhole(text: string, take: (row: unknown) => void): unknown {
  const envelope = JSON.parse(text) as { policies?: unknown } | null;
  if (!Array.isArray(envelope?.policies)) return envelope;
  envelope.policies.forEach((row) => take(row));
  return { ...envelope, policies: [] };
}
