// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { connectBlocked, connectBlockedAdvice } from './connect-policy';
import { connectSources } from './connect-sources';

const PAGE = 'https://console.example.com';
const BUILT = ["'self'", 'https://guardian.example.com'];
const blocked = (url: string, sources = BUILT) => connectBlocked(url, { sources, pageOrigin: PAGE }) !== undefined;

describe('connect-src', () => {
  it('allows this origin, an empty (same-origin) URL and the origins the build named', () => {
    expect(blocked('')).toBe(false);
    expect(blocked('/api/v1beta1/policies')).toBe(false);
    expect(blocked('https://console.example.com/api')).toBe(false);
    expect(blocked('https://guardian.example.com')).toBe(false);
    expect(blocked('https://guardian.example.com:443/api/v1beta1/policies')).toBe(false);
  });

  it('blocks any other origin, scheme or port', () => {
    expect(blocked('https://guardian.other.com')).toBe(true);
    expect(blocked('http://guardian.example.com')).toBe(true);
    expect(blocked('https://guardian.example.com:8443')).toBe(true);
  });

  it('reads wildcards and scheme sources as browsers do', () => {
    expect(blocked('https://a.corp.example', ['*.corp.example'])).toBe(false);
    expect(blocked('https://corp.example', ['https://*.corp.example'])).toBe(true);
    expect(blocked('https://anything.example', ['https:'])).toBe(false);
    expect(blocked('https://anything.example', ["'none'"])).toBe(true);
  });

  it('finds the page’s meta policy, falling back to default-src', () => {
    const doc = document.implementation.createHTMLDocument();
    expect(connectSources(doc)).toBeUndefined();
    const meta = doc.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "default-src 'self'; connect-src 'self' https://a.example";
    doc.head.append(meta);
    expect(connectSources(doc)).toEqual(["'self'", 'https://a.example']);
    meta.content = "default-src 'self'; script-src 'self'";
    expect(connectSources(doc)).toEqual(["'self'"]);
  });

  it('says why and what to do, naming the build variable', () => {
    expect(connectBlockedAdvice('https://g.other.com/x', 'VITE_GUARDIAN_URL', BUILT)).toMatch(
      /lets it connect only to this console’s own origin, https:\/\/guardian\.example\.com; the browser blocks requests to https:\/\/g\.other\.com .*rebuild the console with VITE_GUARDIAN_URL=https:\/\/g\.other\.com/,
    );
  });
});
