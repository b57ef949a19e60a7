import { useContext } from 'react';
import { useLocation as useWouterLocation, useSearch } from 'wouter';
import { LocationStateContext } from './location-state';

export interface AppLocation {
  /** As in the address bar (percent-escapes kept). */
  pathname: string;
  /** `?a=1`, or `''`. */
  search: string;
  /** What the navigation that led here passed as `state`. */
  state: unknown;
}

export function useLocation(): AppLocation {
  const [pathname] = useWouterLocation();
  const search = useSearch();
  const state = useContext(LocationStateContext)();
  return { pathname, search: search ? `?${search}` : '', state };
}
