import { useCallback, useMemo } from 'react';
import { useLocation as useWouterLocation, useSearch } from 'wouter';
import type { NavigateOptions } from './use-navigate';
import { useNavigate } from './use-navigate';

type SearchParamsInit = URLSearchParams | string | Record<string, string> | [string, string][];
export type SetSearchParams = (
  next: SearchParamsInit | ((current: URLSearchParams) => SearchParamsInit),
  options?: NavigateOptions,
) => void;

/** The query of the address as URLSearchParams, and a way to write a new one (a navigation). */
export function useSearchParams(): [URLSearchParams, SetSearchParams] {
  const search = useSearch();
  const [pathname] = useWouterLocation();
  const navigate = useNavigate();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const setParams: SetSearchParams = useCallback(
    (next, options) => {
      const value = new URLSearchParams(typeof next === 'function' ? next(new URLSearchParams(params)) : next);
      const query = value.toString();
      navigate(query ? `${pathname}?${query}` : pathname, options);
    },
    [navigate, params, pathname],
  );
  return [params, setParams];
}
