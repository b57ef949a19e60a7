// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeApiError } from './describe-api-error';
import { ApiError } from './api-error';
import { sendJson } from './http';

afterEach(() => {
  vi.unstubAllGlobals();
  document.head.replaceChildren();
});

describe('a request the page’s CSP forbids', () => {
  it('is named as such, with the fix, and never retried as if it were an outage', async () => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "default-src 'self'; connect-src 'self'";
    document.head.append(meta);
    // What the browser does: refuse before sending, and say only "Failed to fetch".
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const error = (await sendJson({
      api: 'guardian',
      baseUrl: 'https://guardian.elsewhere.example',
      path: '/api/v1beta1/policies',
    }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.blockedByPolicy).toBe(true);
    expect(error.isTransient).toBe(false);
    const words = describeApiError(error);
    expect(words.title).toBe('Blocked by this console’s security policy');
    expect(words.message).toMatch(/rebuild the console with VITE_GUARDIAN_URL=https:\/\/guardian\.elsewhere\.example/);
  });

  it('leaves an ordinary network failure as one', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const error = (await sendJson({ api: 'guardian', baseUrl: 'https://guardian.elsewhere.example', path: '/x' }).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error.blockedByPolicy).toBe(false);
    expect(describeApiError(error).title).toBe('Cannot reach Guardian');
  });
});
