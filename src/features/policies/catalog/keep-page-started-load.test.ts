// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { resetSettings, updateSettings } from '@/lib/settings';
import { earlyCatalogSlot } from './early-catalog-slot';
import { keepPageStartedLoad } from './keep-page-started-load';
import type { PageStartedWorker } from './page-started-worker';

/** What the HTML's script leaves when it asked for this origin's list. */
function pageStarted(): PageStartedWorker & { worker: { terminated: boolean } } {
  const worker = {
    terminated: false,
    onmessage: null as ((event: MessageEvent) => void) | null,
    onerror: null as ((event: Event) => void) | null,
    terminate() {
      this.terminated = true;
    },
  };
  const started = {
    worker: worker as unknown as Worker & { terminated: boolean },
    messages: [{ data: { type: 'progress' } } as MessageEvent],
    asked: { baseUrl: '', url: '/api/v1beta1/policies?size=5000' },
    request: new AbortController(),
  };
  (globalThis as { __policyCatalogWorker?: unknown }).__policyCatalogWorker = started;
  return started;
}

afterEach(() => {
  earlyCatalogSlot.load = undefined;
  delete (globalThis as { __policyCatalogWorker?: unknown }).__policyCatalogWorker;
  resetSettings();
  document.head.replaceChildren();
});

describe('the catalog load the HTML began, kept for the loader', () => {
  it('is kept when the settings ask for this origin’s list, with what its worker said and says next', () => {
    const started = pageStarted();
    keepPageStartedLoad();
    const load = earlyCatalogSlot.load!;
    expect(load.worker).toBe(started.worker);
    expect(load.request).toBe(started.request);
    started.worker.onmessage!({ data: { type: 'done' } } as MessageEvent);
    expect(load.messages.map((m) => m.data)).toEqual([{ type: 'progress' }, { type: 'done' }]);
    const failure = new Event('error', { cancelable: true });
    started.worker.onerror!(failure as ErrorEvent);
    expect(load.failed).toBe(failure);
    expect(failure.defaultPrevented).toBe(true);
  });

  it('is ended when the settings name another Guardian, or the page’s CSP does not allow this origin', () => {
    updateSettings({ guardianUrl: 'https://guardian.example.com' });
    const other = pageStarted();
    keepPageStartedLoad();
    expect(earlyCatalogSlot.load).toBeUndefined();
    expect(other.worker.terminated).toBe(true);
    expect(other.request!.signal.aborted).toBe(true);

    resetSettings();
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "default-src 'self'; connect-src https://guardian.example.com";
    document.head.append(meta);
    const refused = pageStarted();
    keepPageStartedLoad();
    expect(earlyCatalogSlot.load).toBeUndefined();
    expect(refused.worker.terminated).toBe(true);
  });
});
