/**
 * The Content-Security-Policy of every built page. No inline script, no eval; API calls go to the
 * same origin (a proxy) or to the origins named at build time.
 */
const apiOrigins = [process.env.VITE_GUARDIAN_URL, process.env.VITE_POLICY_TEST_URL]
  .filter((url): url is string => Boolean(url) && /^https?:\/\//.test(url ?? ''))
  .map((url) => new URL(url).origin);

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  `connect-src 'self' ${apiOrigins.join(' ')}`.trim(),
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
