/**
 * An API request's address. Apart from http.ts: the entry builds the catalog's first list request
 * with it before the rest of the API code has loaded.
 */
export type QueryValues = Record<string, string | number | boolean | readonly string[] | undefined>;

/** A list is sent as the key repeated (`ids=a&ids=b`), as grpc-gateway reads repeated fields. */
export function buildUrl(baseUrl: string, path: string, query?: QueryValues): string {
  const base = baseUrl.replace(/\/+$/, '');
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (Array.isArray(value)) for (const item of value as readonly string[]) search.append(key, item);
    else if (value !== undefined) search.set(key, String(value));
  }
  const qs = search.toString();
  return `${base}${path}${qs ? `?${qs}` : ''}`;
}

/** What a JSON request sends besides its address: the same from the entry, the workers and the API clients. */
export const jsonFetchInit = ({
  method = 'GET',
  headers,
  body,
  signal,
}: {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal;
}): RequestInit => ({
  method,
  headers: {
    Accept: 'application/json',
    ...headers,
    ...(body === undefined ? undefined : { 'Content-Type': 'application/json' }),
  },
  body: body === undefined ? undefined : JSON.stringify(body),
  signal,
  credentials: 'same-origin',
});
