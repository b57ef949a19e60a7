import { createContext, startTransition, useContext, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
// Imported for its side effect too: wouter patches history.pushState/replaceState to dispatch the
// `pushState`/`replaceState` events heard below.
import { navigate as browserNavigate } from 'wouter/use-browser-location';
import { keepEscapes } from './raw-location';

interface Shown {
  path: string;
  search: string;
  state: unknown;
}

const read = (): Shown => ({ path: location.pathname, search: location.search, state: history.state });

const Location = createContext<Shown | null>(null);

let urgent = false;

/** Runs a navigation whose new view must be on screen in this frame, whatever it changes. */
export function navigateUrgently(go: () => void): void {
  urgent = true;
  try {
    flushSync(go);
  } finally {
    urgent = false;
  }
}

/**
 * The browser's address as React state, one copy for the whole app. A new path mounts another view:
 * it is rendered as a transition, so building the new view is render slices that yield to the
 * browser, and taking the old one down happens in the commit and its effects after it, instead of
 * all of it in one long task in the click (a view whose code is still loading shows its own loading
 * state as before: each view has its own Suspense boundary; Back and Forward are still rendered at
 * once, as React does for popstate). A new query only (a search box, a page of a table, a form kept
 * in the address) is rendered at once, so typing stays in step.
 */
export function BrowserLocationProvider({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(read);
  const firstShown = useRef(shown);
  useLayoutEffect(() => {
    let last = firstShown.current;
    const update = () => {
      const next = read();
      // Unchanged (the check as it mounts, mostly): no render of the whole app for nothing.
      if (next.path === last.path && next.search === last.search && next.state === last.state) return;
      const newPath = next.path !== last.path;
      last = next;
      const show = () => setShown(next);
      if (newPath && !urgent) startTransition(show);
      else show();
    };
    update();
    const events = ['popstate', 'pushState', 'replaceState'];
    for (const e of events) addEventListener(e, update);
    return () => events.forEach((e) => removeEventListener(e, update));
  }, []);
  return <Location.Provider value={shown}>{children}</Location.Provider>;
}

const useShown = () => useContext(Location) ?? read();

export const useBrowserPath = (): [string, typeof browserNavigate] => [keepEscapes(useShown().path), browserNavigate];
export const useBrowserSearch = (): string => keepEscapes(useShown().search);
export const useBrowserHistoryState = (): unknown => useShown().state;
