import { createContext } from 'react';

/** How the current history entry's state is read: `history.state` in the browser, memory in tests. */
export const LocationStateContext = createContext<() => unknown>(() => null);
