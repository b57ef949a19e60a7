// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

const SETTINGS_KEY = 'policy-console.settings';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  localStorage.clear();
  sessionStorage.clear();
  vi.resetModules();
});

/** A browser that denies this site storage: reading `window.localStorage` itself throws. */
function denyStorage() {
  const denied = () => {
    throw new DOMException('Access is denied for this document.', 'SecurityError');
  };
  vi.spyOn(window, 'localStorage', 'get').mockImplementation(denied);
  vi.spyOn(window, 'sessionStorage', 'get').mockImplementation(denied);
}

describe('settings store', () => {
  it('starts with the defaults when the browser denies storage, and keeps changes for the tab', async () => {
    denyStorage();
    const store = await import('./settings-store');
    expect(store.getSettings()).toMatchObject({ guardianUrl: '', identityEmail: '', exprTarget: 'guardian-1.12' });
    store.updateSettings({ identityEmail: 'me@example.com', rememberCredentials: true, apiToken: 't' });
    expect(store.getSettings()).toMatchObject({ identityEmail: 'me@example.com', apiToken: 't' });
  });

  it('picks up a change made in another tab at once, keeping this tab’s credentials', async () => {
    const store = await import('./settings-store');
    store.updateSettings({ apiToken: 'this-tab-token', identityEmail: 'old@example.com' });
    const listener = vi.fn();
    const { result, unmount } = renderHook(() => {
      listener();
      return store.useSettings();
    });
    // The other tab writes local storage; the browser then tells every other tab.
    localStorage.setItem(
      SETTINGS_KEY,
      JSON.stringify({ identityEmail: 'new@example.com', guardianUrl: 'https://guardian.example.com' }),
    );
    act(() => window.dispatchEvent(new StorageEvent('storage', { key: SETTINGS_KEY })));
    expect(store.getSettings()).toMatchObject({
      identityEmail: 'new@example.com',
      guardianUrl: 'https://guardian.example.com',
      apiToken: 'this-tab-token',
    });
    expect(result.current.identityEmail).toBe('new@example.com');
    const renders = listener.mock.calls.length;
    act(() => window.dispatchEvent(new StorageEvent('storage', { key: 'policy-console.unrelated' })));
    expect(listener).toHaveBeenCalledTimes(renders);
    unmount();
  });
});
