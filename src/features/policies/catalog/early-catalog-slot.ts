/** A catalog load begun by the page's HTML, kept by the entry for the loader (load-catalog-off-thread.ts). */
export interface EarlyCatalogLoad {
  /** The Guardian it asks. */
  baseUrl: string;
  worker: Worker;
  /** What the worker said before the loader listened to it, in order. */
  messages: MessageEvent[];
  /** The worker's script failed to load before the loader listened. */
  failed?: Event;
  /** Stops the page's request, if it is still arriving. */
  request: AbortController;
}

/**
 * Where the entry leaves that load (keep-page-started-load.ts) for the loader. Apart from both:
 * when a module the entry loads is also imported by the catalog's chunk, the bundler splits that
 * module's imports into small files of their own (more requests before the first row); this one
 * imports nothing.
 */
export const earlyCatalogSlot: { load?: EarlyCatalogLoad } = {};
