/**
 * Sent with every answer of every server we ship (`vite preview` and the dev server, the mock HTTP
 * server, the runner): no other site may show the console in a frame and trick an admin into
 * clicking through it (clickjacking). The built page's CSP lives in a `<meta>` tag, which cannot
 * carry `frame-ancestors`, so this has to be a header; X-Frame-Options covers older browsers.
 */
export const FRAME_HEADERS = {
  'Content-Security-Policy': "frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
} as const;
