import { memoryLocation } from 'wouter/memory-location';
import { guardNavigation } from './navigation-blocker';
import { keepEscapes } from './raw-location';

interface NavigateOptions {
  replace?: boolean;
  state?: unknown;
}

/**
 * An in-memory router for component tests: `router.navigate(to)` goes through the same blockers as a
 * click, and `router.state.location` says where the app is.
 */
export function createTestRouter(initialPath: string) {
  const memory = memoryLocation({ path: initialPath, record: true });
  const current = () => memory.history?.at(-1) ?? initialPath;
  const navigate = (to: string, options?: NavigateOptions) => {
    const target = to.startsWith('?') ? current().split('?')[0] + to : to;
    guardNavigation(current(), target, () => memory.navigate(target, options));
  };
  const useMemoryPath = () => {
    const [path] = memory.hook();
    return [keepEscapes(path), navigate] as [string, typeof navigate];
  };
  const useMemorySearch = () => keepEscapes(memory.searchHook());
  return {
    hook: useMemoryPath,
    searchHook: useMemorySearch,
    aroundNav: (_navigate: unknown, to: string, options?: NavigateOptions) => navigate(to, options),
    /** Reads the state of the current entry; re-renders with the path. */
    useState: () => {
      memory.hook();
      return memory.state;
    },
    navigate,
    state: {
      get location() {
        const [pathname = '/', search = ''] = current().split('?');
        return { pathname, search: search ? `?${search}` : '', state: memory.state as unknown };
      },
    },
  };
}

export type TestRouter = ReturnType<typeof createTestRouter>;
