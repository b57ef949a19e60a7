import { describe, expect, it, vi } from 'vitest';
import { EditorUiStore } from './editor-ui-store';

const keys = Array.from({ length: 2000 }, (_, i) => `k${i}`);
const expandedCount = (store: EditorUiStore) => keys.filter((key) => store.isStepExpanded(key)).length;

describe('EditorUiStore: expand all on 2,000 steps', () => {
  it('expands in slices, handing the page back between them, and says how far it got', async () => {
    const store = new EditorUiStore();
    store.setStepKeys(keys);
    // Each emit renders the rows of one slice: say that costs a fifth of a millisecond.
    const listener = vi.fn(() => {
      const until = performance.now() + 0.2;
      while (performance.now() < until) {
        // busy, as a render is
      }
    });
    store.subscribe(listener);
    const run = store.setAllStepsExpanded(true, { frameMs: 2 });
    // The first slice ran at once; the rest wait for the page to breathe.
    expect(expandedCount(store)).toBeGreaterThan(0);
    expect(expandedCount(store)).toBeLessThan(2000);
    expect(store.bulk).toMatchObject({ expanding: true, total: 2000 });
    await run;
    expect(expandedCount(store)).toBe(2000);
    expect(store.bulk).toBeUndefined();
    expect(listener.mock.calls.length).toBeGreaterThan(2);
  });

  it('lets a collapse take over an expand that is still running', async () => {
    const store = new EditorUiStore();
    store.setStepKeys(keys);
    const expanding = store.setAllStepsExpanded(true, { frameMs: 1 });
    const collapsing = store.setAllStepsExpanded(false, { frameMs: 1 });
    await Promise.all([expanding, collapsing]);
    expect(expandedCount(store)).toBe(0);
    expect(store.bulk).toBeUndefined();
  });
});
