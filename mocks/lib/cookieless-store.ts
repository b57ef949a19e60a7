/**
 * Stands in for msw's cookie jar (`msw/lib/core/utils/cookieStore.mjs`) in the demo build; see
 * `cookielessMsw` in `scripts/vite-plugins.ts`. The mock's handlers neither read cookies nor set them, yet msw
 * asks its jar (tough-cookie and a public-suffix list, 283 kB of minified code) for the cookies of
 * every request, once for each handler it tries. This jar holds none, and says so if a handler
 * ever sets one, so that the change cannot go unnoticed.
 */
let warned = false;

export const cookieStore = {
  getCookies(): { key: string; value: string }[] {
    return [];
  },
  async setCookie(cookie: string, url: string): Promise<void> {
    if (warned) return;
    warned = true;
    console.warn(`The demo mock keeps no cookies: “${cookie}” from ${url} is dropped (mocks/lib/cookieless-store.ts).`);
  },
};
