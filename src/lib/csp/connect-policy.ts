/**
 * What the page's Content-Security-Policy lets it connect to. The built console carries its policy
 * in a `<meta>` tag whose `connect-src` is fixed at build time ('self' plus the origins of
 * VITE_GUARDIAN_URL and VITE_POLICY_TEST_URL): an endpoint typed into Settings later is blocked by
 * the browser before any request leaves, and the browser says only "failed to fetch". This tells
 * that case apart, so the console can say exactly why and what to do.
 */
import { connectSources } from './connect-sources';

function hostMatches(pattern: string, host: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1));
  return pattern === host;
}

/** Whether one CSP source expression allows `url` (CSP Level 3 matching, the parts a console uses). */
function sourceAllows(source: string, url: URL, pageOrigin: string): boolean {
  const value = source.toLowerCase();
  if (value === "'self'") return url.origin === pageOrigin;
  if (value === "'none'") return false;
  if (value === '*') return url.protocol === 'http:' || url.protocol === 'https:' || url.origin === pageOrigin;
  if (/^[a-z][a-z0-9+.-]*:$/.test(value)) {
    // A scheme source; http: also allows https: (an upgrade).
    return url.protocol === value || (value === 'http:' && url.protocol === 'https:');
  }
  const match = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*|(?:\*\.)?[^/:]+)(?::(\d+|\*))?(\/.*)?$/.exec(value);
  if (!match) return false;
  const [, scheme, host, port, path] = match;
  const pageScheme = new URL(pageOrigin).protocol.slice(0, -1);
  const wanted = scheme ?? pageScheme;
  const protocol = url.protocol.slice(0, -1);
  if (protocol !== wanted && !(wanted === 'http' && protocol === 'https')) return false;
  if (!hostMatches(host!, url.hostname)) return false;
  const defaultPort = protocol === 'https' ? '443' : '80';
  const actualPort = url.port || defaultPort;
  if (port !== '*' && actualPort !== (port ?? defaultPort)) return false;
  return !path || path.endsWith('/') ? url.pathname.startsWith(path ?? '/') : url.pathname === path;
}

/**
 * Whether the page's CSP would block a request to `url`, and if so the sources it allows. An
 * empty or relative URL is this origin: always allowed.
 */
export function connectBlocked(
  url: string,
  {
    sources = connectSources(),
    pageOrigin = globalThis.location?.origin,
  }: { sources?: string[]; pageOrigin?: string } = {},
): { allowed: string[] } | undefined {
  if (!sources || !pageOrigin || url.trim() === '') return undefined;
  let target: URL;
  try {
    target = new URL(url, pageOrigin);
  } catch {
    return undefined;
  }
  return sources.some((source) => sourceAllows(source, target, pageOrigin)) ? undefined : { allowed: sources };
}

/** What to do about it, in words for the field and for the error. */
export function connectBlockedAdvice(url: string, envName: string, allowed: string[]): string {
  let origin = url;
  try {
    origin = new URL(url).origin;
  } catch {
    // Shown as typed.
  }
  const list = allowed.map((source) => (source === "'self'" ? 'this console’s own origin' : source)).join(', ');
  return (
    `This console’s Content-Security-Policy, fixed when it was built, lets it connect only to ${list}; ` +
    `the browser blocks requests to ${origin} before they leave. Either leave the endpoint empty in Settings and serve the API ` +
    `at this origin through a reverse proxy, or rebuild the console with ${envName}=${origin} (its origin is then ` +
    `added to connect-src).`
  );
}
