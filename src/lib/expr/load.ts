import type * as CheckEntry from './check-entry';

/**
 * The expression checker on demand: `@/lib/expr` is ~22 kB gzip that a view needs only once an
 * expression is checked, so views that merely may check one (the policy editor) load it lazily.
 * `loadExpr()` fetches it once; `loadedExpr()` gives it synchronously once it is there.
 */
type ExprModule = typeof CheckEntry;

let loaded: ExprModule | undefined;
let loading: Promise<ExprModule> | undefined;

export function loadExpr(): Promise<ExprModule> {
  loading ??= import('./check-entry').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined; // a failed fetch (offline, a deploy) may succeed on the next try
      throw error;
    },
  );
  return loading;
}

export function loadedExpr(): ExprModule | undefined {
  return loaded;
}
