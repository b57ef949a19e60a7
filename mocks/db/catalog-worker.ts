// The demo's catalog worker: computes every seeded and generated policy version off the page's main
// thread while the console starts (mocks/browser.ts), with exactly the code the page would run.
// Zod parses without compiling here too, as in the page (src/lib/csp/zod-jitless.ts).
import '../../src/lib/csp/zod-jitless';
import { Catalog, type CatalogOptions, type ListEntries } from './catalog';

/** JSON text rather than objects: cheap to send back, and the page only needs the list's text. */
export type CatalogWorkerAnswer = { ok: true; entries: ListEntries } | { ok: false; message: string };

self.onmessage = (event: MessageEvent<CatalogOptions>) => {
  let answer: CatalogWorkerAnswer;
  try {
    answer = { ok: true, entries: new Catalog(event.data).baseEntries() };
  } catch (error) {
    answer = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(answer);
};
