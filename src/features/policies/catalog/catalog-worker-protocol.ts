import type { ApiErrorInit } from '@/lib/api/api-error';
import type { CatalogProgress, CatalogSource } from './load-policy-catalog';
import type { PolicyCatalog } from './policy-catalog';

/** What the page asks the catalog worker: one list to load; the worker is ended after it answers. */
export interface CatalogWorkerRequest {
  source: CatalogSource;
  /** The page sent the first request itself: its answer follows as a CatalogFirstPage message. */
  firstPageSent?: true;
}

/**
 * The answer to the first request, sent by the page as it started, its body handed over (a stream
 * where the browser can transfer one, else the bytes). `null`: the worker sends the request itself.
 */
export interface CatalogFirstPage {
  firstPage: {
    status: number;
    statusText: string;
    headers: [string, string][];
    body: ReadableStream<Uint8Array> | ArrayBuffer | null;
  } | null;
}

/**
 * A request's timeout in the worker, whose timer the page runs (page-timed-stall.ts): started with
 * the request, restarted when a piece of the answer arrives, cleared when the request is over.
 */
export type StallTimerMessage =
  { type: 'timer'; id: number; op: 'start'; ms: number } | { type: 'timer'; id: number; op: 'restart' | 'clear' };

/** The page's side of a timer: its time ran out, or it took a restart (the worker may send the next). */
export interface StallTimerReply {
  timer: { id: number; event: 'fired' | 'restarted' };
}

/** An ApiError as it crosses from the worker (an Error's class does not survive the copy). */
export type ApiErrorFields = Omit<ApiErrorInit, 'cause'>;

/**
 * The catalog comes in parts: each message is copied into the page in a task of its own, so 10,000
 * summaries never hold the main thread in one long copy. `done` carries the rest, with no policies.
 */
export type CatalogWorkerMessage =
  | StallTimerMessage
  | { type: 'progress'; progress: CatalogProgress }
  | { type: 'policies'; policies: PolicyCatalog['policies'] }
  | { type: 'latest'; latest: NonNullable<PolicyCatalog['latest']> }
  | { type: 'done'; catalog: PolicyCatalog }
  | { type: 'failed'; error: ApiErrorFields };
