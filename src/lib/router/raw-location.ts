import { useBrowserLocation, useSearch as useBrowserSearch } from 'wouter/use-browser-location';

/**
 * wouter decodes the path (decodeURI) before it matches routes. Escaping every `%` first makes that
 * decoding give back the address exactly as the browser holds it, so that `useParams` can decode each
 * segment once (`a%2Fb` stays one segment, `50%25` does not become `5` + garbage).
 */
export const keepEscapes = (value: string) => value.replace(/%/g, '%25');

export function useRawBrowserLocation(): [
  string,
  (to: string, options?: { replace?: boolean; state?: unknown }) => void,
] {
  const [path, navigate] = useBrowserLocation();
  return [keepEscapes(path), navigate];
}

export function useRawBrowserSearch(): string {
  return keepEscapes(useBrowserSearch());
}
