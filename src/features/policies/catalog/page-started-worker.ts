/**
 * The catalog's worker, started by the page's HTML as it is parsed, before the entry script has
 * arrived, with the list request on its way from the page at once: by the time the entry runs, the
 * worker's thread and script are up and the list is in (started from the entry, the worker and the
 * request were 60–90 ms of the way to the first row). The HTML asks for the list only in the
 * common case it can tell without the app's code — a Guardian on this origin, the default — and
 * the entry checks that guess against the settings before it takes the load
 * (keep-page-started-load.ts): a wrong guess costs a request, never a wrong list. The built page's CSP
 * lets this one script run by its hash (scripts/vite-plugins.ts), no other inline script.
 */
import type { CatalogWorkerRequest } from './catalog-worker-protocol';

/** Where the HTML's script leaves the worker for the entry. */
const GLOBAL_KEY = '__policyCatalogWorker';

/** The paths whose first view is the catalog: the only pages that start its worker with the HTML. */
export const CATALOG_PATHS: readonly string[] = ['/', '/policies'];

export interface PageStartedWorker {
  worker: Worker;
  /** What it said before the entry listened, in order. */
  messages: MessageEvent[];
  /** Its script did not load. */
  failed?: Event;
  /** The HTML asked it for this Guardian's catalog (always this origin's, '': see above), sending `url` itself. */
  asked?: { baseUrl: string; url: string };
  /** Stops the HTML's list request, if it is still arriving. */
  request?: AbortController;
}

/** What the build gives the HTML's script: all of it computed by the app's own modules at build time. */
export interface PageStartInputs {
  workerUrl: string;
  /** Where the settings are saved (settings-storage-key.ts), and the build's Guardian when none is. */
  settingsKey: string;
  defaultGuardianUrl: string;
  /** The catalog's first list request for this origin, as the entry would build it, and its fetch options. */
  listUrl: string;
  listInit: RequestInit;
  /** hand-over-first-page.ts's `handOverFirstPage`, compiled to plain JavaScript. */
  handOverFirstPageCode: string;
}

/** The inline script (no imports) that starts the worker and, for this origin's Guardian, the list. */
export function pageStartScript(inputs: PageStartInputs): string {
  const json = JSON.stringify;
  const ask: CatalogWorkerRequest = { source: { baseUrl: '' }, firstPageSent: true };
  return [
    `(function(){`,
    inputs.handOverFirstPageCode,
    `if(${json(CATALOG_PATHS)}.indexOf(location.pathname)<0||typeof Worker!=="function")return;`,
    `try{var s={worker:new Worker(${json(inputs.workerUrl)},{type:"module",name:"policy-catalog"}),messages:[]};`,
    `s.worker.onerror=function(e){e.preventDefault();s.failed=e};`,
    `s.worker.onmessage=function(e){s.messages.push(e)};`,
    `window.${GLOBAL_KEY}=s;`,
    `var saved=null;try{saved=JSON.parse(localStorage.getItem(${json(inputs.settingsKey)})||"null")}catch(e){}`,
    `var base=saved&&typeof saved.guardianUrl==="string"?saved.guardianUrl:${json(inputs.defaultGuardianUrl)};`,
    `if(base!=="")return;`,
    `s.asked={baseUrl:"",url:${json(inputs.listUrl)}};s.request=new AbortController();`,
    `s.worker.postMessage(${json(ask)});`,
    `handOverFirstPage(s.worker,s.asked.url,${json(inputs.listInit)},s.request.signal)`,
    `}catch(e){}`,
    `})();`,
  ].join('\n');
}

const holder = globalThis as { [GLOBAL_KEY]?: PageStartedWorker };

/**
 * The catalog load the HTML began, once, if it sent `url` for `baseUrl`'s catalog; one it began for
 * another (or when `baseUrl` is undefined: the entry sends no early request) is ended. A worker
 * the HTML asked nothing of stays for startCatalogWorker().
 */
export function takePageStartedLoad(baseUrl: string | undefined, url: string): PageStartedWorker | undefined {
  const started = holder[GLOBAL_KEY];
  if (!started?.asked) return undefined;
  delete holder[GLOBAL_KEY];
  if (started.asked.baseUrl === baseUrl && started.asked.url === url) return started;
  started.request?.abort();
  started.worker.terminate();
  return undefined;
}

/** The idle worker the HTML started, once; undefined when there is none or its script failed to load. */
export function takePageStartedWorker(): Worker | undefined {
  const started = holder[GLOBAL_KEY];
  if (!started || started.asked) return undefined;
  delete holder[GLOBAL_KEY];
  started.worker.onerror = null;
  started.worker.onmessage = null;
  if (!started.failed) return started.worker;
  started.worker.terminate();
  return undefined;
}
