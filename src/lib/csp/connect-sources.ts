/**
 * Apart from the rest of connect-policy.ts: a page hands these to a Web Worker, which has no meta
 * CSP of its own, without loading the matching code the worker runs.
 */

/** The `connect-src` sources of the page's meta CSP (or its `default-src`); undefined: no CSP to honour. */
export function connectSources(doc: Document | undefined = globalThis.document): string[] | undefined {
  const meta = doc?.querySelector('meta[http-equiv="Content-Security-Policy" i]');
  const policy = meta?.getAttribute('content');
  if (!policy) return undefined;
  const directives = new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((tokens) => tokens[0])
      .map((tokens) => [tokens[0]!.toLowerCase(), tokens.slice(1)] as const),
  );
  return directives.get('connect-src') ?? directives.get('default-src');
}

/**
 * Whether `url` is this page's origin and `sources` (connectSources()) allow it by 'self', or there is
 * no CSP to honour: a request that needs no matching against the rest of the policy.
 */
export function thisOriginAllowed(url: string, sources: string[] | undefined): boolean {
  const here = globalThis.location?.origin;
  return here !== undefined && new URL(url, here).origin === here && (!sources || sources.includes("'self'"));
}
