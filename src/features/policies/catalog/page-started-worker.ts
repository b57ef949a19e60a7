/**
 * The catalog's worker, started by the page's HTML as it is parsed, before the entry script has
 * arrived: its thread and script are up by the time the entry sends the list request, instead of
 * being started then (the worker's start was 60–90 ms of the way to the first row). Only the worker
 * starts there: the request, with its settings, CSP check and URL, is still the entry's
 * (start-catalog-early.ts), so the HTML holds no rule of its own. The built page's CSP lets this one
 * script run by its hash (scripts/vite-plugins.ts), no other inline script.
 */

/** Where the HTML's script leaves the worker for the entry. */
const GLOBAL_KEY = '__policyCatalogWorker';

/** The paths whose first view is the catalog: the only pages that start its worker with the HTML. */
export const CATALOG_PATHS: readonly string[] = ['/', '/policies'];

interface PageStartedWorker {
  worker: Worker;
  /** Its script did not load (the entry then starts one of its own, which says why). */
  failed: boolean;
}

/**
 * The inline script (plain ES5, no imports) that starts the worker at `workerUrl`, with the name and
 * type startCatalogWorker() gives it. Built into the HTML at build time.
 */
export function pageStartScript(workerUrl: string): string {
  return [
    `(function(){`,
    `if(${JSON.stringify(CATALOG_PATHS)}.indexOf(location.pathname)<0||typeof Worker!=="function")return;`,
    `try{var s={worker:new Worker(${JSON.stringify(workerUrl)},{type:"module",name:"policy-catalog"}),failed:false};`,
    `s.worker.onerror=function(e){e.preventDefault();s.failed=true};`,
    `window.${GLOBAL_KEY}=s}catch(e){}`,
    `})();`,
  ].join('');
}

/** The worker the HTML started, once; undefined when there is none or its script failed to load. */
export function takePageStartedWorker(): Worker | undefined {
  const holder = globalThis as { [GLOBAL_KEY]?: PageStartedWorker };
  const started = holder[GLOBAL_KEY];
  delete holder[GLOBAL_KEY];
  if (!started) return undefined;
  started.worker.onerror = null;
  if (!started.failed) return started.worker;
  started.worker.terminate();
  return undefined;
}
