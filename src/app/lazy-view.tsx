import { lazy, Suspense, type ComponentType } from 'react';
import { RouteLoading } from './layout/route-loading';

/**
 * A view in its own chunk, behind its own Suspense boundary. Under one boundary shared by all views,
 * React would keep the view being left mounted but hidden (its effects running) until the next
 * view's chunk arrives, and Back meanwhile would show that same instance again: an editor left with
 * "keep the draft" would not offer it, one whose changes were discarded would show them again. With
 * a boundary per view, the view left unmounts at once, and coming back mounts it afresh. A view that
 * reads through React Query is loaded with it (with-queries.tsx).
 */
export function lazyView(load: () => Promise<ComponentType>): ComponentType {
  const View = lazy<ComponentType>(() => load().then((Loaded) => ({ default: Loaded })));
  return function LazyView() {
    return (
      <Suspense fallback={<RouteLoading />}>
        <View />
      </Suspense>
    );
  };
}
