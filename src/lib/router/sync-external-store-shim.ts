// wouter reads useSyncExternalStore through the `use-sync-external-store` shim, written for React
// before 18, whose fallback code would only add to the first load: React 19 has the hook built in.
// vite.config.ts resolves the shim to this module.
export { useSyncExternalStore } from 'react';
