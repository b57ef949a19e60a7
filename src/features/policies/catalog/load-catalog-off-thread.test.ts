// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api/api-error';
import { loadCatalogOffThread } from './load-catalog-off-thread';

afterEach(() => {
  vi.unstubAllGlobals();
  document.head.replaceChildren();
});

describe('the catalog read off the main thread', () => {
  it('is refused, with the fix, when the page’s CSP forbids the Guardian it would read (a worker is not held to it)', async () => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "default-src 'self'; connect-src 'self' https://guardian.example.com";
    document.head.append(meta);
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);

    const error = await loadCatalogOffThread({ baseUrl: 'https://elsewhere.example.com/' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).blockedByPolicy).toBe(true);
    expect((error as ApiError).message).toContain('VITE_GUARDIAN_URL');
    expect(fetch).not.toHaveBeenCalled();
  });
});
